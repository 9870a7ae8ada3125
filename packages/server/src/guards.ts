// Shape checks for values read from the wire. They check what this package's types promise
// and ignore extra fields (servers may add some).
import type {
  CreateRequestResponse,
  Credential,
  Page,
  RequestDetail,
  RequestSummary,
  ResendOtpResponse,
  WebhookEvent,
} from './types.js'

export type Obj = Record<string, unknown>

export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
export const isStr = (v: unknown): v is string => typeof v === 'string'
export const isOptStr = (v: unknown): boolean => v === undefined || isStr(v)
export const isArrayOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] =>
  Array.isArray(v) && v.every(item)

const CREDENTIAL_STATUSES = new Set([
  'DRAFT',
  'ACTIVE',
  'REJECTED',
  'CANCELED',
  'REVOKED',
  'EXPIRED',
])

export function isCreateRequestResponse(v: unknown): v is CreateRequestResponse {
  return (
    isObj(v) &&
    isStr(v.id) &&
    isArrayOf(v.credentials, (c): c is Obj => isObj(c) && isStr(c.id) && isStr(c.name)) &&
    isArrayOf(
      v.subjects,
      (s): s is Obj => isObj(s) && isStr(s.contact) && isStr(s.id) && isStr(s.link),
    )
  )
}

/**
 * Only `id`, `resourceType`, `status` and `w3cCredential` are required (humanos-api.md); the
 * optional fields are checked when present.
 */
export function isCredential(v: unknown): v is Credential {
  return (
    isObj(v) &&
    isStr(v.id) &&
    isStr(v.resourceType) &&
    isStr(v.status) &&
    CREDENTIAL_STATUSES.has(v.status) &&
    isObj(v.w3cCredential) &&
    isOptStr(v.name) &&
    (v.decisions === undefined ||
      isArrayOf(
        v.decisions,
        (d): d is Obj =>
          isObj(d) &&
          isStr(d.id) &&
          isStr(d.contact) &&
          typeof d.accepted === 'boolean' &&
          isStr(d.decidedAt),
      ))
  )
}

function isRequestSubject(v: unknown): v is RequestDetail['subjects'][number] {
  return isObj(v) && isStr(v.contact) && isStr(v.id)
}

export function isRequestDetail(v: unknown): v is RequestDetail {
  return (
    isObj(v) &&
    isStr(v.id) &&
    isArrayOf(v.credentials, isCredential) &&
    isArrayOf(v.subjects, isRequestSubject) &&
    (v.status === undefined || isStr(v.status))
  )
}

export function isRequestPage(v: unknown): v is Page<RequestSummary> {
  return (
    isObj(v) &&
    isArrayOf(v.data, (r): r is RequestSummary => isObj(r) && isStr(r.id)) &&
    typeof v.totalPages === 'number' &&
    Number.isInteger(v.totalPages) &&
    v.totalPages >= 0
  )
}

export function isResendOtpResponse(v: unknown): v is ResendOtpResponse {
  return isObj(v) && v.success === true
}

export function isCredentialDecision(d: unknown): boolean {
  return isObj(d) && (d.action === 'accept' || d.action === 'reject') && isStr(d.date)
}

export function isIdentityDecision(d: unknown): boolean {
  return (
    isObj(d) &&
    typeof d.success === 'boolean' &&
    typeof d.isFraud === 'boolean' &&
    isStr(d.date) &&
    typeof d.riskScore === 'number' &&
    isStr(d.message) &&
    isStr(d.outcome)
  )
}

function isEventCredential(c: unknown): boolean {
  return (
    isObj(c) &&
    isStr(c.id) &&
    isStr(c.resourceType) &&
    isStr(c.status) &&
    isStr(c.name) &&
    isObj(c.w3cCredential) &&
    Array.isArray(c.decisions)
  )
}

/** True when a decrypted webhook plaintext is one of the documented events. */
export function isWebhookEvent(v: unknown): v is WebhookEvent {
  if (!isObj(v)) return false
  const user = v.user
  const base =
    isStr(v.api_version) &&
    isStr(v.requestId) &&
    isOptStr(v.internalId) &&
    isStr(v.issuerDid) &&
    isObj(user) &&
    isStr(user.contact) &&
    isStr(user.id) &&
    isOptStr(user.internalId)
  if (!base) return false
  switch (v.eventType) {
    case 'credential':
      return (
        isEventCredential(v.credential) &&
        isCredentialDecision(v.decision) &&
        isOptStr(v.attestation)
      )
    case 'identity':
      return isIdentityDecision(v.decision) && isOptStr(v.attestation)
    case 'otp.failed': {
      const otp = v.otp
      return (
        isObj(otp) &&
        isStr(otp.resendEndpoint) &&
        isObj(otp.error) &&
        isStr(otp.error.code) &&
        isStr(otp.error.message)
      )
    }
    case 'test':
      return isStr(v.message)
    default:
      return false
  }
}
