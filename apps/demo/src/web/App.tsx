import { ApprovalPanel } from './components/ApprovalPanel'
import { CreateRequestForm } from './components/CreateRequestForm'
import { CredentialPanel } from './components/CredentialPanel'
import { RequestList } from './components/RequestList'
import { WebhookLog } from './components/WebhookLog'

/** The demo: create a request, approve it in the embedded flow, watch the decision arrive. */
export function App() {
  return (
    <>
      <header className="top">
        <div>
          <p className="eyebrow">Humanos Link demo</p>
          <h1>Ask a person to approve, right inside your app</h1>
        </div>
        <nav aria-label="Other versions">
          <a href="/embed.html">Same flow with a plain script tag →</a>
        </nav>
      </header>
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
    </>
  )
}
