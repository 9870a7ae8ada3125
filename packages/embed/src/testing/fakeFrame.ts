// Test-only (not exported): plays the Link frame of an iframe the SDK created. Nothing listens
// on port 9, so the iframe shows an error page, but its window is real: messages dispatched with
// it as `source` and the link's origin pass the SDK's checks as a real frame's would.
import type { LinkResultPayload } from '@humanos-link/core'
import { createLinkMessage, sealResult } from '@humanos-link/core/protocol'
import type { LinkMessage } from '@humanos-link/core/protocol'
import { EMBED_EVENTS } from '../embedEvents.js'

export const FRAME_ORIGIN = 'http://127.0.0.1:9'

/** A Link URL on {@link FRAME_ORIGIN}. */
export const linkFor = (sessionId: string) => `${FRAME_ORIGIN}/link/${sessionId}`

export function decisionPayload(name = 'Share my email'): LinkResultPayload {
  return {
    eventType: 'credential',
    api_version: '2026-05-17',
    requestId: 'req-embed',
    issuerDid: 'did:web:127.0.0.1%3A9',
    user: { contact: 'ana@example.com', id: 'did:web:127.0.0.1%3A9:user:1' },
    credential: {
      id: 'urn:via:credential:550e8400-e29b-41d4-a716-446655440000',
      resourceType: 'CONSENT',
      status: 'ACTIVE',
      name,
      w3cCredential: {},
      decisions: [],
    },
    decision: { action: 'accept', date: '2026-11-24T12:00:00.000Z' },
    attestation: 'eyJhbGciOiJFUzI1NiJ9.eyJ0IjoxfQ.c2ln',
  }
}

/** The frame behind `iframe`: posts protocol messages to the host as that frame. */
export function fakeFrame(iframe: HTMLIFrameElement) {
  const src = new URL(iframe.src)
  const sessionId = src.pathname.split('/').at(-1)!
  const post = (data: LinkMessage) =>
    window.dispatchEvent(
      new MessageEvent('message', { data, origin: FRAME_ORIGIN, source: iframe.contentWindow }),
    )
  return {
    sessionId,
    ready: () => post(createLinkMessage('ready', sessionId, {})),
    exit: () => post(createLinkMessage('exit', sessionId, { reason: 'user_closed' })),
    async decide(payload: LinkResultPayload) {
      const id = crypto.randomUUID()
      const ts = Date.now()
      const enc = await sealResult(payload, {
        publicKey: src.searchParams.get('pubKey')!,
        sessionId,
        origin: src.searchParams.get('postMessageOrigin')!,
        id,
        ts,
      })
      post(createLinkMessage('result', sessionId, { enc }, { id, ts }))
      post(createLinkMessage('complete', sessionId, { count: 1 }))
    },
  }
}

/**
 * Records every event of `EMBED_EVENTS` that reaches `target`, by its name without the prefix
 * (`decision`). Listening by the public constant checks that it names what is dispatched.
 */
export function recordEvents(target: EventTarget) {
  const events: { type: string; detail: unknown; target: EventTarget | null }[] = []
  for (const type of Object.values(EMBED_EVENTS)) {
    const name = type.replace('humanos-link:', '')
    target.addEventListener(type, (event) =>
      events.push({ type: name, detail: (event as CustomEvent).detail, target: event.target }),
    )
  }
  return events
}
