import type { HumanosLinkError } from './errors.js'
import type { HostKeyPair } from './protocol/resultCrypto.js'
import type { ExitReason, LinkLanguage, LinkMode, LinkTheme } from './protocol/constants.js'
import type { LinkMessageType } from './protocol/messages.js'
import type { LinkState } from './linkMachine.js'
import type { LinkStore } from './linkStore.js'
import type { LinkResultPayload } from './payload.js'

/** A scalar that `onEvent`'s `meta` may carry; nested objects from the frame are dropped. */
export type LinkEventMetaValue = string | number | boolean | null

/** A payload-free summary of one frame message, for analytics and progress UI. */
export interface LinkEventSummary {
  type: LinkMessageType
  /** For `event` messages: the event name (unknown names are passed through). */
  name?: string | undefined
  /** For `event` messages: the frame's scalar details (at most 16 keys, strings ≤ 300 chars). */
  meta?: Readonly<Record<string, LinkEventMetaValue>> | undefined
  height?: number | undefined
  count?: number | undefined
  reason?: ExitReason | undefined
  code?: string | undefined
  ts: number
}

/** The callbacks of a flow. The latest options' callbacks are called; changing them is free. */
export interface LinkCallbacks {
  /** The flow has loaded and the session is valid. */
  onReady?: (() => void) | undefined
  /** One decision was decrypted and checked. */
  onDecision?: ((payload: LinkResultPayload) => void) | undefined
  /**
   * The flow is over and every decision arrived: fires once, with every decision in order.
   * It means "completed", not "accepted": the person may have rejected. Read each decision
   * (`decision.action` is `'accept' | 'reject'` for a credential, `decision.success` for an
   * identity check) and verify its `attestation` on your server before acting on it.
   */
  onSuccess?: ((decisions: readonly LinkResultPayload[]) => void) | undefined
  /**
   * The flow ended without completing: the person closed it (`user_closed`, which `restart()`
   * can undo) or the request was canceled (`canceled`). Expiry is never an exit: see `onError`.
   */
  onExit?: ((reason: ExitReason) => void) | undefined
  /**
   * The flow cannot go on; `error.code` is one of `ErrorCodes`. An expired link always arrives
   * here as `session_expired` (before or during the flow): fetch a fresh link and pass it.
   */
  onError?: ((error: HumanosLinkError) => void) | undefined
  /** Every frame message, as a payload-free summary. */
  onEvent?: ((event: LinkEventSummary) => void) | undefined
}

/** The options that shape the frame; changing one of them makes a new frame. */
export interface LinkFrameOptions {
  /** How long to wait for the frame's `ready` (default 15000 ms). */
  loadTimeoutMs?: number | undefined
  /** The language of the flow, a three-letter code such as `ENG` or `PRT`. */
  lang?: LinkLanguage | undefined
  theme?: LinkTheme | undefined
  /** Lets the frame use the camera, for identity verification (KYC). */
  allowCamera?: boolean | undefined
  /** Inline mode: follow the frame's content height (default true). */
  autoResize?: boolean | undefined
  /** A key pair made earlier with `generateHostKeyPair`, when its public key was pre-registered. */
  keyPair?: HostKeyPair | undefined
  /** The iframe's accessible title (default "Humanos approval"). */
  title?: string | undefined
  /**
   * The Link origins a frame may be made for, exact (`https://app.humanos.id`,
   * `http://localhost:4000`: scheme, host and port, no path, no wildcard). A link on another origin is refused with `invalid_link`
   * before any iframe exists, so markup or data that carries a link cannot summon a frame (or
   * the camera) from elsewhere. It replaces the default, which is the production Link origin
   * `https://app.humanos.id` plus, only while the page itself is on `localhost`, `127.0.0.1` or
   * `[::1]`, any loopback origin (the local sandbox). Compared by value: a new array with the
   * same origins keeps the frame.
   */
  linkOrigins?: readonly string[] | undefined
}

/** Options of {@link createLinkController}, all of which may change with `setOptions`. */
export interface LinkControllerOptions extends LinkCallbacks, LinkFrameOptions {
  /**
   * The Link URL your server got from `POST /request` (`subjects[i].link`). `null` or
   * `undefined` while the app is still fetching it: the flow stays `idle`. A link that is not a
   * Link URL fails the flow with `invalid_link` (it is not thrown: links come from the network).
   */
  link?: string | null | undefined
  /** `inline` (default) renders into the mounted container; `modal` opens an overlay. */
  mode?: LinkMode | undefined
  /**
   * Modal mode: controls the overlay. When given, the overlay follows it for every frame (a
   * new link opens again while it is true); leave it out to use `open()` and `close()`.
   */
  open?: boolean | undefined
}

interface HumanosLinkBaseOptions extends LinkCallbacks, LinkFrameOptions {
  /** The Link URL your server got from `POST /request` (`subjects[i].link`). Required. */
  link: string
}

/** Inline mode: the flow renders into `container`. */
export interface HumanosLinkInlineOptions extends HumanosLinkBaseOptions {
  mode?: 'inline' | undefined
  /** The element to render the flow into. */
  container: HTMLElement
}

/** Modal mode: `open()` shows the flow in an overlay of its own. */
export interface HumanosLinkModalOptions extends HumanosLinkBaseOptions {
  mode: 'modal'
  container?: undefined
}

/** Options of {@link createHumanosLink}: inline (with a `container`) or modal. */
export type HumanosLinkOptions = HumanosLinkInlineOptions | HumanosLinkModalOptions

/** What {@link createHumanosLink} returns: one flow, for its whole life. */
export interface HumanosLinkHandle {
  /**
   * Modal mode: shows the overlay (kept as a pending intent until the frame exists). Does
   * nothing inline; on an ended flow it warns on the console (see `restart`).
   */
  open: () => void
  /** Modal mode: hides the overlay without ending the flow. */
  close: () => void
  /**
   * Runs an ended flow again with the same link and a new frame, when the session still
   * allows it: after the person closed it (`user_closed`) or after `load_timeout` or `internal`.
   * A completed, expired or canceled session cannot run again: ask your server for a new link.
   * @returns whether the flow restarted.
   */
  restart: () => boolean
  /** Removes the frame, overlay, listeners and timers. Safe at any time, and twice. */
  destroy: () => void
  /** The flow's current state. */
  getState: () => LinkState
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe: (listener: (state: LinkState, previous: LinkState) => void) => () => void
  /** The zustand vanilla store the flow state lives in (for bindings such as React's). */
  store: LinkStore
}

/**
 * A flow that outlives its inputs, for components and elements: one store for its whole life,
 * frames swapped underneath as options change. See {@link createLinkController}.
 */
export interface LinkController extends HumanosLinkHandle {
  /**
   * Replaces the options. A new `link`, `mode`, `lang`, `theme`, `allowCamera`,
   * `loadTimeoutMs`, `autoResize`, `title`, `keyPair` or `linkOrigins` makes a new frame (the state starts over
   * from `idle`); new callbacks are simply used from now on.
   * @throws TypeError for an option of the wrong type (a bad `link` is not thrown, see `link`).
   */
  setOptions: (options: LinkControllerOptions) => void
  /**
   * Where the flow renders: inline mode needs a container, modal mode takes none. Mounts are
   * counted: the frame starts with the first and is removed after the last unmount (an
   * unmount followed by a mount in the same task, as React's StrictMode does, keeps it).
   * @returns the unmount function (calling it twice is harmless).
   */
  mount: (container?: HTMLElement | null) => () => void
}
