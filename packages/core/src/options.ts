import type { HumanosLinkError } from './errors.js'
import type { HostKeyPair } from './protocol/resultCrypto.js'
import type { ExitReason, LinkLanguage, LinkMode, LinkTheme } from './protocol/constants.js'
import type { LinkMessageType } from './protocol/messages.js'
import type { LinkState } from './linkMachine.js'
import type { LinkStore } from './linkStore.js'
import type { LinkResultPayload } from './payload.js'

/** A payload-free summary of one frame message, for analytics and progress UI. */
export interface LinkEventSummary {
  type: LinkMessageType
  /** For `event` messages: the event name (unknown names are passed through). */
  name?: string
  meta?: Record<string, unknown>
  height?: number
  count?: number
  reason?: ExitReason
  code?: string
  ts: number
}

/** Options of {@link createHumanosLink}. */
export interface HumanosLinkOptions {
  /** The Link URL your server got from `POST /request` (`subjects[i].link`). Required. */
  link: string
  /** `inline` (default) renders into `container`; `modal` opens its own overlay on `open()`. */
  mode?: LinkMode
  /** The element to render into in inline mode. Required for inline mode. */
  container?: HTMLElement
  /** The flow has loaded and the session is valid. */
  onReady?: () => void
  /** One decision was decrypted and checked. */
  onDecision?: (payload: LinkResultPayload) => void
  /** The flow completed; every decision, in order. Fires once. */
  onSuccess?: (payloads: LinkResultPayload[]) => void
  /** The flow ended without completing. */
  onExit?: (reason: ExitReason) => void
  /** The flow cannot go on; `error.code` is one of `ErrorCodes`. */
  onError?: (error: HumanosLinkError) => void
  /** Every frame message, as a payload-free summary. */
  onEvent?: (event: LinkEventSummary) => void
  /** How long to wait for the frame's `ready` (default 15000 ms). */
  loadTimeoutMs?: number
  lang?: LinkLanguage
  theme?: LinkTheme
  /** Lets the frame use the camera, for identity verification (KYC). */
  allowCamera?: boolean
  /** Inline mode: follow the frame's content height (default true). */
  autoResize?: boolean
  /** A key pair made earlier with `generateHostKeyPair`, when its public key was pre-registered. */
  keyPair?: HostKeyPair
  /** The iframe's accessible title (default "Humanos approval"). */
  title?: string
}

/** What {@link createHumanosLink} returns. */
export interface HumanosLinkHandle {
  /** Modal mode: shows the overlay. Does nothing inline or once the flow has ended. */
  open: () => void
  /** Modal mode: hides the overlay without ending the flow. */
  close: () => void
  /** Removes the frame, overlay, listeners and timers. Safe at any time, and twice. */
  destroy: () => void
  getState: () => LinkState
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe: (listener: (state: LinkState, previous: LinkState) => void) => () => void
  /** The zustand vanilla store the flow state lives in (for bindings such as React's). */
  store: LinkStore
}
