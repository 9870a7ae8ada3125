// Shapes of the agent-mandate endpoints (humanos-mandates.md): actions, presentations,
// verification, revocation, receipts and activity.

/** A parameter type an action may declare. */
export type ActionParamType =
  'string' | 'number' | 'integer' | 'boolean' | 'array<string>' | 'array<number>'

/** One declared parameter of an action. */
export interface ActionParam {
  type: ActionParamType
  description?: string
}

/** One CEL rule of an action: all must hold for a verification to allow. */
export interface ActionRule {
  name: string
  description?: string
  expression: string
}

/** The content of an action version. */
export interface ActionContent {
  name: string
  description?: string
  userParams: Record<string, ActionParam>
  executionParams: Record<string, ActionParam>
  rules: ActionRule[]
}

/** An action as `GET /actions` lists it (published actions only). */
export interface ActionSummary {
  /** `urn:via:action:<uuid>`. */
  id: string
  /** 24 lowercase hex characters. */
  actionId: string
  name: string
  description?: string
  latestVersion: number
  createdAt: string
  updatedAt: string
}

/** A published version of an action (`GET /actions/version/:id`). */
export interface ActionVersion {
  /** The action's URN. */
  id: string
  actionId: string
  version: number
  published: boolean
  createdAt: string
  updatedAt: string
  /** `sha256-` + base64(SHA-256(JCS(content))): what a mandate pins. */
  digestSRI: string
  content: ActionContent
}

/** Query of `GET /actions/version/:id`. */
export interface ListActionVersionsParams {
  pageIndex?: number
  /** 5-100. */
  pageSize?: number
  /** At most 100 characters. */
  search?: string
  /** `true`: only the version new mandates pin; `false`: only the older ones. */
  active?: boolean
}

/** Query of `GET /actions`. */
export interface ListActionsParams {
  pageIndex?: number
  pageSize?: number
  search?: string
}

/** The receipt every mandate step answers with. */
export interface Receipt {
  /** `urn:via:receipt:<uuid>`. */
  id: string
  timestamp: string
}

/** An `eddsa-jcs-2022` Data Integrity proof. */
export interface DataIntegrityProof {
  type: 'DataIntegrityProof'
  cryptosuite: 'eddsa-jcs-2022'
  created: string
  expires?: string
  verificationMethod: string
  proofPurpose: 'authentication' | 'assertionMethod'
  domain?: string
  challenge?: string
  proofValue: string
  [field: string]: unknown
}

/** A verifiable presentation of one mandate, as `POST /credential/vp/:vcId` issues it. */
export interface VerifiablePresentation {
  '@context': string[]
  type: string[]
  holder: string
  verifiableCredential: Record<string, unknown>[]
  proof: DataIntegrityProof
  [field: string]: unknown
}

/** Answer of `POST /credential/vp/:vcId`. */
export interface IssuedPresentation {
  presentation: VerifiablePresentation
  receipt: Receipt
}

/** One rule's outcome in a verification, in the action's order. */
export interface RuleEvaluation {
  name: string
  expression: string
  result: boolean
  /** Why the rule could not be evaluated (it then counts as `false`). */
  error?: string
}

/** Why a verification (or a presentation) was denied. */
export type DenyReason =
  | 'presentation_invalid'
  | 'presentation_expired'
  | 'credential_invalid'
  | 'credential_revoked'
  | 'credential_expired'
  | 'credential_not_active'
  | 'verifier_mismatch'
  | 'presentation_replayed'
  | 'execution_params_invalid'
  | 'rule_failed'

/** Input of `verifyPresentation`. */
export interface VerifyPresentationInput {
  presentation: VerifiablePresentation | Record<string, unknown>
  /** The action's execution parameters for this one act. */
  executionParams?: Record<string, unknown>
  /** Required when the presentation is bound to a verifier (`proof.domain`). */
  verifier?: string
  /** The presentation's challenge, when it is bound to a verifier. */
  challenge?: string
}

/** An allowed verification. */
export interface VerificationAllowed {
  decision: 'allow'
  credentialId: string
  evaluations: RuleEvaluation[]
  receipt: Receipt
}

/** A denied verification: an answer, not an error. */
export interface VerificationDenied {
  decision: 'deny'
  reason: DenyReason
  /** The API's explanation. */
  message: string
  evaluations: RuleEvaluation[]
  receipt: Receipt
}

/** What `verifyPresentation` resolves with. */
export type VerificationResult = VerificationAllowed | VerificationDenied

/** Answer of `DELETE /credential/revoke/:credentialId`. */
export interface Revocation {
  credentialId: string
  status: 'REVOKED'
  revokedAt: string
  receipt: Receipt
}

/** The activity types [Humanos]. */
export type ActivityType =
  | 'REQUEST_CREATED'
  | 'REQUEST_CANCELED'
  | 'VP_CREATED'
  | 'VP_DENIED'
  | 'VP_VERIFIED'
  | 'VP_VERIFICATION_DENIED'
  | 'USER_DECISION_ACCEPTED'
  | 'USER_DECISION_REJECTED'
  | 'MANDATE_ISSUED'
  | 'MANDATE_REVOKED'
  | 'KYC_ACCEPTED'
  | 'KYC_REJECTED'

/** One activity event (`GET /activity`). */
export interface ActivityEvent {
  id: string
  type: ActivityType
  entityType: string
  entityId: string
  createdAt: string
  actorDid: string | null
  subjectDid: string | null
  payload: Record<string, unknown>
}

/** Filters of `GET /activity`. Dates are whole days (`YYYY-MM-DD`); `dateTo` needs `dateFrom`. */
export interface ActivityFilters {
  type?: ActivityType | ActivityType[]
  entityType?: string
  entityId?: string
  actorDid?: string
  subjectDid?: string
  dateFrom?: string
  dateTo?: string
  pageIndex?: number
  pageSize?: number
}

/** A receipt as stored and served by `GET /receipt/:id`: evidence on its own. */
export interface StoredReceipt {
  id: string
  type: ActivityType
  credentialId: string
  timestamp: string
  /** The platform DID that signed it. */
  issuer: string
  details: Record<string, unknown>
  proof: DataIntegrityProof
}
