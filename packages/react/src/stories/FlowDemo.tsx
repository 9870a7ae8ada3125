import { useState } from 'react'
import type { CSSProperties } from 'react'
import { HumanosLink } from '../HumanosLink.js'
import type { HumanosLinkProps } from '../HumanosLink.js'
import { HumanosLinkProvider } from '../HumanosLinkProvider.js'
import { useHumanosLinkStatus } from '../useHumanosLinkStatus.js'
import type { LinkResultPayload } from '@humanos-link/core'

/** Props of {@link FlowDemo}: the component's props, plus the demo's own switches. */
export interface FlowDemoProps extends HumanosLinkProps {
  /** Offered as "Get a fresh link" once the session has expired: what an app would fetch. */
  freshLink?: () => string
  /** Page colours around the flow. */
  dark?: boolean
}

const describe = (payload: LinkResultPayload) =>
  payload.eventType === 'credential'
    ? `${payload.credential.name}: ${payload.decision.action}`
    : `identity: ${payload.decision.outcome}`

/** A status line that reads the flow through the provider, as any component of an app could. */
function StatusLine({ onFreshLink }: { onFreshLink?: () => void }) {
  const status = useHumanosLinkStatus()
  const code = useHumanosLinkStatus((state) => state.error?.code ?? null)
  const decisions = useHumanosLinkStatus((state) => state.decisions.length)
  return (
    <p style={{ display: 'flex', gap: 12, alignItems: 'center', margin: '0 0 12px' }}>
      <span data-testid="status">
        Status: <strong>{status}</strong>
        {code && ` (${code})`}
      </span>
      <span data-testid="decision-count">Decisions: {decisions}</span>
      {code === 'session_expired' && onFreshLink && (
        <button type="button" onClick={onFreshLink}>
          Get a fresh link
        </button>
      )}
    </p>
  )
}

/**
 * A small host page for the stories: the flow, a status line fed by `useHumanosLinkStatus`,
 * and a log of every callback as it fires (the Actions panel shows the same calls).
 */
export function FlowDemo({ freshLink, dark, link, ...props }: FlowDemoProps) {
  const [current, setCurrent] = useState(link)
  const [log, setLog] = useState<string[]>([])
  const note = (line: string) => setLog((lines) => [...lines, line])
  const page: CSSProperties = dark
    ? { background: '#020617', color: '#e2e8f0', padding: 16, colorScheme: 'dark' }
    : { padding: 16 }

  return (
    <HumanosLinkProvider>
      <div style={{ ...page, font: '14px system-ui, sans-serif', maxWidth: 560 }}>
        <StatusLine onFreshLink={freshLink && (() => setCurrent(freshLink()))} />
        <HumanosLink
          {...props}
          link={current}
          style={{ border: '1px solid #94a3b8', borderRadius: 8, minHeight: 80 }}
          onReady={() => {
            note('onReady')
            props.onReady?.()
          }}
          onDecision={(payload) => {
            note(`onDecision: ${describe(payload)}`)
            props.onDecision?.(payload)
          }}
          onSuccess={(payloads) => {
            note(`onSuccess: ${payloads.length} decision(s)`)
            props.onSuccess?.(payloads)
          }}
          onExit={(reason) => {
            note(`onExit: ${reason}`)
            props.onExit?.(reason)
          }}
          onError={(error) => {
            note(`onError: ${error.code}: ${error.message}`)
            props.onError?.(error)
          }}
          onEvent={(event) => {
            if (event.type === 'event') note(`onEvent: ${event.name}`)
            props.onEvent?.(event)
          }}
        />
        <ol aria-label="Callbacks" style={{ paddingLeft: 20 }}>
          {log.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ol>
      </div>
    </HumanosLinkProvider>
  )
}
