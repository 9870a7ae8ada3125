export { createHumanosClient } from './createHumanosClient'
export type { CallOptions, HumanosClient, IdempotentCallOptions } from './createHumanosClient'
export type { HumanosClientOptions } from './clientOptions'
export type { BackoffOptions } from './retry'
export { signRequest, verifySignature } from './signing'
export { verifyWebhook } from './verifyWebhook'
export type { VerifiedWebhook, VerifyWebhookOptions, WebhookHeaders } from './verifyWebhook'
export { verifyAttestation } from './verifyAttestation'
export type {
  AttestationClaims,
  CredentialAttestationClaims,
  IdentityAttestationClaims,
  VerifyAttestationOptions,
} from './verifyAttestation'
export { createMemoryReplayStore } from './replayStore'
export type { MemoryReplayStore, MemoryReplayStoreOptions, ReplayStore } from './replayStore'
export {
  AttestationError,
  HumanosApiError,
  HumanosRequestError,
  WebhookVerificationError,
} from './errors'
export type {
  AttestationReason,
  HumanosRequestErrorReason,
  WebhookVerificationReason,
} from './errors'
export { HUMANOS_API_VERSION, HUMANOS_PRODUCTION_URL } from './types'
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
  LinkResultPayload,
  ListRequestsParams,
  OtpFailedEvent,
  Page,
  RequestDetail,
  RequestSummary,
  ResendOtpResponse,
  RevokeCredentialInput,
  SecurityLevel,
  TestEvent,
  WebhookEvent,
} from './types'
