// Posting protocol messages to the host page (link-protocol section 5). Every message goes to
// `postMessageOrigin`, never to '*'; a page that is not framed, or has no origin, posts nothing.

/** A random UUID, also where `crypto.randomUUID` is missing (plain http on a LAN address). */
function uuid() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * @param {{ sessionId: string, origin: string | null }} boot
 * @param {HTMLElement} content the element whose height the host should follow
 */
export function createMessenger(boot, content) {
  const embedded = typeof boot.origin === 'string' && window.parent !== window
  let lastHeight = 0

  /** Posts a message as it is (the sealed `result` envelopes come from the server whole). */
  function postRaw(message) {
    if (embedded) window.parent.postMessage(message, boot.origin)
  }

  function post(type, body = {}) {
    postRaw({
      ns: 'humanos-link',
      v: 1,
      type,
      sessionId: boot.sessionId,
      id: uuid(),
      ts: Date.now(),
      ...body,
    })
  }

  function event(name, meta) {
    post('event', meta ? { name, meta } : { name })
  }

  // The content's own height, not the frame's viewport, so the host can shrink the frame too.
  function reportHeight() {
    const height = Math.ceil(content.getBoundingClientRect().height)
    if (height === lastHeight) return
    lastHeight = height
    post('resize', { height })
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(reportHeight).observe(content)
  window.addEventListener('load', reportHeight)

  return { post, postRaw, event, reportHeight }
}
