import { DEV } from './dev.js'
import type { HumanosLinkError } from './errors.js'
import { startFrameSession } from './frameSession.js'
import type { Emit, FrameSession } from './frameSession.js'
import type { ParsedLink } from './frameUrl.js'
import type { LinkState } from './linkMachine.js'
import { createLinkStore } from './linkStore.js'
import type { LinkController, LinkControllerOptions } from './options.js'
import { checkLink, validateOptions } from './validateOptions.js'

// The options a frame is made from: when one of them changes, the frame is replaced.
const FRAME_INPUTS = [
  'link',
  'mode',
  'lang',
  'theme',
  'allowCamera',
  'loadTimeoutMs',
  'autoResize',
  'title',
  'keyPair',
] as const satisfies readonly (keyof LinkControllerOptions)[]

const isLive = ({ status }: LinkState) => status === 'loading' || status === 'ready'

// An ended flow may run again with the same link unless its session is over for good: a
// completed, expired or canceled session, or a link or page the frame refused. Not after a
// result failed to decrypt either: that is tampering until shown otherwise, not bad luck.
const RESTARTABLE_ERRORS: readonly string[] = ['load_timeout', 'internal']
const canRestart = ({ status, error, exitReason }: LinkState) =>
  (status === 'exited' && exitReason === 'user_closed') ||
  (status === 'failed' && RESTARTABLE_ERRORS.includes(error!.code))

/**
 * The controller plus `flush`, which applies pending changes now: `createHumanosLink` starts its
 * frame synchronously, where bindings wait one microtask (see `mount`).
 */
export function createController(
  initial: LinkControllerOptions,
): [controller: LinkController, flush: () => void] {
  const { store, dispatch } = createLinkStore()
  if (DEV) validateOptions(initial, 'createLinkController')
  let options = initial
  const mounts: { container: HTMLElement | undefined }[] = []
  let session: FrameSession | null = null
  let sessionContainer: HTMLElement | undefined
  // The frame inputs the current state belongs to; a difference starts over.
  let inputs: unknown[] | null = null
  // The link of those inputs, checked: `null` when there is none or it was refused.
  let link: ParsedLink | null = null
  let warnedEnded = false
  let scheduled = false
  let destroyed = false

  const emit: Emit = (name, ...args) => {
    const callback = options[name] as ((...a: typeof args) => void) | undefined
    if (destroyed || !callback) return
    // A throwing callback cannot break the flow; the error still reaches reporting tools.
    try {
      callback(...args)
    } catch (error) {
      globalThis.reportError?.(error)
    }
  }

  function applyOpen() {
    if (options.open !== undefined) dispatch({ type: options.open ? 'open' : 'close' })
  }

  // Removes the frame; with `reset`, the state starts over (else a live flow does, an ended one
  // keeps its outcome for readers).
  function drop(reset?: boolean) {
    session?.destroy()
    session = null
    if (reset || isLive(store.getState())) dispatch({ type: 'reset' })
  }

  function invalidLink(error: HumanosLinkError) {
    dispatch({ type: 'fail', error })
    // Without an onError the page would fail silently: say it once, where developers look.
    if (DEV && !options.onError) console.warn(error.message)
    emit('onError', error)
  }

  function reconcile() {
    scheduled = false
    if (destroyed) return
    // `linkOrigins` by value: a new array with the same origins (a React prop) keeps the frame.
    const next = [...FRAME_INPUTS.map((name) => options[name]), '' + options.linkOrigins]
    if (!inputs || next.some((value, i) => value !== inputs![i])) {
      drop(true)
      inputs = next
      applyOpen()
      // Checked once per link, before any frame exists: a refused link never gets one.
      const checked = options.link ? checkLink(options.link, options.linkOrigins) : null
      link = null
      if (checked && !('url' in checked)) invalidLink(checked)
      else link = checked
    }
    const { mode } = options
    const container = mounts.at(-1)?.container
    const placed = mounts.length > 0 && (mode === 'modal' || !!container)
    if (session && (!placed || (mode !== 'modal' && container !== sessionContainer))) {
      drop()
    }
    if (!link || !placed || session || store.getState().status !== 'idle') return
    warnedEnded = false
    sessionContainer = container
    session = startFrameSession({ options, link, container, store, dispatch, emit })
  }

  // Changes are applied together one microtask later: StrictMode's mount, unmount, mount (or
  // several setOptions in a row) then cost one frame, not several.
  function schedule() {
    if (scheduled) return
    scheduled = true
    queueMicrotask(reconcile)
  }

  const controller: LinkController = {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    setOptions(next) {
      if (DEV) validateOptions(next, 'setOptions')
      options = next
      if (inputs && options.open !== undefined) applyOpen()
      schedule()
    },
    mount(container) {
      const entry = { container: container ?? undefined }
      mounts.push(entry)
      schedule()
      return () => {
        const index = mounts.indexOf(entry)
        if (index < 0) return
        mounts.splice(index, 1)
        schedule()
      }
    },
    open() {
      // The reducer opens only a live or pending (idle) flow.
      if (options.mode !== 'modal' || dispatch({ type: 'open' })) return
      const state = DEV && store.getState()
      if (
        state &&
        !warnedEnded &&
        !isLive(state) &&
        !['idle', 'destroyed'].includes(state.status)
      ) {
        // Otherwise a button that "does nothing" after the person closed the modal.
        warnedEnded = true
        console.warn(
          `Humanos Link: open() ignored, the flow is ${state.status}. ` +
            (canRestart(state)
              ? 'Call restart() to run it again.'
              : 'Ask your server for a new link to run it again.'),
        )
      }
    },
    close: () => void dispatch({ type: 'close' }),
    restart() {
      // A destroyed flow is no ended one: it cannot restart.
      if (!canRestart(store.getState())) return false
      drop(true)
      reconcile()
      return true
    },
    destroy() {
      if (destroyed) return
      // Not `drop()`: a destroyed flow keeps what it had (decisions) for whoever reads it last.
      session?.destroy()
      dispatch({ type: 'destroy' })
      destroyed = true
    },
  }
  return [controller, reconcile]
}

/**
 * A long-lived flow for a component or an element, the way a query observer outlives its
 * options: one store for its whole life, frames made and swapped underneath.
 *
 * - `setOptions` pushes new options; a change of `link` (or another frame input) replaces the
 *   frame and starts the state over, new callbacks are simply used from then on.
 * - `mount(container)` places the flow (inline needs a container); the frame is made with the
 *   first mount and removed after the last unmount.
 * - `open()` before a frame exists is kept (`isOpen` while `idle`) and applied to the frame.
 * - `restart()` runs an ended flow again where its session allows it; `destroy()` ends it all.
 *
 * Creating one touches no DOM (safe during server rendering); frames are made only once
 * mounted, in the browser.
 * @throws TypeError for options of the wrong type. A bad `link` is not thrown: the flow fails
 *   with `invalid_link` (and warns on the console when there is no `onError`).
 */
export function createLinkController(options: LinkControllerOptions = {}): LinkController {
  return createController(options)[0]
}
