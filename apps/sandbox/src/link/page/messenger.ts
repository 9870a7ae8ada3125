// Posting protocol messages to the host page (link-protocol.md section 5). Envelopes come from
// the protocol's own constructor; every message goes to `postMessageOrigin`, never to '*'; a
// page that is not framed, or has no origin, posts nothing.
import { createLinkMessage } from '@humanos-link/core/protocol'
import type { LinkEventName } from '@humanos-link/core'
import type { LinkMessage, LinkMessageBody, LinkMessageType } from '@humanos-link/core/protocol'
import type { LinkPageBoot } from './boot.js'

/** A random UUID, also where `crypto.randomUUID` is missing (plain http on a LAN address). */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export interface Messenger {
  /** Posts a message as it is (the sealed `result` envelopes come from the server whole). */
  postRaw: (message: LinkMessage) => void
  post: <T extends LinkMessageType>(type: T, body: LinkMessageBody<T>) => void
  event: (name: LinkEventName, meta?: Record<string, string | number | boolean | null>) => void
  /** Posts `resize` when the content's height changed since the last report. */
  reportHeight: () => void
}

/** The page's link to its host; `content` is the element whose height the host should follow. */
export function createMessenger(boot: LinkPageBoot, content: HTMLElement): Messenger {
  const origin = boot.origin
  const embedded = typeof origin === 'string' && window.parent !== window
  let lastHeight = 0

  const postRaw = (message: LinkMessage) => {
    if (embedded) window.parent.postMessage(message, origin)
  }
  const post: Messenger['post'] = (type, body) =>
    postRaw(createLinkMessage(type, boot.sessionId, body, { id: uuid() }))
  const event: Messenger['event'] = (name, meta) => post('event', meta ? { name, meta } : { name })

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
