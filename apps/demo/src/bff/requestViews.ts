// Rows to the shapes of shared/apiTypes.ts. One place, so the list, the detail and the
// attestation answer describe a request the same way.
import type { DecisionView, RequestItem, RequestStatus } from '../shared/apiTypes.js'
import type { DecisionRow } from './db/decisionStore.js'
import type { RequestRow } from './db/requestStore.js'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function decisionView(row: DecisionRow): DecisionView {
  return {
    eventType: row.event_type,
    subject: row.subject,
    contact: row.contact,
    credentialId: row.credential_id,
    outcome: row.outcome,
    credentialStatus: row.credential_status,
    decidedAt: row.decided_at,
    firstChannel: row.first_channel,
    attestationAt: iso(row.attestation_at),
    webhookAt: iso(row.webhook_at),
  }
}

const SETTLED = ['ACTIVE', 'REJECTED', 'CANCELED', 'REVOKED', 'EXPIRED'] as const
type Settled = (typeof SETTLED)[number]
const isSettled = (status: string | null | undefined): status is Settled =>
  (SETTLED as readonly (string | null | undefined)[]).includes(status)

/**
 * What the demo knows of a request from the decisions it received: the credential's status
 * after the latest decision (`DRAFT` while some grantor has not decided), a failed identity
 * check, or `EXPIRED` when the links ran out with nothing decided.
 */
export function requestStatus(
  request: RequestRow,
  decisions: readonly DecisionRow[],
  now: number,
): RequestStatus {
  const credential = decisions.filter((d) => d.event_type === 'credential').at(-1)
  const status = credential?.credential_status
  if (isSettled(status)) return status
  if (!credential && decisions.some((d) => d.outcome === 'failed')) return 'IDENTITY_FAILED'
  if (decisions.length === 0 && request.expires_at && Date.parse(request.expires_at) <= now) {
    return 'EXPIRED'
  }
  return 'DRAFT'
}

function parseContacts(json: string): string[] {
  const value: unknown = JSON.parse(json)
  return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : []
}

export function requestItem(
  row: RequestRow,
  decisions: readonly DecisionRow[],
  now: number,
): RequestItem {
  return {
    requestId: row.id,
    credentialName: row.credential_name,
    credentialDescription: row.credential_description,
    securityLevel: row.security_level,
    contacts: parseContacts(row.contacts),
    contact: row.contact,
    link: row.link,
    status: requestStatus(row, decisions, now),
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: row.expires_at,
    decisions: decisions.map(decisionView),
  }
}
