import { ActivityTimeline } from './components/ActivityTimeline.js'
import { AgentPanel } from './components/AgentPanel.js'
import { ApprovalPanel } from './components/ApprovalPanel.js'
import { MandateForm } from './components/MandateForm.js'
import { CreateRequestForm } from './components/CreateRequestForm.js'
import { CredentialPanel } from './components/CredentialPanel.js'
import { RequestList } from './components/RequestList.js'
import { WebhookLog } from './components/WebhookLog.js'
import { useUiStore } from './state/useUiStore.js'

/**
 * The demo. At its centre the agent story: limits, the person's approval in the embedded flow,
 * the agent acting under the mandate, revocation and the activity. The one-off consent flow is
 * one click away.
 */
export function App() {
  const view = useUiStore((state) => state.view)
  const setView = useUiStore((state) => state.setView)
  return (
    <>
      <header className="top">
        <div>
          <p className="eyebrow">Humanos Link demo</p>
          <h1>
            {view === 'agent'
              ? 'Let an AI agent act for a person, within limits they approve'
              : 'Ask a person to approve, right inside your app'}
          </h1>
        </div>
        <div className="view-switch" role="group" aria-label="Story">
          <button
            type="button"
            className="button secondary"
            aria-pressed={view === 'agent'}
            onClick={() => setView('agent')}
          >
            Agent mandate
          </button>
          <button
            type="button"
            className="button secondary"
            aria-pressed={view === 'consent'}
            onClick={() => setView('consent')}
          >
            One-off consent
          </button>
        </div>
        <nav aria-label="Other versions">
          <a href="/embed.html">Same flow with a plain script tag →</a>
        </nav>
      </header>
      {view === 'agent' ? (
        <main className="layout">
          <div className="column">
            <MandateForm />
            <ApprovalPanel />
          </div>
          <div className="column">
            <AgentPanel />
            <ActivityTimeline />
          </div>
        </main>
      ) : (
        <main className="layout">
          <div className="column">
            <CreateRequestForm />
            <ApprovalPanel />
          </div>
          <div className="column">
            <RequestList />
            <CredentialPanel />
            <WebhookLog />
          </div>
        </main>
      )}
    </>
  )
}
