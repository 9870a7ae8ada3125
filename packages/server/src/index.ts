export { createHumanosClient } from './createHumanosClient.js'
export type { CallOptions, HumanosClient, IdempotentCallOptions } from './createHumanosClient.js'
export type { HumanosClientOptions } from './clientOptions.js'
export type { DirectoryMethods } from './directoryMethods.js'
export type {
  Approval,
  ApprovalType,
  DidDocument,
  EvidenceDocument,
  EvidenceEntry,
  ListApprovalsParams,
  ListWorkflowsParams,
  User,
  UserImportResult,
  UserInput,
  Workflow,
} from './directoryTypes.js'
export type { BackoffOptions } from './retry.js'
export { signRequest, verifySignature } from './signing.js'
export { verifyWebhook } from './verifyWebhook.js'
export type { VerifiedWebhook, VerifyWebhookOptions, WebhookHeaders } from './verifyWebhook.js'
export { verifyAttestation } from './verifyAttestation.js'
export type {
  AttestationClaims,
  CredentialAttestationClaims,
  IdentityAttestationClaims,
  VerifyAttestationOptions,
} from './verifyAttestation.js'
export type { MandateMethods } from './mandateMethods.js'
export { verifyReceipt, ReceiptVerificationError } from './verifyReceipt.js'
export type { ReceiptVerificationReason, VerifyReceiptOptions } from './verifyReceipt.js'
export type {
  ActionContent,
  ActionParam,
  ActionParamType,
  ActionRule,
  ActionSummary,
  ActionVersion,
  ActivityEvent,
  ActivityFilters,
  ActivityType,
  DataIntegrityProof,
  DenyReason,
  IssuedPresentation,
  ListActionsParams,
  ListActionVersionsParams,
  Receipt,
  Revocation,
  RuleEvaluation,
  StoredReceipt,
  VerifiablePresentation,
  VerificationAllowed,
  VerificationDenied,
  VerificationResult,
  VerifyPresentationInput,
} from './mandateTypes.js'
export { createMemoryReplayStore } from './replayStore.js'
export type { MemoryReplayStore, MemoryReplayStoreOptions, ReplayStore } from './replayStore.js'
export {
  AttestationError,
  HumanosApiError,
  HumanosRequestError,
  WebhookVerificationError,
} from './errors.js'
export type {
  AttestationReason,
  HumanosRequestErrorReason,
  WebhookVerificationReason,
} from './errors.js'
export { HUMANOS_API_VERSION, HUMANOS_PRODUCTION_URL } from './types.js'
export type {
  CreateRequestInput,
  CreateRequestResponse,
  Credential,
  CredentialDecision,
  CredentialDecisionRecord,
  CredentialEvent,
  CredentialInput,
  CredentialStatus,
  CredentialType,
  EventUser,
  IdentityDecision,
  IdentityEvent,
  IdentityStatus,
  LinkResultPayload,
  ListRequestsParams,
  OtpFailedEvent,
  Page,
  Placement,
  RequestDetail,
  RequestStatus,
  RequestSubject,
  SubjectStatus,
  RequestSummary,
  ResendOtpResponse,
  RevokeCredentialInput,
  SecurityLevel,
  SubjectSelector,
  TestEvent,
  WebhookEvent,
} from './types.js'
