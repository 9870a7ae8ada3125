export { ErrorCodes, HumanosLinkError, FRAME_ERROR_CODES, isErrorCode } from './errors.js'
export type { ErrorCode, FrameErrorCode } from './errors.js'
export {
  PROTOCOL_NAMESPACE,
  PROTOCOL_VERSION,
  RESULT_ALG,
  MAX_RESULT_AGE_MS,
  DEFAULT_LOAD_TIMEOUT_MS,
  EVENT_NAMES,
  EXIT_REASONS,
} from './protocol/constants.js'
export type {
  ExitReason,
  LinkEventName,
  LinkLanguage,
  LinkMode,
  LinkTheme,
} from './protocol/constants.js'
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
} from './protocol/messages.js'
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
} from './protocol/messages.js'
export {
  generateHostKeyPair,
  exportPublicKey,
  importPublicKey,
  sealResult,
  openResult,
} from './protocol/resultCrypto.js'
export type { HostKeyPair, ResultContext } from './protocol/resultCrypto.js'
export { createHumanosLink } from './createHumanosLink.js'
export type { HumanosLinkHandle, HumanosLinkOptions, LinkEventSummary } from './options.js'
export { buildFrameUrl, parseLink } from './frameUrl.js'
export type { FrameUrlOptions, ParsedLink } from './frameUrl.js'
export { linkReducer, initialLinkState } from './linkMachine.js'
export type { LinkAction, LinkState, LinkStatus } from './linkMachine.js'
export type { LinkStore } from './linkStore.js'
export { isLinkResultPayload } from './payload.js'
export type {
  CredentialResultPayload,
  IdentityResultPayload,
  LinkResultPayload,
  LinkResultUser,
} from './payload.js'
