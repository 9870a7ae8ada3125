import type { RequestStatus } from '../../shared/apiTypes.js'

const LABELS: Record<RequestStatus, string> = {
  DRAFT: 'Waiting',
  ACTIVE: 'Active',
  REJECTED: 'Rejected',
  CANCELED: 'Canceled',
  REVOKED: 'Revoked',
  EXPIRED: 'Expired',
  IDENTITY_FAILED: 'Identity failed',
}

/** The request's status as Humanos names it, with a friendlier word beside it. */
export function StatusBadge({ status }: { status: RequestStatus }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-status={status}>
      <span className="badge-code">{status}</span>
      <span className="badge-label">{LABELS[status]}</span>
    </span>
  )
}
