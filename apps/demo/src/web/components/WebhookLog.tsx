import { useWebhookEvents } from '../hooks/useWebhookEvents.js'
import { formatTime, shortId } from '../format.js'
import { EmptyState } from './EmptyState.js'
import { ErrorState } from './ErrorState.js'
import { SkeletonList } from './SkeletonList.js'

/** What Humanos delivered to the BFF's webhook endpoint, with retries counted, not repeated. */
export function WebhookLog() {
  const events = useWebhookEvents()

  let body
  if (events.isPending) body = <SkeletonList label="Loading webhooks" rows={2} />
  else if (events.isError && !events.data) {
    body = (
      <ErrorState
        title="The webhooks could not be loaded"
        error={events.error}
        onRetry={() => void events.refetch()}
        retrying={events.isFetching}
      />
    )
  } else if (events.data.length === 0) {
    body = (
      <EmptyState title="No webhook yet">
        Humanos posts an encrypted, signed event to the BFF when a decision is made.
      </EmptyState>
    )
  } else {
    body = (
      <ul className="webhooks">
        {events.data.map((event) => (
          <li key={`${event.webhookId ?? ''}${event.receivedAt}`}>
            <span className="tag">{event.eventType}</span>{' '}
            {event.requestId ? (
              <span title={event.requestId}>{shortId(event.requestId)}</span>
            ) : null}{' '}
            <time dateTime={event.receivedAt} className="muted">
              {formatTime(event.receivedAt)}
            </time>
            {event.deliveries > 1 ? (
              <span className="muted"> · delivered {event.deliveries}×, recorded once</span>
            ) : null}
          </li>
        ))}
      </ul>
    )
  }

  return (
    <section className="card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks received</h2>
      {body}
    </section>
  )
}
