import { DEV } from './dev.js'
import { HumanosLinkError, isFrameErrorCode } from './errors.js'
import type { ErrorCode } from './errors.js'
import { buildFrameUrl } from './frameUrl.js'
import type { ParsedLink } from './frameUrl.js'
import { createFrameView } from './frameView.js'
import { hostStrings } from './hostStrings.js'
import type { LinkAction } from './linkMachine.js'
import type { LinkStore } from './linkStore.js'
import { createMessageReceiver } from './messageReceiver.js'
import type { MessageReceiver, VerifiedMessage } from './messageReceiver.js'
import { createModalOverlay } from './modalOverlay.js'
import type { LinkCallbacks, LinkControllerOptions } from './options.js'
import { DEFAULT_LOAD_TIMEOUT_MS } from './protocol/constants.js'
import { generateHostKeyPair, requireSubtle } from './protocol/resultCrypto.js'
import { capText, summarize } from './eventSummary.js'

/** Calls one of the latest options' callbacks (never after destroy, never throwing). */
export type Emit = <K extends keyof LinkCallbacks>(
  name: K,
  ...args: Parameters<NonNullable<LinkCallbacks[K]>>
) => void

export interface FrameSessionOptions {
  options: LinkControllerOptions
  link: ParsedLink
  /** Inline mode: where the frame renders. */
  container: HTMLElement | undefined
  store: LinkStore
  dispatch: (action: LinkAction) => boolean
  emit: Emit
}

/** One frame: created by the controller for one set of options, destroyed when they change. */
export interface FrameSession {
  destroy: () => void
}

// Expiry reaches a host two ways: before the flow as an `error` (`session_expired`), during it as
// an `exit` (`expired`). Both become the error, so an app handles expiry in one place
// (`onError`: fetch a new link), whatever the timing.
const EXPIRED = 'This link has expired.'

/**
 * Creates the frame for one set of options: the key pair, the iframe (inline in `container`,
 * or in a modal overlay that follows the state's `isOpen`), the receiver and the load timer,
 * and turns the frame's messages into reducer actions and callbacks.
 */
export function startFrameSession(session: FrameSessionOptions): FrameSession {
  const { options, link, store, dispatch, emit } = session
  const hostOrigin = location.origin
  const strings = hostStrings(options.lang)
  const isModal = options.mode === 'modal'
  let destroyed = false
  let receiver: MessageReceiver | undefined
  let loadTimer: ReturnType<typeof setTimeout> | undefined

  // The view reads `title` and `allowCamera` from the options themselves.
  const view = createFrameView({ ...options, strings, fill: isModal })
  const overlay = isModal
    ? createModalOverlay({
        label: options.title ?? strings.frameTitle,
        closeLabel: strings.close,
        onRequestClose: userClose,
      })
    : undefined
  ;(overlay?.content ?? session.container!).append(view.root)
  const follow = () => (store.getState().isOpen ? overlay?.show() : overlay?.hide())
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.isOpen !== previous.isOpen) follow()
  })

  function stop() {
    clearTimeout(loadTimer)
    receiver?.stop()
  }

  function fail(code: ErrorCode, message: string, cause?: unknown) {
    const error = new HumanosLinkError(code, message, { cause })
    if (!dispatch({ type: 'fail', error })) return
    stop()
    // Once the app is told the flow failed, nothing the person does in the frame may complete
    // it unseen (spec section 8 for load_timeout; the same holds for every failure): the frame
    // goes, and the host shows the error's message in its place.
    view.fail(message)
    emit('onError', error)
  }

  function exit(): boolean {
    if (!dispatch({ type: 'exit', reason: 'user_closed' })) return false
    stop()
    emit('onExit', 'user_closed')
    return true
  }

  // Escape or the close button: ends a live flow; on an ended one it just hides the overlay.
  function userClose() {
    if (!exit()) dispatch({ type: 'close' })
  }

  function handle(message: VerifiedMessage) {
    emit('onEvent', summarize(message))
    const { decisions } = store.getState()
    switch (message.type) {
      case 'ready':
        if (dispatch({ type: 'ready' })) {
          clearTimeout(loadTimer)
          view.setLoading(false)
          emit('onReady')
        }
        break
      case 'resize':
        if (!isModal && options.autoResize !== false) view.setHeight(message.height)
        break
      case 'result':
        if (dispatch({ type: 'decision', payload: message.payload })) {
          emit('onDecision', message.payload)
        }
        break
      case 'complete':
        if (decisions.length !== message.count) {
          fail(
            'invalid_payload',
            DEV
              ? `The flow reported ${message.count} decision(s) but ${decisions.length} arrived intact.`
              : 'Some decisions did not arrive.',
          )
        } else if (dispatch({ type: 'complete' })) {
          // Still listening: the frame's final screen may resize.
          emit('onSuccess', store.getState().result!)
        }
        break
      case 'exit':
        if (message.reason === 'expired') fail('session_expired', EXPIRED)
        else if (dispatch({ type: 'exit', reason: message.reason })) {
          stop()
          emit('onExit', message.reason)
        }
        break
      case 'error':
        fail(
          isFrameErrorCode(message.code) ? message.code : 'internal',
          message.code === 'origin_not_allowed'
            ? // The host knows which origin was refused and what lets it in; a frame may not say.
              DEV
              ? `Humanos Link: this page's origin, ${hostOrigin}, is not one of the allowed origins of the organization that created this request. Add it to the organization's allowed origins (in the sandbox: SANDBOX_ALLOWED_ORIGINS, or --allowed-origins).`
              : `${hostOrigin} is not an allowed origin`
            : // The frame's text is shown and stored: capped, so a frame cannot flood the page.
              capText(message.message) || 'The approval flow failed.',
        )
    }
  }

  async function start() {
    dispatch({ type: 'load' })
    follow()
    view.setLoading(true)
    loadTimer = setTimeout(
      () => fail('load_timeout', 'The approval flow did not load in time.'),
      options.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS,
    )
    try {
      requireSubtle()
      const keyPair = options.keyPair ?? (await generateHostKeyPair())
      if (destroyed || store.getState().status !== 'loading') return
      receiver = createMessageReceiver({
        target: window,
        getFrameWindow: () => view.frame()?.contentWindow ?? null,
        frameOrigin: link.origin,
        sessionId: link.sessionId,
        hostOrigin,
        privateKey: keyPair.privateKey,
        onMessage: handle,
        onFailure: (error) => fail(error.code, error.message),
      })
      view.attachFrame(
        buildFrameUrl(link.url, {
          publicKey: keyPair.publicKey,
          origin: hostOrigin,
          lang: options.lang,
          mode: options.mode,
          theme: options.theme,
        }),
      )
    } catch (error) {
      if (destroyed) return
      // The page sees a plain message; the original failure stays on `cause` for developers.
      if (error instanceof HumanosLinkError) fail(error.code, error.message)
      else fail('internal', 'The approval flow could not start.', error)
    }
  }

  void start()

  return {
    destroy() {
      if (destroyed) return
      destroyed = true
      stop()
      unsubscribe()
      overlay?.destroy()
      view.root.remove()
    },
  }
}
