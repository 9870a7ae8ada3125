import { useCallback, useContext, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { createLinkController } from '@humanos-link/core'
import type {
  ExitReason,
  HumanosLinkError,
  LinkControllerOptions,
  LinkMode,
  LinkResultPayload,
  LinkStatus,
} from '@humanos-link/core'
import { LinkControllerContext } from './linkControllerContext.js'

/** Options of {@link useHumanosLink}: the core's options, with a `link` that may be missing. */
export interface UseHumanosLinkOptions extends Omit<
  LinkControllerOptions,
  'link' | 'mode' | 'open'
> {
  /**
   * The Link URL your server got from `POST /request`. `null` or `undefined` while the app is
   * still fetching it: the status stays `idle` and nothing is mounted. A new value replaces the
   * flow (old frame destroyed, new key pair); the same value keeps it.
   */
  link: string | null | undefined
  /**
   * `modal` (the default for the hook, which has no element of its own) opens an overlay on
   * `open()`; `inline` renders into the element you attach `containerRef` to.
   */
  mode?: LinkMode | undefined
  /**
   * Modal mode: controls the overlay. When given, the overlay follows it for every flow (a new
   * `link` opens again while it is true); leave it out to drive the overlay with `open()` and
   * `close()`.
   */
  open?: boolean | undefined
}

/** What {@link useHumanosLink} returns. */
export interface UseHumanosLinkResult {
  /**
   * Modal mode: shows the overlay. Before the flow is ready this does not fail: the intent is
   * kept, and the overlay opens as soon as a flow exists, showing its loading state until the
   * frame is ready (so the person sees progress instead of a button that did nothing). With
   * `link` still `null` it opens once the link arrives. Does nothing inline or once the flow
   * has ended.
   */
  open: () => void
  /** Modal mode: hides the overlay without ending the flow, and drops a pending `open()`. */
  close: () => void
  /**
   * Runs an ended flow again with the same link (a new frame), when its session allows it:
   * after the person closed it, or after `load_timeout`. Returns whether it restarted.
   */
  restart: () => boolean
  /** Where the flow is: `idle | loading | ready | completed | exited | failed | destroyed`. */
  status: LinkStatus
  /** `status === 'ready'`: the frame has loaded and the session is valid. */
  ready: boolean
  /**
   * Why the flow failed, with `error.code` from `ErrorCodes`. A link the SDK cannot use (not
   * https, no session id) is reported here as `invalid_link` instead of throwing during render;
   * `session_expired` means: fetch a fresh link from your server and pass it.
   */
  error: HumanosLinkError | null
  /** Decrypted decisions so far, in arrival order. */
  decisions: readonly LinkResultPayload[]
  /** Every decision, set once the flow completes. */
  result: readonly LinkResultPayload[] | null
  /** Why the flow ended without completing, once it has. */
  exitReason: ExitReason | null
  /** Whether the modal overlay is showing. */
  isOpen: boolean
  /** Inline mode: attach to the element the frame should render into. */
  containerRef: (element: HTMLElement | null) => void
}

/**
 * Runs one Humanos Link flow from a component: the standard recipe over the core's flow
 * controller. The controller is created once (or taken from `<HumanosLinkProvider>`), the
 * options are pushed into it after each render, the component mounts it in an effect, and the
 * state is read with zustand's `useStore`. StrictMode's double mount, `open()` before a frame
 * exists, link changes and restarts are the controller's job, so this hook holds no logic.
 *
 * Callbacks may change freely: the controller calls the latest ones. A new `link`, `mode`,
 * `lang`, `theme`, `allowCamera`, `loadTimeoutMs`, `autoResize`, `title` or `keyPair` makes a new
 * frame.
 *
 * @throws TypeError (from an effect, to the nearest error boundary) for options of the wrong
 *   type, such as an unknown `theme`. A bad `link` is not thrown: it becomes `error` with code
 *   `invalid_link` and reaches `onError` (or a console warning when there is no `onError`),
 *   because links come from the network and a bad one should not take the page down.
 */
export function useHumanosLink(options: UseHumanosLinkOptions): UseHumanosLinkResult {
  const provided = useContext(LinkControllerContext)
  const [own] = useState(() => (provided ? null : createLinkController()))
  const controller = (provided ?? own)!
  const state = useStore(controller.store)
  const [element, setElement] = useState<HTMLElement | null>(null)
  const mode = options.mode ?? 'modal'

  // Every render: the controller compares the frame inputs itself and keeps the newest callbacks.
  useEffect(() => controller.setOptions({ ...options, mode }))
  useEffect(
    () => controller.mount(mode === 'inline' ? element : undefined),
    [controller, mode, element],
  )

  return {
    open: controller.open,
    close: controller.close,
    restart: controller.restart,
    status: state.status,
    ready: state.status === 'ready',
    error: state.error,
    decisions: state.decisions,
    result: state.result,
    exitReason: state.exitReason,
    isOpen: state.isOpen,
    containerRef: useCallback((node: HTMLElement | null) => setElement(node), []),
  }
}
