import { ErrorCodes, HumanosLinkError, createHumanosLink } from '@humanos-link/core'
import type { HumanosLinkHandle } from '@humanos-link/core'
import { EMBED_EVENTS } from './embedEvents.js'
import type { FlowAttributes } from './flowAttributes.js'

/**
 * Creates a flow for `target` from its attributes: inline flows render into `target`, modal
 * flows open their own overlay. Every callback becomes a DOM event on `target`. An invalid
 * link does not throw: it is reported as an `invalid_link` error event (and on the console,
 * for pages without script of their own) and `null` is returned.
 */
export function mountFlow(
  target: HTMLElement,
  attributes: FlowAttributes,
): HumanosLinkHandle | null {
  const fire = (type: string, detail: unknown = null) =>
    target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }))
  try {
    return createHumanosLink({
      link: attributes.link ?? '',
      mode: attributes.mode,
      container: attributes.mode === 'inline' ? target : undefined,
      lang: attributes.lang,
      theme: attributes.theme,
      allowCamera: attributes.allowCamera,
      onReady: () => fire(EMBED_EVENTS.READY),
      onDecision: (payload) => fire(EMBED_EVENTS.DECISION, payload),
      onSuccess: (payloads) => fire(EMBED_EVENTS.SUCCESS, payloads),
      onExit: (reason) => fire(EMBED_EVENTS.EXIT, reason),
      onError: (error) => fire(EMBED_EVENTS.ERROR, error),
      onEvent: (event) => fire(EMBED_EVENTS.EVENT, event),
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.warn(message)
    fire(EMBED_EVENTS.ERROR, new HumanosLinkError(ErrorCodes.INVALID_LINK, message))
    return null
  }
}
