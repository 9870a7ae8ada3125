import { useUiStore } from '../state/useUiStore.js'
import { shortId } from '../format.js'
import { ApprovalFlow } from './ApprovalFlow.js'
import { CONTACTS_FIELD_ID } from './CreateRequestForm.js'
import { EmptyState } from './EmptyState.js'
import { ModeSwitch } from './ModeSwitch.js'

/** Step 2: the person approves, in the embedded Humanos flow. */
export function ApprovalPanel() {
  const flow = useUiStore((state) => state.activeFlow)
  const mode = useUiStore((state) => state.mode)
  const endFlow = useUiStore((state) => state.endFlow)

  return (
    <section className="card approval" aria-labelledby="approval-title">
      <div className="card-header">
        <h2 id="approval-title">2. Approve it</h2>
        <ModeSwitch />
      </div>
      {flow ? (
        <>
          <p className="card-intro">
            <strong>{flow.credentialName}</strong> for {flow.contact}{' '}
            <span className="muted">· request {shortId(flow.requestId)}</span>{' '}
            <button type="button" className="link-button" onClick={endFlow}>
              Close
            </button>
          </p>
          {/* Keyed by request and mode: a new one starts a new flow from scratch. */}
          <ApprovalFlow key={`${flow.requestId}:${mode}`} flow={flow} mode={mode} />
        </>
      ) : (
        <EmptyState
          title="Nothing to approve yet"
          action={
            <button
              type="button"
              className="button secondary"
              onClick={() => document.getElementById(CONTACTS_FIELD_ID)?.focus()}
            >
              Start with the form
            </button>
          }
        >
          Create a request and the Humanos approval flow opens here, served from the Humanos origin
          inside an iframe.
        </EmptyState>
      )}
    </section>
  )
}
