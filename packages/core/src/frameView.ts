import type { HostStrings } from './hostStrings.js'

/**
 * The host-side DOM around the Link frame: the iframe plus two live regions, one announcing
 * loading, one announcing errors. Styles are set through CSSOM (`element.style`), never inline
 * style attributes, so a host's `style-src` needs no `'unsafe-inline'`.
 */
export interface FrameView {
  /** The wrapper: appended to the inline container, or into the modal dialog. */
  root: HTMLElement
  /** Attaches the iframe (once the key pair exists and the URL is known). */
  attachFrame: (src: string) => HTMLIFrameElement
  frame: () => HTMLIFrameElement | null
  setLoading: (loading: boolean) => void
  showError: (message: string) => void
  setHeight: (height: number) => void
}

export interface FrameViewOptions {
  doc: Document
  strings: HostStrings
  title?: string
  allowCamera: boolean
  /** Fill the parent (modal) instead of a fixed starting height (inline). */
  fill: boolean
}

const INLINE_START_HEIGHT = 560
const MAX_FRAME_HEIGHT = 10_000

export function createFrameView(options: FrameViewOptions): FrameView {
  const { doc, strings } = options
  const root = doc.createElement('div')
  root.className = 'humanos-link'
  Object.assign(root.style, {
    position: 'relative',
    width: '100%',
    height: options.fill ? '100%' : 'auto',
    display: 'flex',
    flexDirection: 'column',
  })

  const status = doc.createElement('div')
  status.setAttribute('role', 'status')
  status.setAttribute('aria-live', 'polite')
  status.className = 'humanos-link__status'
  Object.assign(status.style, { font: '14px system-ui, sans-serif', padding: '0' })

  const alert = doc.createElement('div')
  alert.setAttribute('role', 'alert')
  alert.className = 'humanos-link__error'
  Object.assign(alert.style, { font: '14px system-ui, sans-serif', color: '#b00020' })

  root.append(status, alert)
  let iframe: HTMLIFrameElement | null = null

  return {
    root,
    attachFrame(src) {
      iframe = doc.createElement('iframe')
      iframe.title = options.title ?? strings.frameTitle
      iframe.referrerPolicy = 'strict-origin-when-cross-origin'
      if (options.allowCamera) iframe.allow = 'camera'
      iframe.src = src
      Object.assign(iframe.style, {
        display: 'block',
        width: '100%',
        border: '0',
        flex: options.fill ? '1 1 auto' : '0 0 auto',
        height: options.fill ? '100%' : `${INLINE_START_HEIGHT}px`,
        colorScheme: 'normal',
      })
      root.append(iframe)
      return iframe
    },
    frame: () => iframe,
    setLoading(loading) {
      status.textContent = loading ? strings.loading : ''
      status.style.padding = loading ? '12px 0' : '0'
    },
    showError(message) {
      alert.textContent = message
      alert.style.padding = message ? '12px 0' : '0'
    },
    setHeight(height) {
      if (!iframe || !Number.isFinite(height) || height <= 0) return
      iframe.style.height = `${Math.min(Math.ceil(height), MAX_FRAME_HEIGHT)}px`
    },
  }
}
