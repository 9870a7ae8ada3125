import { ErrorCodes, HumanosLinkError, isErrorCode } from './errors.js'
import { buildFrameUrl } from './frameUrl.js'
import { createFrameView } from './frameView.js'
import { hostStrings } from './hostStrings.js'
import { createLinkStore } from './linkStore.js'
import type { LinkAction } from './linkMachine.js'
import { createMessageReceiver } from './messageReceiver.js'
import type { MessageReceiver, VerifiedMessage } from './messageReceiver.js'
import { createModalOverlay } from './modalOverlay.js'
import type { ModalOverlay } from './modalOverlay.js'
import type { HumanosLinkHandle, HumanosLinkOptions, LinkEventSummary } from './options.js'
import { DEFAULT_LOAD_TIMEOUT_MS } from './protocol/constants.js'
import type { ExitReason } from './protocol/constants.js'
import { generateHostKeyPair, requireSubtle } from './protocol/resultCrypto.js'
import { validateOptions } from './validateOptions.js'

/**
 * Embeds the Humanos Link flow: creates the host key pair, mounts the iframe (inline into
 * `container`, or in a modal overlay shown by `open()`), and turns the frame's encrypted
 * messages into state changes and callbacks.
 *
 * @throws TypeError at once for bad options (missing or non-https link, no container in inline
 *   mode, unknown mode...) or when called outside a browser. Runtime failures (no Web Crypto,
 *   load timeout, a frame error, a result that does not decrypt) are not thrown: the flow moves
 *   to `failed` and `onError` receives a `HumanosLinkError`.
 */
export function createHumanosLink(input: HumanosLinkOptions): HumanosLinkHandle {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    throw new TypeError(
      'Humanos Link: createHumanosLink needs a browser. Call it from an effect or event handler, not during server rendering.',
    )
  }
  const { options, link } = validateOptions(input)
  const doc = document
  const hostOrigin = window.location.origin
  const strings = hostStrings(options.lang)
  const { store, dispatch } = createLinkStore()
  const isModal = options.mode === 'modal'

  let destroyed = false
  let receiver: MessageReceiver | null = null
  let loadTimer: ReturnType<typeof setTimeout> | undefined

  const view = createFrameView({
    doc,
    strings,
    title: options.title,
    allowCamera: options.allowCamera === true,
    fill: isModal,
  })
  const overlay: ModalOverlay | null = isModal
    ? createModalOverlay({
        doc,
        label: options.title ?? strings.frameTitle,
        closeLabel: strings.close,
        onRequestClose: () => userClose(),
      })
    : null
  if (overlay) overlay.content.append(view.root)
  else options.container!.append(view.root)

  // Callbacks never run after destroy, and a throwing callback cannot break the flow.
  function emit<A extends unknown[]>(callback: ((...args: A) => void) | undefined, ...args: A) {
    if (destroyed || !callback) return
    try {
      callback(...args)
    } catch (error) {
      globalThis.reportError?.(error)
    }
  }

  function apply(action: LinkAction): boolean {
    const changed = dispatch(action)
    if (changed) syncOverlay()
    return changed
  }

  function syncOverlay() {
    if (!overlay) return
    if (store.getState().isOpen) overlay.show()
    else overlay.hide()
  }

  function fail(error: HumanosLinkError) {
    if (!apply({ type: 'fail', error })) return
    clearTimeout(loadTimer)
    receiver?.stop()
    view.setLoading(false)
    view.showError(error.message)
    emit(options.onError, error)
  }

  function exit(reason: ExitReason) {
    if (!apply({ type: 'exit', reason })) return
    clearTimeout(loadTimer)
    receiver?.stop()
    emit(options.onExit, reason)
  }

  // Escape or the close button: ends a live flow; on a failed one it just hides the overlay.
  function userClose() {
    const { status } = store.getState()
    if (status === 'loading' || status === 'ready') exit('user_closed')
    else apply({ type: 'close' })
  }

  function summarize(message: VerifiedMessage): LinkEventSummary {
    const summary: LinkEventSummary = { type: message.type, ts: message.ts }
    if (message.type === 'event') {
      summary.name = message.name
      if (message.meta) summary.meta = message.meta
    }
    if (message.type === 'resize') summary.height = message.height
    if (message.type === 'complete') summary.count = message.count
    if (message.type === 'exit') summary.reason = message.reason
    if (message.type === 'error') summary.code = message.code
    return summary
  }

  function handle(message: VerifiedMessage) {
    emit(options.onEvent, summarize(message))
    switch (message.type) {
      case 'ready':
        if (!apply({ type: 'ready' })) return
        clearTimeout(loadTimer)
        view.setLoading(false)
        emit(options.onReady)
        return
      case 'resize':
        if (!isModal && options.autoResize !== false) view.setHeight(message.height)
        return
      case 'result':
        if (apply({ type: 'decision', payload: message.payload })) {
          emit(options.onDecision, message.payload)
        }
        return
      case 'complete':
        if (store.getState().decisions.length !== message.count) {
          fail(
            new HumanosLinkError(
              ErrorCodes.INVALID_PAYLOAD,
              `The flow reported ${message.count} decision(s) but ${store.getState().decisions.length} arrived intact.`,
            ),
          )
          return
        }
        if (apply({ type: 'complete' })) emit(options.onSuccess, [...store.getState().decisions])
        return
      case 'exit':
        exit(message.reason)
        return
      case 'error': {
        const code = isErrorCode(message.code) ? message.code : ErrorCodes.INTERNAL
        fail(new HumanosLinkError(code, message.message || 'The approval flow failed.'))
        return
      }
      case 'event':
        return
    }
  }

  async function start() {
    apply({ type: 'load' })
    view.setLoading(true)
    loadTimer = setTimeout(() => {
      fail(
        new HumanosLinkError(
          ErrorCodes.LOAD_TIMEOUT,
          'The approval flow did not load in time. Check your connection and try again.',
        ),
      )
    }, options.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS)
    try {
      requireSubtle()
      const keyPair = options.keyPair ?? (await generateHostKeyPair())
      if (destroyed || store.getState().status !== 'loading') return
      receiver = createMessageReceiver({
        getFrameWindow: () => view.frame()?.contentWindow ?? null,
        frameOrigin: link.origin,
        sessionId: link.sessionId,
        hostOrigin,
        privateKey: keyPair.privateKey,
        onMessage: handle,
        onFailure: fail,
      })
      window.addEventListener('message', receiver.handleEvent)
      view.attachFrame(
        buildFrameUrl(link.url.toString(), {
          publicKey: keyPair.publicKey,
          origin: hostOrigin,
          lang: options.lang,
          mode: options.mode,
          theme: options.theme,
        }),
      )
    } catch (error) {
      fail(
        error instanceof HumanosLinkError
          ? error
          : new HumanosLinkError(ErrorCodes.INTERNAL, 'The approval flow could not start.'),
      )
    }
  }

  void start()

  return {
    open: () => void (isModal && apply({ type: 'open' })),
    close: () => void apply({ type: 'close' }),
    destroy() {
      if (destroyed) return
      apply({ type: 'destroy' })
      destroyed = true
      clearTimeout(loadTimer)
      if (receiver) {
        receiver.stop()
        window.removeEventListener('message', receiver.handleEvent)
      }
      overlay?.destroy()
      view.root.remove()
    },
    getState: () => store.getState(),
    subscribe: (listener) => store.subscribe(listener),
    store,
  }
}
