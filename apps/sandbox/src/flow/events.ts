// The decision events of link-protocol section 7 (without the attestation, which only Link
// results carry): one shape for webhooks and results.
import { API_VERSION } from '../constants.js'
import type { RequestRow, SessionRow } from '../db/rows.js'
import { issuerDidOf, userDid } from '../proof/didDocument.js'
import type { CredentialView } from './views.js'

export interface IdentityDecision {
  success: boolean
  isFraud: boolean
  date: string
  riskScore: number
  message: string
  outcome: string
}

export interface CredentialDecision {
  action: 'accept' | 'reject'
  date: string
}

interface EventSubject {
  platformDid: string
  request: RequestRow
  session: SessionRow
}

/** `issuerDid` is the issuer DID of the request's organization. */
function base(eventType: string, subject: EventSubject) {
  const { request, session, platformDid } = subject
  return {
    eventType,
    api_version: API_VERSION,
    requestId: request.id,
    internalId: request.internal_id ?? undefined,
    issuerDid: issuerDidOf(platformDid, request.org_id),
    user: { contact: session.contact, id: userDid(platformDid, session.user_id) },
  }
}

/** A decision on one credential. */
export function credentialEvent(
  subject: EventSubject,
  credential: CredentialView,
  decision: CredentialDecision,
) {
  return {
    ...base('credential', subject),
    eventType: 'credential' as const,
    credential: {
      id: credential.id,
      resourceType: credential.resourceType,
      status: credential.status,
      name: credential.name,
      description: credential.description,
      internalId: credential.internalId,
      tags: credential.tags,
      w3cCredential: credential.w3cCredential,
      decisions: credential.decisions,
    },
    decision,
  }
}

/** The outcome of an identity check. */
export function identityEvent(subject: EventSubject, decision: IdentityDecision) {
  return { ...base('identity', subject), eventType: 'identity' as const, decision }
}

/** Upper-case reasons of `otp.failed`, as Humanos spells them. */
export type OtpFailureCode =
  | 'INVALID_PHONE_NUMBER'
  | 'UNDELIVERABLE'
  | 'CARRIER_REJECTED'
  | 'RATE_LIMITED'
  | 'BLOCKED_DESTINATION'

/** A one-time code that could not be delivered. */
export function otpFailedEvent(
  subject: EventSubject,
  otp: { resendEndpoint: string; code: OtpFailureCode; message: string },
) {
  return {
    ...base('otp.failed', subject),
    otp: { resendEndpoint: otp.resendEndpoint, error: { code: otp.code, message: otp.message } },
  }
}

/** A test delivery, sent from `POST /_sandbox/webhooks/test`. */
export function testEvent(platformDid: string, orgId: string, message: string) {
  return {
    eventType: 'test',
    api_version: API_VERSION,
    requestId: 'test',
    issuerDid: issuerDidOf(platformDid, orgId),
    user: { contact: 'test@example.com', id: `${platformDid}:user:test` },
    message,
  }
}

export type CredentialEvent = ReturnType<typeof credentialEvent>
export type IdentityEvent = ReturnType<typeof identityEvent>
/** An event that travels both as a webhook and as a Link result. */
export type DecisionEvent = CredentialEvent | IdentityEvent
