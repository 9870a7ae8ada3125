import type {
  ExitReason,
  HumanosLinkError,
  LinkEventSummary,
  LinkResultPayload,
} from '@humanos-link/core'

/**
 * The DOM events an embedded flow dispatches on its element. They bubble and are `composed`
 * (they cross shadow roots); `detail` carries what the matching core callback receives.
 */
export const EMBED_EVENTS = Object.freeze({
  /** The flow has loaded; `detail` is `null`. */
  READY: 'humanos-link:ready',
  /** One decrypted decision (`LinkResultPayload`). */
  DECISION: 'humanos-link:decision',
  /** The flow completed; every decision, in order (`LinkResultPayload[]`). */
  SUCCESS: 'humanos-link:success',
  /** The flow ended without completing; the reason (`ExitReason`). */
  EXIT: 'humanos-link:exit',
  /** The flow cannot go on (`HumanosLinkError`, with `code` from `ErrorCodes`). */
  ERROR: 'humanos-link:error',
  /** Every frame message, as a payload-free summary (`LinkEventSummary`). */
  EVENT: 'humanos-link:event',
} as const)

declare global {
  interface HTMLElementEventMap {
    'humanos-link:ready': CustomEvent<null>
    'humanos-link:decision': CustomEvent<LinkResultPayload>
    'humanos-link:success': CustomEvent<LinkResultPayload[]>
    'humanos-link:exit': CustomEvent<ExitReason>
    'humanos-link:error': CustomEvent<HumanosLinkError>
    'humanos-link:event': CustomEvent<LinkEventSummary>
  }
}
