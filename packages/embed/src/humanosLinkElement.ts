import type { LinkStatus } from '@humanos-link/core'
import { elementFlow } from './elementFlow.js'
import { FLOW_ATTRIBUTES } from './flowAttributes.js'

/** The tag name the element is registered under. */
export const ELEMENT_NAME = 'humanos-link'

// Importing this module on a server (SSR) must not throw: there is no HTMLElement there.
const Base: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as typeof HTMLElement)

/**
 * `<humanos-link link="…" mode="inline|modal" lang="ENG" theme="light|dark" allow-camera>`:
 * the Humanos Link flow as an HTML element. It creates the flow when it enters the document,
 * destroys it when it leaves, and re-creates it when one of its attributes changes (several
 * changes in one task re-create it once). Inline flows render inside the element; modal flows
 * open an overlay with {@link HumanosLinkElement.open}. It dispatches the `humanos-link:*`
 * events of `EMBED_EVENTS` on itself. Invalid attribute values: see `readFlowAttributes`.
 */
export class HumanosLinkElement extends Base {
  /** The attributes the flow follows; changing one makes a new frame. */
  static get observedAttributes(): string[] {
    return [...FLOW_ATTRIBUTES]
  }

  #linkOrigins: readonly string[] | undefined
  #flow = elementFlow(
    this,
    (name) => this.getAttribute(name),
    () => this.#linkOrigins,
  )

  /**
   * This element's own Link origins (the core's `linkOrigins`), replacing the page's from
   * `installHumanosLink` (the script tag's `data-link-origins`); `undefined` uses the page's.
   * A property, not an attribute, on purpose: markup can set attributes, and must not widen
   * where a frame may come from.
   */
  get linkOrigins(): readonly string[] | undefined {
    return this.#linkOrigins
  }

  /** Sets this element's own Link origins; the flow follows on the next update. */
  set linkOrigins(origins: readonly string[] | undefined) {
    this.#linkOrigins = origins
    this.#scheduleUpdate()
  }

  /** Where the flow is: `idle` while there is no frame (no link yet, not in the document). */
  get status(): LinkStatus {
    return this.#flow.controller.getState().status
  }

  /**
   * Modal mode: shows the overlay; right after insertion the intent is kept and the overlay
   * opens with the frame. Does nothing inline; on an ended flow see {@link restart}.
   */
  open(): void {
    // Right after insertion the attributes are still to be read: read them now.
    this.#flow.update()
    this.#flow.controller.open()
  }

  /** Modal mode: hides the overlay without ending the flow. */
  close(): void {
    this.#flow.controller.close()
  }

  /**
   * Runs an ended flow again with the same link, when its session allows it (the person closed
   * it, or it timed out). Returns whether it restarted.
   */
  restart(): boolean {
    return this.#flow.controller.restart()
  }

  /** Custom-element hook: creates the frame when the element enters the document. */
  connectedCallback(): void {
    this.#scheduleUpdate()
  }

  /** Custom-element hook: removes the frame, overlay, listeners and timers. */
  disconnectedCallback(): void {
    this.#flow.destroy()
  }

  /** Custom-element hook: an observed attribute changed; the flow follows it. */
  // The values are not compared here (nor read: the browser passes name, old and new value):
  // an update finds for itself whether anything changed.
  attributeChangedCallback(): void {
    this.#scheduleUpdate()
  }

  // Attributes set one by one right after insertion should make one flow, not several: the
  // first update sees them all, and the later ones find nothing changed.
  #scheduleUpdate() {
    queueMicrotask(() => this.#flow.update())
  }
}

/**
 * Registers `<humanos-link>` unless a definition already exists (a second copy of the script,
 * or the ES module next to the script tag), so it never throws on a double load.
 * @returns the class registered under the name, which may come from another copy.
 */
export function defineHumanosLinkElement(
  registry: CustomElementRegistry = customElements,
): CustomElementConstructor {
  const existing = registry.get(ELEMENT_NAME)
  if (existing) return existing
  registry.define(ELEMENT_NAME, HumanosLinkElement)
  return HumanosLinkElement
}

declare global {
  interface HTMLElementTagNameMap {
    'humanos-link': HumanosLinkElement
  }
}
