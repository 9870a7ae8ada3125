// Shapes of the Humanos API subset (humanos-api.md) and of the decision events shared by
// webhooks and Link results (link-protocol.md, section 7). Fields documented by Humanos are
// typed; servers may add fields, so objects read from the wire keep an index signature where
// the spec says the object carries more than is listed.

/** The API version this package's types describe; sent as `API-Version` by default. */
export const HUMANOS_API_VERSION = '2026-05-17'

/** Production API base URL. */
export const HUMANOS_PRODUCTION_URL = 'https://api.humanos.id'

/** How the subject must prove who they are; `CONTACT` (the OTP alone) is the default. */
export type SecurityLevel = 'CONTACT' | 'ORGANIZATION_KYC' | 'HUMANOS_KYC' | 'HUMANOS_REVALIDATION'

/** Kind of an inline credential of `POST /request`. */
export type CredentialType = 'DOCUMENT' | 'CONSENT' | 'FORM' | 'JSON' | 'POLICY'

/** `DRAFT` until every grantor decided; then `ACTIVE` (all accepted) or `REJECTED` (one refused). */
export type CredentialStatus = 'DRAFT' | 'ACTIVE' | 'REJECTED' | 'CANCELED' | 'REVOKED' | 'EXPIRED'

/** A signature box on a `DOCUMENT` credential: where `contact` signs, in page units. */
export interface Placement {
  contact: string
  type: string
  x: number
  y: number
  width: number
  height: number
  /** From 0. */
  pageIndex: number
  identityType?: string
}

/** One inline credential of `POST /request`. */
export interface CredentialInput {
  type: CredentialType
  name: string
  description?: string
  scope?: string
  internalId?: string
  validFrom?: string
  validUntil?: string
  data?: unknown
  /**
   * On a `POLICY` credential: the action the person approves, with the values of its user
   * parameters (humanos-mandates.md section 3). The latest published version is pinned.
   */
  action?: { id: string; userParams?: Record<string, unknown> }
  /** Signature boxes; a `DOCUMENT` only. */
  placements?: Placement[]
}

/** Body of `POST /request`: 1-100 contacts (emails or E.164 phones), 1-10 credentials. */
export interface CreateRequestInput {
  contacts: string[]
  name?: string
  securityLevel?: SecurityLevel
  credentials?: CredentialInput[]
  /** `ENG`, `PRT`, ... */
  language?: string
  redirectUrl?: string
  internalId?: string
  /** The browser's ECDH public key (base64 SPKI), pre-registered for the Link frame. */
  pubKey?: string
  authorizedDIDs?: string[]
  /** Workflow ids (`listWorkflows`): each adds its approvals as credentials. */
  groupIds?: string[]
  /** Approval ids (`listApprovals`): each adds one credential. */
  resourcesIds?: string[]
  /** The identity document each contact is expected to show. */
  expectedDocIds?: { contact: string; docId: string }[]
}

/** Answer of `POST /request`. */
export interface CreateRequestResponse {
  id: string
  credentials: { id: string; name: string; internalId?: string }[]
  /**
   * One per contact; `link` is the Link URL `<L>/link/<sessionId>`. `code` is there only when
   * your organization delivers the one-time codes itself (`otpDelivery: none`).
   */
  subjects: { contact: string; id: string; code?: string; link: string }[]
}

/** A decision recorded on a credential. */
export interface CredentialDecisionRecord {
  id: string
  contact: string
  accepted: boolean
  decidedAt: string
}

/**
 * A credential as `GET /credential/:id` and the request detail return it. Only `id`,
 * `resourceType`, `status` and `w3cCredential` are required by the API; the others may be
 * absent from an answer.
 */
export interface Credential {
  id: string
  resourceType: string
  status: CredentialStatus
  /** The W3C VIA mandate; `proofs` is empty while `DRAFT`. */
  w3cCredential: Record<string, unknown>
  name?: string
  description?: string
  internalId?: string
  tags?: string[]
  decisions?: CredentialDecisionRecord[]
  [field: string]: unknown
}

/**
 * Where a request stands as a whole: `PENDING` until every subject has answered (`COMPLETED`),
 * unless it is `CANCELED` or its Link sessions `EXPIRED` first.
 */
export type RequestStatus = 'PENDING' | 'COMPLETED' | 'EXPIRED' | 'CANCELED'

/** Where one subject's Link session stands; `LOCKED` after too many wrong codes. */
export type SubjectStatus = 'PENDING' | 'COMPLETED' | 'EXPIRED' | 'CANCELED' | 'LOCKED'

/** One subject (contact) of a request, as `GET /request/:requestId` returns it. */
export interface RequestSubject {
  contact: string
  /** The user's DID. */
  id: string
  /** Its Link URL `<L>/link/<sessionId>`. */
  link?: string
  status?: SubjectStatus
  internalId?: string
  /** `NONE`, `KYC` or `HUMANOS`. */
  identityStatus?: IdentityStatus
  /** The identity check's result, once there is one; `null` before. */
  kyc?: unknown
  /** When the user was first known. */
  createdAt?: string
  /** The identity check's result (a sandbox alias of `kyc`). */
  identity?: unknown
  [field: string]: unknown
}

/** How far a user's identity is known. */
export type IdentityStatus = 'NONE' | 'KYC' | 'HUMANOS'

/**
 * Answer of `GET /request/:requestId`. The spec is certain of `credentials` and the subjects'
 * `contact` and `id`; `status` and the subjects' `status` are what the sandbox answers.
 */
export interface RequestDetail {
  id: string
  status?: RequestStatus
  subjects: RequestSubject[]
  credentials: Credential[]
  [field: string]: unknown
}

/** One item of `GET /request`. */
export interface RequestSummary {
  id: string
  [field: string]: unknown
}

/** Query of `GET /request`. */
export interface ListRequestsParams {
  /** From 0. */
  pageIndex?: number
  /** 5-100; the server's default is 10. */
  pageSize?: number
  /** At most 100 characters. */
  search?: string
  internalId?: string
  /** Requests with a subject of this contact, user DID or user internal id. */
  subject?: SubjectSelector
}

/** One user of your organization, named by exactly one of these. */
export type SubjectSelector = { contact: string } | { id: string } | { internalId: string }

/** A page of a paginated list. */
export interface Page<T> {
  data: T[]
  totalPages: number
}

/** Answer of `PATCH /request/resend/:requestId`. */
export interface ResendOtpResponse {
  success: true
  /** The new code, when your organization delivers codes itself (`otpDelivery: none`). */
  code?: string
}

/** Body of `DELETE /credential/revoke/:credentialId`. */
export interface RevokeCredentialInput {
  reason?: string
}

// ---- decision events: webhook deliveries and Link results (link-protocol section 7) ----

/** The person an event is about. `id` is their DID. */
export interface EventUser {
  contact: string
  id: string
  internalId?: string
}

interface EventBase {
  api_version: string
  requestId: string
  internalId?: string
  issuerDid: string
  user: EventUser
}

/** A credential decision. */
export interface CredentialDecision {
  action: 'accept' | 'reject'
  date: string
}

/** The outcome of an identity check (KYC). */
export interface IdentityDecision {
  success: boolean
  isFraud: boolean
  date: string
  riskScore: number
  message: string
  outcome: string
}

/** A decision on a credential (a VIA mandate). */
export interface CredentialEvent extends EventBase {
  eventType: 'credential'
  credential: {
    id: string
    resourceType: string
    status: string
    name: string
    description?: string
    internalId?: string
    tags?: string[]
    w3cCredential: Record<string, unknown>
    decisions: unknown[]
  }
  decision: CredentialDecision
  /** Compact JWS; always present in a Link result, optional in a webhook. */
  attestation?: string
}

/** The outcome of an identity check. */
export interface IdentityEvent extends EventBase {
  eventType: 'identity'
  decision: IdentityDecision
  /** Compact JWS; always present in a Link result, optional in a webhook. */
  attestation?: string
}

/** An OTP could not be delivered or verified. */
export interface OtpFailedEvent extends EventBase {
  eventType: 'otp.failed'
  otp: { resendEndpoint: string; error: { code: string; message: string } }
}

/** A test delivery from the dashboard (or the sandbox). */
export interface TestEvent extends EventBase {
  eventType: 'test'
  message: string
}

/** Any decrypted webhook event. */
export type WebhookEvent = CredentialEvent | IdentityEvent | OtpFailedEvent | TestEvent

/**
 * A decrypted Link `result` payload, as the browser SDK hands it to the host page: a
 * credential or identity event that always carries its attestation. Send `attestation` to
 * your server and trust only what {@link verifyAttestation} returns.
 */
export type LinkResultPayload =
  (CredentialEvent & { attestation: string }) | (IdentityEvent & { attestation: string })
