import { createElement } from './createElement.js'

/**
 * The modal around the Link frame, built on the native `<dialog>` shown with `showModal()`:
 * the browser makes the rest of the page inert, puts the dialog in the top layer and turns
 * Escape into a close request. On top of that this module keeps Tab inside the dialog (the
 * browser would let it wander to its own toolbar), locks page scroll, and gives focus and
 * scroll back when hidden.
 * The frame is cross-origin, so keys pressed inside it never reach this document; the frame
 * itself reports Escape as `exit` with reason `user_closed`.
 * The dialog is attached, closed, as soon as it is created: an iframe outside the document
 * would not load, and preloading makes `open()` instant.
 */
export interface ModalOverlay {
  /** Where the frame view goes. */
  content: HTMLElement
  show: () => void
  hide: () => void
  /** Removes the overlay from the page for good. */
  destroy: () => void
}

export interface ModalOverlayOptions {
  label: string
  closeLabel: string
  /** The person asked to close (Escape or the close button). */
  onRequestClose: () => void
}

// The dialog covers the viewport and dims the page (the default `::backdrop` is too faint and
// can only be styled from a stylesheet); the card inside is centred by `inset: 0; margin: auto`,
// and sets its own text colour so the × stays visible on a dark host page (the UA gives
// `<dialog>` `color: CanvasText`).
// `display` is set inline both ways: a host rule such as `dialog { display: flex }` would
// otherwise show the closed dialog, a dimmed layer blocking the whole page.
const DIALOG_CSS =
  'display:none;position:fixed;inset:0;width:100%;height:100%;max-width:none;max-height:none;margin:0;padding:0;border:0;background:#0f172a8c'
const CARD_CSS =
  'position:absolute;inset:0;margin:auto;display:flex;flex-direction:column;width:min(480px,100vw);height:min(720px,100vh);background:#fff;color:#0f172a;border-radius:12px;overflow:hidden;box-shadow:0 20px 60px #0006'
const CLOSE_CSS =
  'align-self:flex-end;margin:4px 8px 0 0;padding:6px 10px;font:24px/1 system-ui,sans-serif;border:0;background:none;cursor:pointer'

export function createModalOverlay(options: ModalOverlayOptions): ModalOverlay {
  const { onRequestClose } = options
  const page = document.documentElement
  const dialog = createElement(
    'dialog',
    { class: 'humanos-link-overlay', 'aria-label': options.label, 'aria-modal': 'true' },
    DIALOG_CSS,
  )
  const card = createElement('div', {}, CARD_CSS)
  const closeButton = createElement(
    'button',
    { type: 'button', 'aria-label': options.closeLabel },
    CLOSE_CSS,
  )
  closeButton.textContent = '×'
  closeButton.onclick = onRequestClose
  const content = createElement('div', {}, 'flex:1;min-height:0;padding:0 4px 4px')
  const focusFrame = () => (content.querySelector('iframe') ?? closeButton).focus()

  // Focusable sentinels at both ends turn "Tab out of the dialog" into "Tab to its other end".
  const sentinel = (onfocus: () => void) =>
    Object.assign(createElement('div', { tabindex: '0', 'aria-hidden': 'true' }), { onfocus })
  card.append(closeButton, content)
  dialog.append(
    sentinel(focusFrame),
    card,
    sentinel(() => closeButton.focus()),
  )
  document.body.append(dialog)

  let shown = false
  let returnFocusTo: HTMLElement | null = null
  let savedOverflow = ''

  // Escape closes a modal dialog natively (Chromium may skip the cancelable `cancel` event), so
  // the `close` event is the one place a close request is noticed. The event comes a frame
  // after `close()`: by then a quick `hide(); show()` has opened the dialog again, which is no
  // request to close.
  dialog.onclose = () => {
    if (shown && !dialog.open) onRequestClose()
  }

  function hide() {
    if (!shown) return
    shown = false
    dialog.close()
    dialog.style.display = 'none'
    page.style.overflow = savedOverflow
    returnFocusTo?.focus()
    returnFocusTo = null
  }

  return {
    content,
    show() {
      if (shown || !dialog.isConnected) return
      returnFocusTo = document.activeElement as HTMLElement | null
      // showModal() throws on a dialog host script opened non-modally; close() is a no-op else.
      dialog.close()
      dialog.style.display = 'block'
      dialog.showModal()
      shown = true
      savedOverflow = page.style.overflow
      page.style.overflow = 'hidden'
      focusFrame()
    },
    hide,
    destroy() {
      hide()
      dialog.remove()
    },
  }
}
