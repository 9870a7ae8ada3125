import { createElement } from './createElement.js'
import type { HostStrings } from './hostStrings.js'

/**
 * The host-side DOM around the Link frame: the iframe plus two live regions, one announcing
 * loading, one announcing errors. Styles are set through CSSOM, never inline style
 * attributes, so a host's `style-src` needs no `'unsafe-inline'`.
 */
export interface FrameView {
  /** The wrapper: appended to the inline container, or into the modal dialog. */
  root: HTMLElement
  /** Attaches the iframe (once the key pair exists and the URL is known). */
  attachFrame: (src: string) => void
  frame: () => HTMLIFrameElement | null
  setLoading: (loading: boolean) => void
  /** The flow failed: the iframe goes for good, and `message` shows in its place. */
  fail: (message: string) => void
  setHeight: (height: number) => void
}

export interface FrameViewOptions {
  strings: HostStrings
  title?: string | undefined
  allowCamera?: boolean | undefined
  /** Fill the parent (modal) instead of a fixed starting height (inline). */
  fill: boolean
}

const INLINE_START_HEIGHT = 560
const MAX_FRAME_HEIGHT = 10_000
const MESSAGE_CSS = 'font:14px system-ui,sans-serif;'

export function createFrameView(options: FrameViewOptions): FrameView {
  const { strings, fill } = options
  const root = createElement(
    'div',
    { class: 'humanos-link' },
    `position:relative;width:100%;display:flex;flex-direction:column${fill ? ';height:100%' : ''}`,
  )
  const status = createElement('div', { role: 'status', 'aria-live': 'polite' }, MESSAGE_CSS)
  const alert = createElement('div', { role: 'alert' }, MESSAGE_CSS + 'color:#b00020')
  root.append(status, alert)
  let iframe: HTMLIFrameElement | null = null

  // An empty live region takes no room; a message gets some air around it.
  const say = (region: HTMLElement, text: string) => {
    region.textContent = text
    region.style.padding = text ? '12px 0' : '0'
  }

  return {
    root,
    attachFrame(src) {
      iframe = createElement(
        'iframe',
        {
          title: options.title ?? strings.frameTitle,
          referrerpolicy: 'strict-origin-when-cross-origin',
        },
        `display:block;width:100%;border:0;color-scheme:normal;${fill ? 'flex:1;height:100%' : `flex:none;height:${INLINE_START_HEIGHT}px`}`,
      )
      if (options.allowCamera) iframe.allow = 'camera'
      iframe.src = src
      root.append(iframe)
    },
    frame: () => iframe,
    setLoading: (loading) => say(status, loading ? strings.loading : ''),
    fail(message) {
      iframe?.remove()
      iframe = null
      say(status, '')
      say(alert, message)
    },
    setHeight(height) {
      if (iframe && height > 0) {
        iframe.style.height = `${Math.min(Math.ceil(height), MAX_FRAME_HEIGHT)}px`
      }
    },
  }
}
