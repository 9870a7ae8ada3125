export { ErrorCodes, HumanosLinkError, FRAME_ERROR_CODES, isErrorCode } from './errors'
export type { ErrorCode } from './errors'
export {
  PROTOCOL_NAMESPACE,
  PROTOCOL_VERSION,
  RESULT_ALG,
  MAX_RESULT_AGE_MS,
  DEFAULT_LOAD_TIMEOUT_MS,
  EVENT_NAMES,
  EXIT_REASONS,
} from './protocol/constants'
export type {
  ExitReason,
  LinkEventName,
  LinkLanguage,
  LinkMode,
  LinkTheme,
} from './protocol/constants'
export {
  createLinkMessage,
  isLinkMessage,
  isEncryptedResult,
  isReadyMessage,
  isResizeMessage,
  isEventMessage,
  isResultMessage,
  isCompleteMessage,
  isExitMessage,
  isErrorMessage,
} from './protocol/messages'
export type {
  EncryptedResult,
  LinkEnvelope,
  LinkMessage,
  LinkMessageBody,
  LinkMessageType,
  ReadyMessage,
  ResizeMessage,
  EventMessage,
  ResultMessage,
  CompleteMessage,
  ExitMessage,
  ErrorMessage,
} from './protocol/messages'
export {
  generateHostKeyPair,
  exportPublicKey,
  importPublicKey,
  sealResult,
  openResult,
} from './protocol/resultCrypto'
export type { HostKeyPair, ResultContext } from './protocol/resultCrypto'
export { createHumanosLink } from './createHumanosLink'
export type { HumanosLinkHandle, HumanosLinkOptions, LinkEventSummary } from './options'
export { buildFrameUrl, parseLink } from './frameUrl'
export type { FrameUrlOptions, ParsedLink } from './frameUrl'
export { linkReducer, initialLinkState } from './linkMachine'
export type { LinkAction, LinkState, LinkStatus } from './linkMachine'
export type { LinkStore } from './linkStore'
export { isLinkResultPayload } from './payload'
export type {
  CredentialResultPayload,
  IdentityResultPayload,
  LinkResultPayload,
  LinkResultUser,
} from './payload'
