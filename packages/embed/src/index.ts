export { HumanosLinkElement, defineHumanosLinkElement, ELEMENT_NAME } from './humanosLinkElement.js'
export { startAutoMount, AUTO_MOUNT_ATTRIBUTE } from './autoMount.js'
export { EMBED_EVENTS } from './embedEvents.js'
export { installHumanosLink } from './installHumanosLink.js'
export type { HumanosLinkGlobal, InstallOptions } from './installHumanosLink.js'
export { VERSION } from './version.js'
export { createHumanosLink, ErrorCodes, HumanosLinkError } from '@humanos-link/core'
export type {
  ErrorCode,
  ExitReason,
  HumanosLinkHandle,
  HumanosLinkOptions,
  LinkEventSummary,
  LinkResultPayload,
  LinkState,
  LinkStatus,
} from '@humanos-link/core'
