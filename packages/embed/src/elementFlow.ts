import { createLinkController } from '@humanos-link/core'
import type { LinkController, LinkControllerOptions } from '@humanos-link/core'
import { FLOW_ATTRIBUTES, readFlowAttributes } from './flowAttributes.js'
import type { FlowAttributeName } from './flowAttributes.js'
import { pageSettings } from './pageSettings.js'

/** The flow of one element; see {@link elementFlow}. */
export interface ElementFlow {
  /** The element's flow controller, for its whole life. */
  readonly controller: LinkController
  /**
   * Pushes the attributes into the controller and mounts it while the element is in the
   * document (unmounts it when it has left). Cheap and harmless to call after every change:
   * the controller makes a new frame only when a frame input really changed.
   */
  update(): void
  /** Unmounts the flow: its frame, overlay, listeners and timers go. */
  destroy(): void
}

// Each core callback becomes the event named after it: `onDecision` dispatches
// `humanos-link:decision`, and so on for the six `EMBED_EVENTS`.
const CALLBACKS = ['onReady', 'onDecision', 'onSuccess', 'onExit', 'onError', 'onEvent'] as const

// How the warning names the element: `<humanos-link>` has a `link` attribute, auto-mounted
// elements a `data-humanos-link` one.
const describe = (target: HTMLElement) =>
  target.localName === 'humanos-link'
    ? '<humanos-link> (the `link` attribute)'
    : `<${target.localName} data-humanos-link>`

/**
 * The flow of `target`, made from its attributes (`read` returns the value of one of the
 * `FLOW_ATTRIBUTES`, or `null`), for `<humanos-link>` and auto-mounted elements alike: a thin
 * reader of one core controller. `linkOrigins` gives the element's own allowlist (else the
 * page's), which never comes from its attributes: markup that survives a sanitizer must not
 * widen it. Inline flows render into `target`, modal flows open their own
 * overlay, and every callback becomes a `humanos-link:*` event on `target`.
 */
export function elementFlow(
  target: HTMLElement,
  read: (name: FlowAttributeName) => string | null,
  linkOrigins: () => readonly string[] | undefined,
): ElementFlow {
  const controller = createLinkController()
  let unmount: (() => void) | null = null
  let given: string | null = null
  let warnedNoLink = false
  const fire = (name: string, detail: unknown) =>
    target.dispatchEvent(
      new CustomEvent(`humanos-link:${name}`, { detail, bubbles: true, composed: true }),
    )
  const callbacks: LinkControllerOptions = {}
  for (const callback of CALLBACKS) {
    // `onReady` has no argument; its event's detail is `null`.
    callbacks[callback] = (detail: unknown = null) => fire(callback.slice(2).toLowerCase(), detail)
  }
  // A page without script of its own would not see an `invalid_link` event: say it on the console.
  const onError = callbacks.onError!
  callbacks.onError = (error) => {
    if (error.code === 'invalid_link') console.warn(error.message)
    onError(error)
  }
  const destroy = () => {
    unmount?.()
    unmount = null
  }
  return {
    controller,
    update() {
      if (!target.isConnected) return destroy()
      // Attribute warnings once per change, not on every call.
      const origins = linkOrigins() ?? pageSettings.linkOrigins
      const values = JSON.stringify([FLOW_ATTRIBUTES.map(read), origins])
      if (values !== given) {
        given = values
        const attributes = readFlowAttributes(read)
        controller.setOptions({ ...attributes, ...callbacks, linkOrigins: origins })
        // An element that shows nothing should say why, once.
        if (!attributes.link && !warnedNoLink) {
          warnedNoLink = true
          console.warn(
            `Humanos Link: ${describe(target)} has no link, so it shows nothing: set it to a subject's link from POST /request, like https://app.humanos.id/link/<id>.`,
          )
        }
      }
      // Only inline flows render into it; modal ones open their own overlay.
      unmount ??= controller.mount(target)
    },
    destroy,
  }
}
