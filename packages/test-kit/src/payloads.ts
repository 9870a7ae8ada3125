// Decision payloads as the Link service seals them (link-protocol.md section 7), for every test
// that needs one: the fake frame seals them, the server and BFF tests put them in webhooks, the
// hostile fixtures forge them. One builder, so a change to the payload shape is made once.
import type { CredentialResultPayload, IdentityResultPayload } from './protocol.js'

/** A compact JWS that is well-formed but signed by no one: only a verifier can tell. */
export const UNSIGNED_ATTESTATION = 'eyJhbGciOiJFUzI1NiJ9.eyJ0ZXN0Ijp0cnVlfQ.c2lnbmF0dXJl'

/** The issuer DID of a sandbox on `127.0.0.1:<port>`, percent-encoded as did:web requires. */
export const sandboxDid = (port = 4010) => `did:web:127.0.0.1%3A${port}`

/** What a test may change in a credential decision; everything else is a valid default. */
export interface CredentialDecisionOptions {
  requestId?: string
  /** The credential's name, what a person sees: tests tell decisions apart by it. */
  name?: string
  action?: 'accept' | 'reject'
  /** Defaults to `ACTIVE` for accept and `REJECTED` for reject, as the sandbox sets it. */
  status?: string
  credentialId?: string
  issuerDid?: string
  contact?: string
  userId?: string
  date?: string
  attestation?: string
  w3cCredential?: Record<string, unknown>
}

/** A well-formed credential decision (spec section 7); fixed values unless `options` says. */
export function credentialDecision(
  options: CredentialDecisionOptions = {},
): CredentialResultPayload {
  const action = options.action ?? 'accept'
  const issuerDid = options.issuerDid ?? sandboxDid()
  return {
    eventType: 'credential',
    api_version: '2026-05-17',
    requestId: options.requestId ?? 'req-1',
    issuerDid,
    user: {
      contact: options.contact ?? 'ana@example.com',
      id: options.userId ?? `${issuerDid}:user:1`,
    },
    credential: {
      id: options.credentialId ?? 'urn:via:credential:550e8400-e29b-41d4-a716-446655440000',
      resourceType: 'CONSENT',
      status: options.status ?? (action === 'accept' ? 'ACTIVE' : 'REJECTED'),
      name: options.name ?? 'Share my email',
      w3cCredential: options.w3cCredential ?? { type: ['VerifiableCredential', 'VIAMandate'] },
      decisions: [],
    },
    decision: { action, date: options.date ?? '2026-11-24T12:00:00.000Z' },
    attestation: options.attestation ?? UNSIGNED_ATTESTATION,
  }
}

/** A well-formed identity-check outcome (spec section 7). */
export function identityDecision(
  options: { requestId?: string; success?: boolean; date?: string; attestation?: string } = {},
): IdentityResultPayload {
  const success = options.success ?? true
  const issuerDid = sandboxDid()
  return {
    eventType: 'identity',
    api_version: '2026-05-17',
    requestId: options.requestId ?? 'req-1',
    issuerDid,
    user: { contact: 'ana@example.com', id: `${issuerDid}:user:1` },
    decision: {
      success,
      isFraud: false,
      date: options.date ?? '2026-11-24T12:00:00.000Z',
      riskScore: success ? 0.05 : 0.9,
      message: success ? 'Identity verified' : 'Identity not verified',
      outcome: success ? 'APPROVED' : 'DECLINED',
    },
    attestation: options.attestation ?? UNSIGNED_ATTESTATION,
  }
}

/**
 * The webhook event Humanos sends for a decision: the payload without the Link-only
 * `attestation` (humanos-api.md, webhooks).
 */
export function webhookEventOf<T extends { attestation?: string }>(
  payload: T,
): Omit<T, 'attestation'> {
  const { attestation: _attestation, ...event } = payload
  return event
}

/**
 * A decision whose attestation carries `claims` unsigned: what a hostile page forges, labelled
 * so that a leak would be recognisable.
 */
export function forgedDecision(label: {
  requestId: string
  name: string
  claim: string
}): CredentialResultPayload {
  const claims = btoa(JSON.stringify({ [label.claim]: true })).replace(/=+$/, '')
  return credentialDecision({
    requestId: label.requestId,
    name: label.name,
    issuerDid: 'did:web:attacker.example',
    contact: 'victim@example.com',
    credentialId: `urn:via:credential:${crypto.randomUUID()}`,
    date: new Date().toISOString(),
    w3cCredential: {},
    attestation: `eyJhbGciOiJFUzI1NiJ9.${claims}.c2ln`,
  })
}
