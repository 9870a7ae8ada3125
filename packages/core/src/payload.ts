import { matches } from './protocol/shape.js'
import type { Shape } from './protocol/shape.js'

// The decrypted payload of a `result` message (spec section 7): the shape of the matching
// Humanos webhook event, plus an attestation the BFF can verify without calling the API.

/** The person who decided. `id` is their DID. */
export interface LinkResultUser {
  /** The email or E.164 phone number the request was sent to. */
  contact: string
  /** The person's DID. */
  id: string
  /** Your own id for the person, when the request or user import set one. */
  internalId?: string
}

interface LinkResultBase {
  /** The API version the payload's shape follows, e.g. `2026-05-17`. */
  api_version: string
  /** The request (`POST /request`'s `id`) this decision belongs to. */
  requestId: string
  /** The request's `internalId`, when you set one. */
  internalId?: string
  /** The DID of the organization that made the request. */
  issuerDid: string
  /** Who decided. */
  user: LinkResultUser
  /** Compact JWS (ES256) signed by the Link service; verify it on your server. */
  attestation: string
}

/** A decision on a credential (a VIA mandate). */
export interface CredentialResultPayload extends LinkResultBase {
  /** Narrows {@link LinkResultPayload}: a decision on a credential. */
  eventType: 'credential'
  /** The credential decided on, as the API returns it. */
  credential: {
    /** The credential's id (`credentials[i].id` of `POST /request`). */
    id: string
    /** The kind of resource, as the API names it. */
    resourceType: string
    /** The credential's status after this decision (`ACTIVE` once every grantor accepted). */
    status: string
    /** The credential's name, as shown to the person. */
    name: string
    /** The W3C Verifiable Credential (the VIA mandate). */
    w3cCredential: Record<string, unknown>
    /** Every decision recorded on the credential so far. */
    decisions: unknown[]
  }
  /** What the person decided, and when (ISO 8601). */
  decision: {
    /** `accept` or `reject`: a completed flow may carry either. */
    action: 'accept' | 'reject'
    /** When the person decided (ISO 8601). */
    date: string
  }
}

/** The outcome of an identity check (KYC). */
export interface IdentityResultPayload extends LinkResultBase {
  /** Narrows {@link LinkResultPayload}: the outcome of an identity check. */
  eventType: 'identity'
  /** The check's outcome. */
  decision: {
    /** Whether the person's identity was verified. */
    success: boolean
    /** Whether the check flagged the attempt as fraudulent. */
    isFraud: boolean
    /** When the check ended (ISO 8601). */
    date: string
    /** The check's risk score. */
    riskScore: number
    /** A human-readable summary of the outcome. */
    message: string
    /** The check's outcome, as Humanos reports it. */
    outcome: string
  }
}

/**
 * One decrypted decision, as `onDecision` and `onSuccess` receive it: a decision on a credential
 * or the outcome of an identity check. Narrow it on `eventType` before reading `decision`:
 * `decision.action` (`accept` | `reject`) exists only on credential decisions,
 * `decision.success` only on identity checks. Its fields travelled through the browser: verify
 * `attestation` on your server before acting on it.
 */
export type LinkResultPayload = CredentialResultPayload | IdentityResultPayload

// Spec section 7. Fields the SDK does not know are allowed: the payload may grow.
const COMMON: Shape = {
  api_version: 'string',
  requestId: 'string',
  internalId: 'string?',
  issuerDid: 'string',
  user: { contact: 'string', id: 'string', internalId: 'string?' },
  // Compact JWS: three base64url parts.
  attestation: /^[\w-]+\.[\w-]+\.[\w-]+$/,
}

const CREDENTIAL_RESULT: Shape = {
  ...COMMON,
  eventType: ['credential'],
  credential: {
    id: 'string',
    resourceType: 'string',
    status: 'string',
    name: 'string',
    w3cCredential: 'object',
    decisions: 'array',
  },
  decision: { action: ['accept', 'reject'], date: 'string' },
}

const IDENTITY_RESULT: Shape = {
  ...COMMON,
  eventType: ['identity'],
  decision: {
    success: 'boolean',
    isFraud: 'boolean',
    date: 'string',
    riskScore: 'number',
    message: 'string',
    outcome: 'string',
  },
}

/**
 * True when a decrypted value has the payload shape of spec section 7 (step 6 of the receiver).
 */
export function isLinkResultPayload(value: unknown): value is LinkResultPayload {
  return matches(value, CREDENTIAL_RESULT) || matches(value, IDENTITY_RESULT)
}
