import { useRequests } from '../hooks/useRequests.js'
import { CONTACTS_FIELD_ID } from './CreateRequestForm.js'
import { EmptyState } from './EmptyState.js'
import { ErrorState } from './ErrorState.js'
import { RequestCard } from './RequestCard.js'
import { SkeletonList } from './SkeletonList.js'
import { StatusAnnouncer } from './StatusAnnouncer.js'

/** Step 3: every request of the demo, updated live as decisions arrive. */
export function RequestList() {
  const requests = useRequests()

  let body
  if (requests.isPending) body = <SkeletonList label="Loading requests" />
  else if (requests.isError && !requests.data) {
    body = (
      <ErrorState
        title="The requests could not be loaded"
        error={requests.error}
        onRetry={() => void requests.refetch()}
        retrying={requests.isFetching}
      />
    )
  } else if (requests.data.length === 0) {
    body = (
      <EmptyState
        title="No requests yet"
        action={
          <button
            type="button"
            className="button primary"
            onClick={() => document.getElementById(CONTACTS_FIELD_ID)?.focus()}
          >
            Create your first request
          </button>
        }
      >
        Requests you create appear here, and their status changes the moment a decision arrives.
      </EmptyState>
    )
  } else {
    body = (
      <>
        {requests.isError ? (
          <p className="stale-warning" role="alert">
            Live updates paused: the demo server is not answering. Retrying…
          </p>
        ) : null}
        <ul className="requests">
          {requests.data.map((request) => (
            <RequestCard key={request.requestId} request={request} />
          ))}
        </ul>
        <StatusAnnouncer requests={requests.data} />
      </>
    )
  }

  return (
    <section className="card" aria-labelledby="requests-title">
      <div className="card-header">
        <h2 id="requests-title">3. Watch the decision arrive</h2>
        <span className="live" title="Refreshed every 1.5 s">
          <span className="live-dot" aria-hidden="true" /> live
        </span>
      </div>
      <p className="card-intro">
        A decision reaches the server twice: the browser forwards the signed attestation, and
        Humanos sends a webhook. Both are verified; the first one to arrive is marked.
      </p>
      {body}
    </section>
  )
}
