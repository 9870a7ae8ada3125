import { useCallback, useContext, useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { ErrorCodes, HumanosLinkError, createHumanosLink } from '@humanos-link/core'
import { initialLinkState, parseLink } from '@humanos-link/core/protocol'
import type {
  ExitReason,
  HumanosLinkHandle,
  HumanosLinkOptions,
  LinkMode,
  LinkResultPayload,
  LinkStatus,
} from '@humanos-link/core'
import { FlowStoreContext, createFlowStore } from './flowStore.js'
import { useLatestRef } from './useLatestRef.js'

/** Options of {@link useHumanosLink}: the core's options, with a `link` that may be missing. */
export interface UseHumanosLinkOptions extends Omit<
  HumanosLinkOptions,
  'link' | 'container' | 'mode'
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
  mode?: LinkMode
  /**
   * Modal mode: controls the overlay. When given, the overlay follows it for every flow (a new
   * `link` opens again while it is true); leave it out to drive the overlay with `open()` and
   * `close()`.
   */
  open?: boolean
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

const LIVE: ReadonlySet<LinkStatus> = new Set(['loading', 'ready'])

// A throwing callback must not break the flow; the error still reaches the console and
// error-reporting tools, as the core does for its own callbacks.
function report(error: unknown) {
  globalThis.reportError?.(error)
}

/**
 * Runs one Humanos Link flow from a component: creates the core instance (key pair, iframe,
 * listeners) in an effect and destroys it in the effect's cleanup, so StrictMode's double mount
 * and an unmount at any stage leave nothing behind and fire nothing afterwards.
 *
 * Callback options are read through a ref: passing a new `onSuccess` never rebuilds the frame.
 * A new `link`, `mode`, `lang`, `theme`, `allowCamera`, `loadTimeoutMs`, `autoResize`, `title`
 * or `keyPair` rebuilds it.
 *
 * Inside a `<HumanosLinkProvider>` the flow's state is also published to the provider, so
 * `useHumanosLinkStatus` can read it anywhere below. A provider holds one flow.
 *
 * @throws TypeError (during render, to the nearest error boundary) for misuse the core rejects,
 *   such as an unknown `theme`. A bad `link` is not thrown: it becomes `error` with code
 *   `invalid_link` and reaches `onError`, because links come from the network and a bad one
 *   should not take the page down.
 */
export function useHumanosLink(options: UseHumanosLinkOptions): UseHumanosLinkResult {
  const { link, mode = 'modal', lang, theme, allowCamera, loadTimeoutMs } = options
  const { autoResize, title, keyPair } = options
  const providerStore = useContext(FlowStoreContext)
  const [ownStore] = useState(createFlowStore)
  const store = providerStore ?? ownStore
  const state = useStore(store)
  const latest = useLatestRef(options)
  const [element, setElement] = useState<HTMLElement | null>(null)
  const container = mode === 'inline' ? element : null
  const [, setThrown] = useState<null>(null)

  const modalRef = useRef<HumanosLinkHandle | null>(null)
  const wantOpen = useRef(false)
  // The effect run that owns the store; null between an unmount and the next run.
  const owner = useRef<object | null>(null)

  useEffect(() => {
    const run = {}
    owner.current = run
    let handle: HumanosLinkHandle | null = null
    let unsubscribe: (() => void) | undefined

    // Deferred by a microtask: StrictMode's mount, unmount, mount happens synchronously, so only
    // the surviving run ever creates a key pair and an iframe.
    queueMicrotask(() => {
      if (owner.current !== run) return
      if (!link || (mode === 'inline' && !container)) {
        store.setState(initialLinkState, true)
        return
      }
      try {
        parseLink(link)
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause)
        const error = new HumanosLinkError(ErrorCodes.INVALID_LINK, message)
        store.setState({ ...initialLinkState, status: 'failed', error }, true)
        try {
          latest.current.onError?.(error)
        } catch (thrown) {
          report(thrown)
        }
        return
      }
      try {
        handle = createHumanosLink({
          link,
          mode,
          container: container ?? undefined,
          lang,
          theme,
          allowCamera,
          loadTimeoutMs,
          autoResize,
          title,
          keyPair,
          onReady: () => latest.current.onReady?.(),
          onDecision: (payload) => latest.current.onDecision?.(payload),
          onSuccess: (payloads) => latest.current.onSuccess?.(payloads),
          onExit: (reason) => latest.current.onExit?.(reason),
          onError: (error) => latest.current.onError?.(error),
          onEvent: (event) => latest.current.onEvent?.(event),
        })
      } catch (error) {
        setThrown(() => {
          throw error
        })
        return
      }
      store.setState(handle.getState(), true)
      unsubscribe = handle.subscribe((next, previous) => {
        // The flow closed its own overlay (complete, exit): a later link must not reopen it.
        if (previous.isOpen && !next.isOpen) wantOpen.current = false
        store.setState(next, true)
      })
      if (mode === 'modal') {
        modalRef.current = handle
        if (latest.current.open ?? wantOpen.current) handle.open()
      }
    })

    return () => {
      if (owner.current === run) owner.current = null
      unsubscribe?.()
      if (!handle) return
      if (modalRef.current === handle) modalRef.current = null
      handle.destroy()
      const final = handle.getState()
      // On a real unmount (no run took over), a live flow shows as destroyed; a finished one
      // keeps its outcome, so readers in a provider still see the result.
      queueMicrotask(() => {
        if (owner.current === null && LIVE.has(store.getState().status)) {
          store.setState(final, true)
        }
      })
    }
  }, [
    store,
    latest,
    link,
    mode,
    container,
    lang,
    theme,
    allowCamera,
    loadTimeoutMs,
    autoResize,
    title,
    keyPair,
  ])

  const controlledOpen = options.open
  useEffect(() => {
    if (controlledOpen === undefined) return
    wantOpen.current = controlledOpen
    if (controlledOpen) modalRef.current?.open()
    else modalRef.current?.close()
  }, [controlledOpen])

  const open = useCallback(() => {
    wantOpen.current = true
    modalRef.current?.open()
  }, [])
  const close = useCallback(() => {
    wantOpen.current = false
    modalRef.current?.close()
  }, [])
  const containerRef = useCallback((node: HTMLElement | null) => setElement(node), [])

  return {
    open,
    close,
    status: state.status,
    ready: state.status === 'ready',
    error: state.error,
    decisions: state.decisions,
    result: state.result,
    exitReason: state.exitReason,
    isOpen: state.isOpen,
    containerRef,
  }
}
