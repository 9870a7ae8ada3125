import type { HumanosLinkHandle } from '@humanos-link/core'
import { FLOW_ATTRIBUTES, readFlowAttributes, sameFlowAttributes } from './flowAttributes.js'
import type { FlowAttributeName, FlowAttributes } from './flowAttributes.js'
import { mountFlow } from './mountFlow.js'

/** The attribute that marks an element for auto-mounting; its value is the Link URL. */
export const AUTO_MOUNT_ATTRIBUTE = 'data-humanos-link'

// `link` is the marker itself; the others are `data-mode`, `data-lang`, `data-theme`, ...
const attributeName = (name: FlowAttributeName) =>
  name === 'link' ? AUTO_MOUNT_ATTRIBUTE : `data-${name}`
const WATCHED = FLOW_ATTRIBUTES.map(attributeName)
const SELECTOR = `[${AUTO_MOUNT_ATTRIBUTE}]`

interface Mounted {
  attributes: FlowAttributes
  handle: HumanosLinkHandle | null
  /** Modal flows open when their element is clicked (a button, typically). */
  onClick?: () => void
}

/**
 * Mounts a flow on every element with `data-humanos-link="<Link URL>"` in `doc`, now (or at
 * `DOMContentLoaded` while the page is still parsing) and whenever one is added later;
 * destroys it when its element leaves the document or loses the attribute, and re-creates it
 * when `data-humanos-link`, `data-mode`, `data-lang`, `data-theme` or `data-allow-camera`
 * changes. Inline flows render inside the element; modal flows open when it is clicked.
 * Events are the element's `humanos-link:*` events, dispatched on the marked element.
 * @returns a function that stops watching and destroys every flow it mounted.
 */
export function startAutoMount(doc: Document = document): () => void {
  const mounted = new Map<HTMLElement, Mounted>()
  let observer: MutationObserver | undefined

  function unmount(element: HTMLElement) {
    const entry = mounted.get(element)
    if (!entry) return
    mounted.delete(element)
    if (entry.onClick) element.removeEventListener('click', entry.onClick)
    entry.handle?.destroy()
  }

  function sync(element: HTMLElement) {
    // The element reads its own attributes; marking it too would mount a second flow.
    if (element.localName === 'humanos-link') return
    const attributes = readFlowAttributes((name) => element.getAttribute(attributeName(name)))
    const entry = mounted.get(element)
    if (entry && sameFlowAttributes(entry.attributes, attributes)) return
    unmount(element)
    if (!attributes.link || !element.isConnected) return
    const handle = mountFlow(element, attributes)
    const next: Mounted = { attributes, handle }
    if (handle && attributes.mode === 'modal') {
      next.onClick = () => handle.open()
      element.addEventListener('click', next.onClick)
    }
    mounted.set(element, next)
  }

  function onMutations(records: MutationRecord[]) {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.target instanceof HTMLElement) sync(record.target)
        continue
      }
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLElement)) continue
        if (node.matches(SELECTOR)) sync(node)
        node.querySelectorAll<HTMLElement>(SELECTOR).forEach(sync)
      }
      if (record.removedNodes.length === 0) continue
      for (const element of [...mounted.keys()]) if (!element.isConnected) unmount(element)
    }
  }

  function start() {
    observer = new MutationObserver(onMutations)
    observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: WATCHED,
    })
    doc.querySelectorAll<HTMLElement>(SELECTOR).forEach(sync)
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true })
  else start()

  return () => {
    doc.removeEventListener('DOMContentLoaded', start)
    observer?.disconnect()
    for (const element of [...mounted.keys()]) unmount(element)
  }
}
