// The host API of Humanos Link: what a page that embeds the flow needs, and nothing else.
// What only the Link frame, the sandbox and tests need (sealing results, building and checking
// frame messages, the reducer) lives behind the `@humanos-link/core/protocol` subpath.
export { createHumanosLink } from './createHumanosLink.js'
export { createLinkController } from './linkController.js'
export type {
  HumanosLinkHandle,
  HumanosLinkInlineOptions,
  HumanosLinkModalOptions,
  HumanosLinkOptions,
  LinkCallbacks,
  LinkController,
  LinkControllerOptions,
  LinkEventMetaValue,
  LinkEventSummary,
  LinkFrameOptions,
} from './options.js'
export { ErrorCodes, HumanosLinkError, isErrorCode } from './errors.js'
export type { ErrorCode, FrameErrorCode } from './errors.js'
export { generateHostKeyPair } from './protocol/resultCrypto.js'
export type { HostKeyPair } from './protocol/resultCrypto.js'
export { EVENT_NAMES, EXIT_REASONS } from './protocol/constants.js'
export type {
  ExitReason,
  LinkEventName,
  LinkLanguage,
  LinkMode,
  LinkTheme,
} from './protocol/constants.js'
export type { LinkState, LinkStatus } from './linkMachine.js'
export type { LinkStore } from './linkStore.js'
export type {
  CredentialResultPayload,
  IdentityResultPayload,
  LinkResultPayload,
  LinkResultUser,
} from './payload.js'
