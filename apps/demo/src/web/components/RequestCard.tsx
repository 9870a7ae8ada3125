import type { RequestItem } from '../../shared/apiTypes.js'
import { formatDate, shortId } from '../format.js'
import { useUiStore } from '../state/useUiStore.js'
import { ChannelRace } from './ChannelRace.js'
import { StatusBadge } from './StatusBadge.js'

/** One request: what, for whom, its status, and how each decision arrived. */
export function RequestCard({ request }: { request: RequestItem }) {
  const startFlow = useUiStore((state) => state.startFlow)
  const selectRequest = useUiStore((state) => state.selectRequest)
  const selected = useUiStore((state) => state.selectedRequestId === request.requestId)
  const headingId = `request-${request.requestId}`
  return (
    <li
      className={`request${selected ? ' selected' : ''}`}
      aria-labelledby={headingId}
      data-request-id={request.requestId}
    >
      <div className="request-header">
        <h3 id={headingId}>{request.credentialName}</h3>
        <StatusBadge status={request.status} />
      </div>
      <p className="request-meta">
        {request.contacts.join(', ')} · {request.securityLevel} ·{' '}
        <time dateTime={request.createdAt}>{formatDate(request.createdAt)}</time> ·{' '}
        <span title={request.requestId}>{shortId(request.requestId)}</span>
      </p>
      {request.decisions.length > 0 ? (
        <ul className="decisions" aria-label="Decisions">
          {request.decisions.map((decision) => (
            <li key={`${decision.subject}|${decision.credentialId ?? ''}|${decision.decidedAt}`}>
              <p className="decision-line">
                {decision.contact ?? 'Someone'}{' '}
                <strong>{decision.outcome === 'accept' ? 'accepted' : decision.outcome}</strong>
                {decision.eventType === 'identity' ? ' the identity check' : null}
              </p>
              <ChannelRace decision={decision} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="request-actions">
        {request.status === 'DRAFT' ? (
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              startFlow({
                requestId: request.requestId,
                link: request.link,
                contact: request.contact,
                credentialName: request.credentialName,
                securityLevel: request.securityLevel,
              })
            }
          >
            Approve as {request.contact}
          </button>
        ) : null}
        <button
          type="button"
          className="button secondary"
          aria-pressed={selected}
          onClick={() => selectRequest(selected ? null : request.requestId)}
        >
          {selected ? 'Hide credential' : 'View credential'}
        </button>
      </div>
    </li>
  )
}
