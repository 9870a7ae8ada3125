// `@humanos-link/core/protocol`: the frame side of the Link protocol and the pieces tests and
// the sandbox share with the SDK. Host pages import `@humanos-link/core` instead; nothing here
// is needed to embed a flow, and sealing or building frame messages must never reach a host
// bundle (scripts/checkHostBundles.mjs checks that).
export {
  PROTOCOL_NAMESPACE,
  PROTOCOL_VERSION,
  RESULT_ALG,
  MAX_RESULT_AGE_MS,
  DEFAULT_LOAD_TIMEOUT_MS,
} from './constants.js'
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
} from './messages.js'
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
} from './messages.js'
export { exportPublicKey, importPublicKey, sealResult, openResult } from './resultCrypto.js'
export type { ResultContext } from './resultCrypto.js'
export { FRAME_ERROR_CODES } from '../errors.js'
export { buildFrameUrl, parseLink } from '../frameUrl.js'
export type { FrameUrlOptions, ParsedLink } from '../frameUrl.js'
export { linkReducer, initialLinkState } from '../linkMachine.js'
export type { LinkAction } from '../linkMachine.js'
export { isLinkResultPayload } from '../payload.js'
export { hostnameOfHostHeader, isIpLiteral, isRebindingSafeHost } from './hostNames.js'
