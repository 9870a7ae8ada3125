import { HumanosLinkError, isFrameErrorCode, misuse } from './errors.js'
import type { ErrorCode } from './errors.js'
import { buildFrameUrl } from './frameUrl.js'
import { createFrameView } from './frameView.js'
import { hostStrings } from './hostStrings.js'
import { createLinkStore } from './linkStore.js'
import type { LinkAction } from './linkMachine.js'
import { createMessageReceiver } from './messageReceiver.js'
import type { MessageReceiver, VerifiedMessage } from './messageReceiver.js'
import { createModalOverlay } from './modalOverlay.js'
import type { HumanosLinkHandle, HumanosLinkOptions, LinkEventSummary } from './options.js'
import { DEFAULT_LOAD_TIMEOUT_MS } from './protocol/constants.js'
import { generateHostKeyPair, requireSubtle } from './protocol/resultCrypto.js'
import { validateOptions } from './validateOptions.js'

/** What `onEvent` receives of a frame message. */
const SUMMARY_FIELDS = [
  'type',
  'ts',
  'name',
  'meta',
  'height',
  'count',
  'reason',
  'code',
] as const satisfies readonly (keyof LinkEventSummary)[]
type SummaryField = (typeof SUMMARY_FIELDS)[number]

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
  if (typeof document === 'undefined') {
    misuse(
      'createHumanosLink needs a browser. Call it from an effect or event handler, not during server rendering.',
    )
  }
  const { options, link } = validateOptions(input)
  const doc = document
  const hostOrigin = location.origin
  const strings = hostStrings(options.lang)
  const { store, dispatch } = createLinkStore()
  const isModal = options.mode === 'modal'

  let destroyed = false
  let receiver: MessageReceiver | undefined
  let loadTimer: ReturnType<typeof setTimeout> | undefined

  const view = createFrameView({
    doc,
    strings,
    title: options.title,
    allowCamera: !!options.allowCamera,
    fill: isModal,
  })
  const overlay = isModal
    ? createModalOverlay({
        doc,
        label: options.title ?? strings.frameTitle,
        closeLabel: strings.close,
        onRequestClose: userClose,
      })
    : undefined
  ;(overlay?.content ?? options.container!).append(view.root)

  // Callbacks never run after destroy, and a throwing callback cannot break the flow.
  function emit<A extends unknown[]>(callback: ((...args: A) => void) | undefined, ...args: A) {
    if (destroyed || !callback) return
    try {
      callback(...args)
    } catch (error) {
      globalThis.reportError?.(error)
    }
  }

  // Applies an action; when the state changed, the overlay follows `isOpen`.
  function apply(action: LinkAction): boolean {
    const changed = dispatch(action)
    if (changed && overlay) {
      if (store.getState().isOpen) overlay.show()
      else overlay.hide()
    }
    return changed
  }

  // The two ways a live flow ends early: both stop the load timer and the receiver.
  function end(action: Extract<LinkAction, { type: 'fail' | 'exit' }>) {
    if (!apply(action)) return
    clearTimeout(loadTimer)
    receiver?.stop()
    if (action.type === 'exit') {
      emit(options.onExit, action.reason)
    } else {
      view.setLoading(false)
      view.showError(action.error.message)
      emit(options.onError, action.error)
    }
  }

  function fail(code: ErrorCode, message: string) {
    end({ type: 'fail', error: new HumanosLinkError(code, message) })
  }

  // Escape or the close button: ends a live flow; on a failed one it just hides the overlay.
  function userClose() {
    const { status } = store.getState()
    if (status === 'loading' || status === 'ready') end({ type: 'exit', reason: 'user_closed' })
    else apply({ type: 'close' })
  }

  function handle(message: VerifiedMessage) {
    // Only the listed fields: a body field a later protocol version adds, or a payload, never
    // reaches analytics by accident.
    const summary: Partial<Record<SummaryField, unknown>> = {}
    for (const field of SUMMARY_FIELDS) {
      const value = (message as Partial<Record<SummaryField, unknown>>)[field]
      if (value !== undefined) summary[field] = value
    }
    emit(options.onEvent, summary as LinkEventSummary)
    const { decisions } = store.getState()
    switch (message.type) {
      case 'ready':
        if (apply({ type: 'ready' })) {
          clearTimeout(loadTimer)
          view.setLoading(false)
          emit(options.onReady)
        }
        break
      case 'resize':
        if (!isModal && options.autoResize !== false) view.setHeight(message.height)
        break
      case 'result':
        if (apply({ type: 'decision', payload: message.payload })) {
          emit(options.onDecision, message.payload)
        }
        break
      case 'complete':
        if (decisions.length !== message.count) {
          fail(
            'invalid_payload',
            `The flow reported ${message.count} decision(s) but ${decisions.length} arrived intact.`,
          )
        } else if (apply({ type: 'complete' })) {
          emit(options.onSuccess, [...decisions])
        }
        break
      case 'exit':
        end({ type: 'exit', reason: message.reason })
        break
      case 'error':
        fail(
          isFrameErrorCode(message.code) ? message.code : 'internal',
          message.message || 'The approval flow failed.',
        )
    }
  }

  async function start() {
    apply({ type: 'load' })
    view.setLoading(true)
    loadTimer = setTimeout(
      () =>
        fail(
          'load_timeout',
          'The approval flow did not load in time. Check your connection and try again.',
        ),
      options.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS,
    )
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
        onFailure: (error) => end({ type: 'fail', error }),
      })
      addEventListener('message', receiver.handleEvent)
      view.attachFrame(
        buildFrameUrl(link.url.href, {
          publicKey: keyPair.publicKey,
          origin: hostOrigin,
          lang: options.lang,
          mode: options.mode,
          theme: options.theme,
        }),
      )
    } catch (error) {
      end({
        type: 'fail',
        error:
          error instanceof HumanosLinkError
            ? error
            : new HumanosLinkError('internal', 'The approval flow could not start.'),
      })
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
        removeEventListener('message', receiver.handleEvent)
      }
      overlay?.destroy()
      view.root.remove()
    },
    getState: store.getState,
    subscribe: store.subscribe,
    store,
  }
}
