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

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isStr = (v: unknown): v is string => typeof v === 'string'
const isOptStr = (v: unknown) => v === undefined || isStr(v)
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/

function isCredentialPart(p: Obj): boolean {
  const c = p.credential
  const d = p.decision
  return (
    isObj(c) &&
    isStr(c.id) &&
    isStr(c.resourceType) &&
    isStr(c.status) &&
    isStr(c.name) &&
    isObj(c.w3cCredential) &&
    Array.isArray(c.decisions) &&
    isObj(d) &&
    (d.action === 'accept' || d.action === 'reject') &&
    isStr(d.date)
  )
}

function isIdentityPart(p: Obj): boolean {
  const d = p.decision
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

/**
 * True when a decrypted value has the payload shape of spec section 7 (step 6 of the receiver).
 */
export function isLinkResultPayload(value: unknown): value is LinkResultPayload {
  if (!isObj(value)) return false
  const user = value.user
  const common =
    isStr(value.api_version) &&
    isStr(value.requestId) &&
    isOptStr(value.internalId) &&
    isStr(value.issuerDid) &&
    isObj(user) &&
    isStr(user.contact) &&
    isStr(user.id) &&
    isOptStr(user.internalId) &&
    isStr(value.attestation) &&
    COMPACT_JWS.test(value.attestation)
  if (!common) return false
  if (value.eventType === 'credential') return isCredentialPart(value)
  if (value.eventType === 'identity') return isIdentityPart(value)
  return false
}
