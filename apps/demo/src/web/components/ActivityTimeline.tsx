import { useActivity } from '../hooks/useAgent.js'
import { useUiStore } from '../state/useUiStore.js'
import { EmptyState } from './EmptyState.js'
import { ErrorState } from './ErrorState.js'
import { SkeletonList } from './SkeletonList.js'

const WORDS: Record<string, string> = {
  REQUEST_CREATED: 'Mandate requested',
  REQUEST_CANCELED: 'Request canceled',
  USER_DECISION_ACCEPTED: 'The person accepted',
  USER_DECISION_REJECTED: 'The person rejected',
  MANDATE_ISSUED: 'Mandate issued (signed)',
  VP_CREATED: 'Presentation issued to the agent',
  VP_DENIED: 'Presentation refused',
  VP_VERIFIED: 'Verification allowed',
  VP_VERIFICATION_DENIED: 'Verification denied',
  MANDATE_REVOKED: 'Mandate revoked',
  KYC_ACCEPTED: 'Identity check passed',
  KYC_REJECTED: 'Identity check failed',
}

/** Step 4: what Humanos recorded, from `GET /activity`, newest first. */
export function ActivityTimeline() {
  const mandate = useUiStore((state) => state.mandate)
  const activity = useActivity(mandate?.requestId)
  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title">4. Activity</h2>
      {!mandate ? (
        <EmptyState title="No activity yet">
          Every step of the mandate (request, approval, presentations, verifications, revocation)
          appears here as Humanos records it.
        </EmptyState>
      ) : activity.isPending ? (
        <SkeletonList label="Loading the activity" />
      ) : activity.isError ? (
        <ErrorState
          title="The activity could not be loaded"
          error={activity.error}
          onRetry={() => void activity.refetch()}
          retrying={activity.isFetching}
        />
      ) : activity.data.length === 0 ? (
        <EmptyState title="Nothing recorded yet">The request is on its way.</EmptyState>
      ) : (
        <ol className="timeline" aria-label="Mandate activity">
          {activity.data.map((event) => (
            <li key={event.id} data-type={event.type}>
              <span className="timeline-time">
                {new Date(event.createdAt).toLocaleTimeString()}
              </span>{' '}
              <strong>{WORDS[event.type] ?? event.type}</strong> <code>{event.type}</code>
              {event.reason ? <> · {event.reason}</> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
