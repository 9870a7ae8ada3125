// Shape checks for the BFF's answers. The BFF is ours, but the page still checks what it reads:
// a stale tab talking to a newer BFF should show an error, not crash while rendering.
import type {
  AttestationAccepted,
  CodeResent,
  CreatedRequest,
  DecisionView,
  RequestDetailView,
  RequestItem,
  RequestList,
  WebhookEventList,
} from '../../shared/apiTypes.js'

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isStr = (v: unknown): v is string => typeof v === 'string'
const isStrOrNull = (v: unknown) => v === null || isStr(v)

export function isCreatedRequest(v: unknown): v is CreatedRequest {
  return isObject(v) && isStr(v.requestId) && isStr(v.link) && isStrOrNull(v.expiresAt)
}

export function isCodeResent(v: unknown): v is CodeResent {
  return isObject(v) && v.sent === true
}

function isDecision(v: unknown): v is DecisionView {
  return (
    isObject(v) &&
    isStr(v.outcome) &&
    isStr(v.decidedAt) &&
    (v.firstChannel === 'attestation' || v.firstChannel === 'webhook') &&
    isStrOrNull(v.attestationAt) &&
    isStrOrNull(v.webhookAt)
  )
}

function isRequestItem(v: unknown): v is RequestItem {
  return (
    isObject(v) &&
    isStr(v.requestId) &&
    isStr(v.credentialName) &&
    isStr(v.status) &&
    isStr(v.contact) &&
    isStr(v.link) &&
    isStr(v.createdAt) &&
    Array.isArray(v.contacts) &&
    Array.isArray(v.decisions) &&
    v.decisions.every(isDecision)
  )
}

export function isRequestList(v: unknown): v is RequestList {
  return isObject(v) && Array.isArray(v.data) && v.data.every(isRequestItem)
}

export function isRequestDetail(v: unknown): v is RequestDetailView {
  return (
    isObject(v) &&
    isRequestItem(v.request) &&
    Array.isArray(v.credentials) &&
    v.credentials.every(
      (c) => isObject(c) && isStr(c.id) && isStr(c.name) && isObject(c.w3cCredential),
    )
  )
}

export function isAttestationAccepted(v: unknown): v is AttestationAccepted {
  return isObject(v) && isStr(v.requestId) && isDecision(v.decision)
}

export function isWebhookEventList(v: unknown): v is WebhookEventList {
  return (
    isObject(v) &&
    Array.isArray(v.data) &&
    v.data.every((e) => isObject(e) && isStr(e.eventType) && isStr(e.receivedAt))
  )
}
