/**
 * The modal around the Link frame: a dialog that takes focus when shown, keeps Tab inside
 * itself, closes on Escape, locks page scroll, and gives focus and scroll back when hidden.
 * The frame is cross-origin, so keys pressed inside it never reach this document; the frame
 * itself reports Escape as `exit` with reason `user_closed`.
 * The overlay is attached, hidden, as soon as it is created: an iframe outside the document
 * would not load, and preloading makes `open()` instant.
 */
export interface ModalOverlay {
  /** Where the frame view goes. */
  content: HTMLElement
  show: () => void
  hide: () => void
  isShown: () => boolean
  /** Removes the overlay from the page for good. */
  destroy: () => void
}

export interface ModalOverlayOptions {
  doc: Document
  label: string
  closeLabel: string
  /** The person asked to close (Escape or the close button). */
  onRequestClose: () => void
}

const FOCUSABLE = 'button, iframe, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])'

export function createModalOverlay(options: ModalOverlayOptions): ModalOverlay {
  const { doc } = options
  const backdrop = doc.createElement('div')
  backdrop.className = 'humanos-link-overlay'
  Object.assign(backdrop.style, {
    position: 'fixed',
    inset: '0',
    zIndex: '2147483000',
    display: 'none',
    alignItems: 'center',
    justifyContent: 'center',
    background: 'rgba(15, 23, 42, 0.55)',
  })
  backdrop.hidden = true

  const dialog = doc.createElement('div')
  dialog.setAttribute('role', 'dialog')
  dialog.setAttribute('aria-modal', 'true')
  dialog.setAttribute('aria-label', options.label)
  dialog.tabIndex = -1
  Object.assign(dialog.style, {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    width: 'min(480px, 100vw)',
    height: 'min(720px, 100vh)',
    background: '#fff',
    borderRadius: '12px',
    overflow: 'hidden',
    boxShadow: '0 20px 60px rgba(0, 0, 0, 0.35)',
  })

  const closeButton = doc.createElement('button')
  closeButton.type = 'button'
  closeButton.className = 'humanos-link-overlay__close'
  closeButton.setAttribute('aria-label', options.closeLabel)
  closeButton.textContent = '×'
  Object.assign(closeButton.style, {
    alignSelf: 'flex-end',
    margin: '4px 8px 0 0',
    font: '24px/1 system-ui, sans-serif',
    border: '0',
    background: 'transparent',
    cursor: 'pointer',
    padding: '6px 10px',
  })
  closeButton.addEventListener('click', () => options.onRequestClose())

  const content = doc.createElement('div')
  Object.assign(content.style, { flex: '1 1 auto', minHeight: '0', padding: '0 4px 4px' })

  // Sentinels at both ends turn "Tab out of the dialog" into "Tab to its other end".
  const startSentinel = createSentinel(doc)
  const endSentinel = createSentinel(doc)
  dialog.append(closeButton, content)
  backdrop.append(startSentinel, dialog, endSentinel)
  doc.body.append(backdrop)

  let shown = false
  let returnFocusTo: Element | null = null
  let savedOverflow = ''

  const focusables = () =>
    Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hidden)

  function focusEdge(edge: 'first' | 'last') {
    const list = focusables()
    const target = edge === 'first' ? list[0] : list.at(-1)
    ;(target ?? dialog).focus()
  }

  const onStartFocus = () => focusEdge('last')
  const onEndFocus = () => focusEdge('first')
  startSentinel.addEventListener('focus', onStartFocus)
  endSentinel.addEventListener('focus', onEndFocus)

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault()
      options.onRequestClose()
    }
  }

  // Focus that lands outside the dialog (a click on the page behind, script focus) comes back.
  function onFocusIn(event: FocusEvent) {
    if (event.target instanceof Node && !backdrop.contains(event.target)) focusEdge('first')
  }

  function show() {
    if (shown) return
    shown = true
    returnFocusTo = doc.activeElement
    savedOverflow = doc.documentElement.style.overflow
    doc.documentElement.style.overflow = 'hidden'
    backdrop.hidden = false
    backdrop.style.display = 'flex'
    doc.addEventListener('keydown', onKeyDown, true)
    doc.addEventListener('focusin', onFocusIn, true)
    const frame = dialog.querySelector('iframe')
    ;(frame ?? closeButton).focus()
  }

  function hide() {
    if (!shown) return
    shown = false
    doc.removeEventListener('keydown', onKeyDown, true)
    doc.removeEventListener('focusin', onFocusIn, true)
    backdrop.hidden = true
    backdrop.style.display = 'none'
    doc.documentElement.style.overflow = savedOverflow
    if (returnFocusTo instanceof HTMLElement && returnFocusTo.isConnected) returnFocusTo.focus()
    returnFocusTo = null
  }

  return {
    content,
    isShown: () => shown,
    show,
    hide,
    destroy() {
      hide()
      backdrop.remove()
    },
  }
}

function createSentinel(doc: Document): HTMLElement {
  const sentinel = doc.createElement('div')
  sentinel.tabIndex = 0
  sentinel.setAttribute('aria-hidden', 'true')
  Object.assign(sentinel.style, { position: 'fixed', width: '1px', height: '1px', opacity: '0' })
  return sentinel
}
