import type { HumanosLinkHandle, LinkStatus } from '@humanos-link/core'
import { FLOW_ATTRIBUTES, readFlowAttributes } from './flowAttributes.js'
import { mountFlow } from './mountFlow.js'

/** The tag name the element is registered under. */
export const ELEMENT_NAME = 'humanos-link'

// Importing this module on a server (SSR) must not throw: there is no HTMLElement there.
const Base: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as typeof HTMLElement) : HTMLElement

/**
 * `<humanos-link link="…" mode="inline|modal" lang="ENG" theme="light|dark" allow-camera>`:
 * the Humanos Link flow as an HTML element. It creates the flow when it enters the document,
 * destroys it when it leaves, and re-creates it when one of its attributes changes (several
 * changes in one task re-create it once). Inline flows render inside the element; modal flows
 * open an overlay with {@link HumanosLinkElement.open}. It dispatches the `humanos-link:*`
 * events of `EMBED_EVENTS` on itself. Invalid attribute values: see `readFlowAttributes`.
 */
export class HumanosLinkElement extends Base {
  static get observedAttributes(): string[] {
    return [...FLOW_ATTRIBUTES]
  }

  #handle: HumanosLinkHandle | null = null
  #pending = false

  /** Where the flow is; `idle` while no flow exists (no link yet, or not in the document). */
  get status(): LinkStatus {
    return this.#handle?.getState().status ?? 'idle'
  }

  /** Modal mode: shows the overlay. Does nothing inline, before the flow exists, or after it ended. */
  open(): void {
    this.#render()
    this.#handle?.open()
  }

  /** Modal mode: hides the overlay without ending the flow. */
  close(): void {
    this.#handle?.close()
  }

  connectedCallback(): void {
    this.#schedule()
  }

  disconnectedCallback(): void {
    this.#destroy()
  }

  attributeChangedCallback(_name: string, previous: string | null, next: string | null): void {
    if (previous !== next && this.isConnected) this.#schedule()
  }

  // Attributes set one by one right after insertion should make one flow, not several.
  #schedule() {
    if (this.#pending) return
    this.#pending = true
    queueMicrotask(() => this.#render())
  }

  #render() {
    if (!this.#pending) return
    this.#pending = false
    this.#destroy()
    if (!this.isConnected) return
    const attributes = readFlowAttributes((name) => this.getAttribute(name))
    if (attributes.link) this.#handle = mountFlow(this, attributes)
  }

  #destroy() {
    this.#handle?.destroy()
    this.#handle = null
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
