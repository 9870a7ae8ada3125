import { ErrorCodes, HumanosLinkError, createHumanosLink } from '@humanos-link/core'
import type { HumanosLinkHandle, HumanosLinkOptions } from '@humanos-link/core'
import { FLOW_ATTRIBUTES, readFlowAttributes } from './flowAttributes.js'
import type { FlowAttributeName, FlowAttributes } from './flowAttributes.js'

/** The flow of one element; see {@link elementFlow}. */
export interface ElementFlow {
  /** The flow, or `null` while there is none (no link, an invalid one, or not connected). */
  readonly handle: HumanosLinkHandle | null
  /**
   * Destroys the flow if the element has left the document; otherwise makes it again from the
   * attributes, unless they are exactly those it was made from. So it is cheap and harmless to
   * call after each of several changes, or after a value was set again unchanged.
   */
  update(): void
  /** Removes the frame, overlay, listeners and timers of the flow, if there is one. */
  destroy(): void
}

// Each core callback becomes the event named after it: `onDecision` dispatches
// `humanos-link:decision`, and so on for the six `EMBED_EVENTS`.
const CALLBACKS = ['onReady', 'onDecision', 'onSuccess', 'onExit', 'onError', 'onEvent'] as const

/**
 * The flow of `target`, made from its attributes (`read` returns the value of one of the
 * `FLOW_ATTRIBUTES`, or `null`), for `<humanos-link>` and auto-mounted elements alike. Inline
 * flows render into `target`, modal flows open their own overlay, and every callback becomes a
 * `humanos-link:*` event on `target`.
 */
export function elementFlow(
  target: HTMLElement,
  read: (name: FlowAttributeName) => string | null,
): ElementFlow {
  let handle: HumanosLinkHandle | null = null
  // The attribute values the flow was made from; `null` while it was not made.
  let madeFrom: string | null = null
  const destroy = () => {
    handle?.destroy()
    handle = madeFrom = null
  }
  return {
    get handle() {
      return handle
    },
    update() {
      if (!target.isConnected) return destroy()
      const values = JSON.stringify(FLOW_ATTRIBUTES.map(read))
      if (values === madeFrom) return
      destroy()
      madeFrom = values
      handle = createFlow(target, readFlowAttributes(read))
    },
    destroy,
  }
}

// Without a link there is nothing to create. An invalid link does not throw, as there is no
// caller to catch it: it becomes an `invalid_link` error event, and a console warning for pages
// without script of their own.
function createFlow(target: HTMLElement, attributes: FlowAttributes): HumanosLinkHandle | null {
  const { link } = attributes
  if (!link) return null
  const fire = (name: string, detail: unknown) =>
    target.dispatchEvent(
      new CustomEvent(`humanos-link:${name}`, { detail, bubbles: true, composed: true }),
    )
  const options: HumanosLinkOptions = {
    ...attributes,
    link,
    // Only inline flows render into it; modal ones ignore it and open their own overlay.
    container: target,
  }
  for (const callback of CALLBACKS) {
    // `onReady` has no argument; its event's detail is `null`.
    options[callback] = (detail: unknown = null) => fire(callback.slice(2).toLowerCase(), detail)
  }
  try {
    return createHumanosLink(options)
  } catch (error) {
    // The core reports bad options as a TypeError; the other attributes were checked when
    // read, so it is the link.
    const { message } = error as TypeError
    console.warn(message)
    fire('error', new HumanosLinkError(ErrorCodes.INVALID_LINK, message))
    return null
  }
}
