// The fake Link frame inside the host page, for the SDK's browser tests (Vitest browser mode).
// The SDK's iframe points at an unreachable origin, so nothing loads in it, but its window is
// real: messages are dispatched on the host window with that window as `source` and the link's
// origin as `origin`, exactly what the SDK's receiver checks. Results are sealed for real.
import { createLinkFrame, frameParamsOf } from './linkFrame.js'
import type { LinkFrame } from './linkFrame.js'
import type { LinkMessage } from './protocol.js'

export interface FakeLinkFrame extends LinkFrame {
  iframe: HTMLIFrameElement
  /** The frame's window, kept so a test can post "from" a frame the SDK already removed. */
  window: Window
}

/** Plays the Link page of an iframe the SDK created (its `src` must be set). */
export function fakeLinkFrame(iframe: HTMLIFrameElement): FakeLinkFrame {
  const params = frameParamsOf(iframe.src)
  const frameWindow = iframe.contentWindow
  if (!frameWindow) throw new Error('The iframe has no window: is it in the document?')
  const origin = new URL(iframe.src).origin
  const dispatch = (data: LinkMessage) =>
    window.dispatchEvent(new MessageEvent('message', { data, origin, source: frameWindow }))
  return Object.assign(createLinkFrame(params, dispatch), { iframe, window: frameWindow })
}

/**
 * The SDK's Link iframe under `root`, once it is there (it is appended after the key pair is
 * made, so not synchronously). Resolves on the DOM change itself; no polling interval.
 */
export function linkIframeIn(root: ParentNode & Node = document.body): Promise<HTMLIFrameElement> {
  const find = () => root.querySelector<HTMLIFrameElement>('iframe[src*="/link/"]')
  const found = find()
  if (found) return Promise.resolve(found)
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const iframe = find()
      if (!iframe) return
      observer.disconnect()
      resolve(iframe)
    })
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['src'],
    })
  })
}
