import { elementFlow } from './elementFlow.js'
import type { ElementFlow } from './elementFlow.js'
import { FLOW_ATTRIBUTES } from './flowAttributes.js'
import type { FlowAttributeName } from './flowAttributes.js'
import { ELEMENT_NAME } from './humanosLinkElement.js'

/** The attribute that marks an element for auto-mounting; its value is the Link URL. */
export const AUTO_MOUNT_ATTRIBUTE = 'data-humanos-link'

// `link` is the marker itself; the others are `data-mode`, `data-lang`, `data-theme`, ...
const attributeName = (name: FlowAttributeName) =>
  name === 'link' ? AUTO_MOUNT_ATTRIBUTE : `data-${name}`
// <humanos-link> reads its own attributes; marking it too would mount a second flow.
const SELECTOR = `[${AUTO_MOUNT_ATTRIBUTE}]:not(${ELEMENT_NAME})`

/**
 * Mounts a flow on every element with `data-humanos-link="<Link URL>"` in `doc`, now (or at
 * `DOMContentLoaded` while the page is still parsing) and whenever one is added later;
 * destroys it when its element leaves the document or loses the attribute, and re-creates it
 * when `data-humanos-link`, `data-mode`, `data-lang`, `data-theme` or `data-allow-camera`
 * changes. Inline flows render inside the element; modal flows open when it is clicked.
 * Events are the element's `humanos-link:*` events, dispatched on the marked element.
 * A link outside `options.linkOrigins` (default: the page's, from `installHumanosLink`, else
 * the core's) mounts nothing: the flow fails with `invalid_link` before any iframe exists, so
 * markup cannot summon a frame, or the camera, from another origin.
 * @returns a function that stops watching and destroys every flow it mounted.
 */
export function startAutoMount(
  doc: Document = document,
  options: { linkOrigins?: readonly string[] | undefined } = {},
): () => void {
  const flows = new Map<HTMLElement, ElementFlow>()

  // Modal flows open when their element is clicked (a button, typically); inline ones ignore it.
  function open(this: HTMLElement) {
    flows.get(this)?.controller.open()
  }

  function unmount(element: HTMLElement) {
    element.removeEventListener('click', open)
    flows.get(element)?.destroy()
    flows.delete(element)
  }

  function sync(element: HTMLElement) {
    // Unmarked elements are not read: a page's own `data-theme` or `data-lang` is not ours.
    if (!element.isConnected || !element.matches(SELECTOR)) return unmount(element)
    let flow = flows.get(element)
    if (!flow) {
      flow = elementFlow(
        element,
        (name) => element.getAttribute(attributeName(name)),
        () => options.linkOrigins,
      )
      flows.set(element, flow)
      element.addEventListener('click', open)
    }
    flow.update()
  }

  const syncWithin = (root: ParentNode) =>
    root.querySelectorAll<HTMLElement>(SELECTOR).forEach(sync)

  const observer = new MutationObserver((records) => {
    for (const { type, target, addedNodes } of records) {
      // The target of an attribute record is the element whose attribute changed.
      if (type === 'attributes') sync(target as HTMLElement)
      for (const node of addedNodes) {
        if (!(node instanceof HTMLElement)) continue
        sync(node)
        syncWithin(node)
      }
    }
    // A removed subtree may hold mounted elements anywhere in it: check the few mounted ones.
    for (const element of flows.keys()) if (!element.isConnected) unmount(element)
  })

  function start() {
    const attributeFilter = FLOW_ATTRIBUTES.map(attributeName)
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributeFilter })
    syncWithin(doc)
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true })
  else start()

  return () => {
    doc.removeEventListener('DOMContentLoaded', start)
    observer.disconnect()
    for (const element of flows.keys()) unmount(element)
  }
}
