import { matches } from './protocol/shape.js'
import type { Shape } from './protocol/shape.js'

// The decrypted payload of a `result` message (spec section 7): the shape of the matching
// Humanos webhook event, plus an attestation the BFF can verify without calling the API.

/** The person who decided. `id` is their DID. */
export interface LinkResultUser {
  contact: string
  id: string
  internalId?: string
}

interface LinkResultBase {
  api_version: string
  requestId: string
  internalId?: string
  issuerDid: string
  user: LinkResultUser
  /** Compact JWS (ES256) signed by the Link service; verify it on your server. */
  attestation: string
}

/** A decision on a credential (a VIA mandate). */
export interface CredentialResultPayload extends LinkResultBase {
  eventType: 'credential'
  credential: {
    id: string
    resourceType: string
    status: string
    name: string
    w3cCredential: Record<string, unknown>
    decisions: unknown[]
  }
  decision: { action: 'accept' | 'reject'; date: string }
}

/** The outcome of an identity check (KYC). */
export interface IdentityResultPayload extends LinkResultBase {
  eventType: 'identity'
  decision: {
    success: boolean
    isFraud: boolean
    date: string
    riskScore: number
    message: string
    outcome: string
  }
}

/** One decrypted decision, as `onDecision` and `onSuccess` receive it. */
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
