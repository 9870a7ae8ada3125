// The BFF's HTTP contract, shared by the BFF (which answers it) and the web app (which reads it).
// Types only: nothing here runs, so nothing from the server side can leak into the bundle.

/** How the person must prove who they are (humanos-api.md). */
export type SecurityLevel = 'CONTACT' | 'ORGANIZATION_KYC' | 'HUMANOS_KYC' | 'HUMANOS_REVALIDATION'

/** Body of `POST /api/requests`. */
export interface CreateRequestBody {
  /** 1-10 emails or E.164 phone numbers; each gets their own Link. */
  contacts: string[]
  /** The contact whose Link the browser gets; default the first one. */
  contact?: string
  credentialName: string
  credentialDescription?: string
  securityLevel?: SecurityLevel
}

/** Answer of `POST /api/requests`: only what the Link frame needs, for the chosen contact. */
export interface CreatedRequest {
  requestId: string
  link: string
  /** ISO date, or `null` when Humanos did not say. */
  expiresAt: string | null
}

/** Answer of `POST /api/requests/:requestId/resend`: a new code went to the request's contact. */
export interface CodeResent {
  sent: true
}

/** Which way a decision reached the BFF. */
export type Channel = 'attestation' | 'webhook'

/** A decision, as the BFF recorded it from either channel (or both). */
export interface DecisionView {
  eventType: 'credential' | 'identity'
  /** The person's DID. */
  subject: string
  /** The person's contact, known once the webhook arrived. */
  contact: string | null
  credentialId: string | null
  /** `accept` / `reject` for credentials, `passed` / `failed` for identity checks. */
  outcome: 'accept' | 'reject' | 'passed' | 'failed'
  /** The credential's status right after this decision. */
  credentialStatus: string | null
  decidedAt: string
  firstChannel: Channel
  /** When the verified attestation arrived from the browser (ISO), if it did. */
  attestationAt: string | null
  /** When the verified webhook arrived from Humanos (ISO), if it did. */
  webhookAt: string | null
}

/** `DRAFT` (waiting), a credential status after a decision, or `EXPIRED` (nobody decided). */
export type RequestStatus =
  'DRAFT' | 'ACTIVE' | 'REJECTED' | 'CANCELED' | 'REVOKED' | 'EXPIRED' | 'IDENTITY_FAILED'

/** One item of `GET /api/requests`. */
export interface RequestItem {
  requestId: string
  credentialName: string
  credentialDescription: string | null
  securityLevel: SecurityLevel
  contacts: string[]
  /** The contact the browser approves for. */
  contact: string
  link: string
  status: RequestStatus
  createdAt: string
  expiresAt: string | null
  decisions: DecisionView[]
}

/** Answer of `GET /api/requests`. */
export interface RequestList {
  data: RequestItem[]
}

/** A sealed credential, as `GET /api/requests/:id` shows it. */
export interface CredentialView {
  id: string
  name: string
  status: string
  /** The W3C VIA mandate as Humanos returns it. */
  w3cCredential: Record<string, unknown>
  /** Its `DataIntegrityProof`, or `null` while it is not sealed. */
  proof: Record<string, unknown> | null
}

/** Answer of `GET /api/requests/:id`. */
export interface RequestDetailView {
  request: RequestItem
  credentials: CredentialView[]
}

/** Body of `POST /api/attestations`. */
export interface AttestationBody {
  attestation: string
}

/** Answer of `POST /api/attestations`. */
export interface AttestationAccepted {
  requestId: string
  status: RequestStatus | null
  decision: DecisionView
}

/** One webhook event the BFF stored (`GET /api/webhooks`). */
export interface WebhookEventView {
  /** `x-webhook-id`, or `null` when Humanos did not send one. */
  webhookId: string | null
  eventType: string
  requestId: string | null
  receivedAt: string
  /** How many times it was delivered; every copy after the first was dropped. */
  deliveries: number
}

/** Answer of `GET /api/webhooks`. */
export interface WebhookEventList {
  data: WebhookEventView[]
}

/** One problem with one field of a request. */
export interface FieldIssue {
  field: string
  reason: string
}

/** Every error the BFF answers has this body. */
export interface ErrorBody {
  /** A stable code: `invalid_request`, `rate_limited`, `invalid_attestation`, ... */
  error: string
  message: string
  /** For `invalid_request`: the first wrong field, and why. */
  field?: string
  reason?: string
  issues?: FieldIssue[]
}

/** One limit the person approves, as the demo shows it. */
export interface ActionParamView {
  name: string
  type: string
  description?: string
}

/** `GET /api/agent`: the shopping agent's action and the categories the demo offers. */
export interface AgentActionView {
  id: string
  version: number
  name: string
  description?: string
  userParams: ActionParamView[]
  executionParams: ActionParamView[]
  rules: Array<{ name: string; description?: string; expression: string }>
  categories: string[]
}

/** Body of `POST /api/mandates`. */
export interface CreateMandateBody {
  contact: string
  maxAmount: number
  allowedCategories: string[]
}

/** Answer of `POST /api/mandates`. */
export interface CreatedMandate extends CreatedRequest {
  credentialId: string
}

/** `GET /api/mandates/:requestId`. */
export interface MandateView {
  requestId: string
  credentialId: string
  link: string
  contact: string
  status: string
  userParams: { maxAmount: number; allowedCategories: string[] }
  createdAt: string
}

/** `GET /api/mandates`. */
export interface MandateList {
  data: MandateView[]
}

/** Body of `POST /api/mandates/:requestId/attempts`: a purchase, or the last one replayed. */
export type AttemptBody = { amount: number; category: string } | { replay: true }

/** A rule's outcome in a verification. */
export interface EvaluationView {
  name: string
  expression: string
  result: boolean
  error?: string
}

/** One agent attempt: the presentation step, then the verification, with its receipts. */
export interface AttemptView {
  decision: 'allow' | 'deny'
  /** Where a deny came from: the presentation could not be issued, or the verification said no. */
  stage: 'presentation' | 'verification'
  reason: string | null
  message: string | null
  evaluations: EvaluationView[]
  receipt: { id: string; timestamp: string }
  executionParams: { amount: number; category: string }
  replayed: boolean
  /** What the demo shows of the presentation: never the presentation itself. */
  presentation: { created: string; expires: string; domain: string | null } | null
}

/** Answer of `POST /api/mandates/:requestId/revoke`. */
export interface RevocationView {
  credentialId: string
  status: 'REVOKED'
  revokedAt: string
  receipt: { id: string; timestamp: string }
}

/** One activity event, as `GET /api/mandates/:requestId/activity` lists them. */
export interface ActivityItem {
  id: string
  type: string
  createdAt: string
  actorDid: string | null
  reason: string | null
  receiptId: string | null
}

export interface ActivityList {
  data: ActivityItem[]
}
