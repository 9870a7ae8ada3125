import type { DecisionView } from '../../shared/apiTypes.js'
import { formatDelta, formatTime } from '../format.js'

const CHANNELS = {
  attestation: 'Attestation (browser)',
  webhook: 'Webhook (Humanos)',
} as const

/**
 * Which way the decision reached the BFF first, and when each arrived: the attestation the
 * browser forwarded, and the webhook Humanos sent. Both are verified before they count.
 */
export function ChannelRace({ decision }: { decision: DecisionView }) {
  const times = { attestation: decision.attestationAt, webhook: decision.webhookAt }
  const first = decision.firstChannel
  const second = first === 'attestation' ? 'webhook' : 'attestation'
  const firstAt = times[first]
  const secondAt = times[second]
  const delta = firstAt && secondAt ? Math.max(0, Date.parse(secondAt) - Date.parse(firstAt)) : null
  return (
    <dl className="race" data-first-channel={first}>
      <div className="race-row race-first">
        <dt>
          {CHANNELS[first]} <span className="tag">first</span>
        </dt>
        <dd>{firstAt ? <time dateTime={firstAt}>{formatTime(firstAt)}</time> : '—'}</dd>
      </div>
      <div className="race-row" data-channel={second}>
        <dt>{CHANNELS[second]}</dt>
        <dd>
          {secondAt ? (
            <>
              <time dateTime={secondAt}>{formatTime(secondAt)}</time>{' '}
              <span className="muted">{delta === null ? null : formatDelta(delta)}</span>
            </>
          ) : (
            <span className="muted">not yet</span>
          )}
        </dd>
      </div>
    </dl>
  )
}
