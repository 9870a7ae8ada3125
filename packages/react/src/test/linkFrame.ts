// Browser-test helper: plays the Link frame's side of the protocol against the real SDK. The
// SDK's iframe points at a blocked port, so nothing real loads in it; its window still exists,
// and messages are dispatched on the host window with that window as `source` and the link's
// origin as `origin`, exactly what the receiver checks. Results are sealed for real with the
// public key the SDK put in the iframe's `src`.
import type { LinkResultPayload } from '@humanos-link/core'
import { createLinkMessage, sealResult } from '@humanos-link/core/protocol'
import type { LinkMessageBody, LinkMessageType } from '@humanos-link/core/protocol'

/** A frame origin nothing answers on (Chromium refuses port 1), so tests never hit a network. */
export const FRAME_ORIGIN = 'http://127.0.0.1:1'

export function testLink(sessionId: string): string {
  return `${FRAME_ORIGIN}/link/${sessionId}`
}

export interface TestFrame {
  iframe: HTMLIFrameElement
  /** The frame's window, kept so tests can post "from" a frame that was removed. */
  window: Window
  sessionId: string
  /** The host's public key, from the iframe's `src`. */
  pubKey: string
  post: <T extends LinkMessageType>(type: T, body: LinkMessageBody<T>) => void
  /** Seals `payload` for the host and posts it as a `result`. */
  sendResult: (payload: LinkResultPayload) => Promise<void>
  /** `n` accepted decisions, then `complete`: what a person approving sees happen. */
  approve: (n?: number) => Promise<void>
}

export function decision(sessionId: string, index = 0): LinkResultPayload {
  return {
    eventType: 'credential',
    api_version: '2026-05-17',
    requestId: `req-${sessionId}`,
    issuerDid: 'did:web:127.0.0.1',
    user: { contact: 'ana@example.com', id: 'did:web:127.0.0.1:user:1' },
    credential: {
      id: `urn:via:credential:${index}`,
      resourceType: 'CONSENT',
      status: 'ACTIVE',
      name: `Credential ${index + 1}`,
      w3cCredential: { type: ['VerifiableCredential', 'VIAMandate'] },
      decisions: [],
    },
    decision: { action: 'accept', date: '2026-05-17T10:00:00.000Z' },
    attestation: 'eyJhbGciOiJFUzI1NiJ9.eyJ0ZXN0Ijp0cnVlfQ.c2lnbmF0dXJl',
  }
}

/** Wraps an iframe the SDK created (its `src` must already be set). */
export function testFrame(iframe: HTMLIFrameElement): TestFrame {
  const src = new URL(iframe.src)
  const sessionId = src.pathname.split('/').filter(Boolean).at(-1) ?? ''
  const pubKey = src.searchParams.get('pubKey') ?? ''
  const hostOrigin = src.searchParams.get('postMessageOrigin') ?? ''
  const frameWindow = iframe.contentWindow
  if (!frameWindow) throw new Error('The iframe has no window: is it in the document?')

  const dispatch = (data: unknown) =>
    window.dispatchEvent(
      new MessageEvent('message', { data, origin: src.origin, source: frameWindow }),
    )
  const post: TestFrame['post'] = (type, body) => dispatch(createLinkMessage(type, sessionId, body))

  async function sendResult(payload: LinkResultPayload) {
    const id = crypto.randomUUID()
    const ts = Date.now()
    const enc = await sealResult(payload, {
      publicKey: pubKey,
      sessionId,
      origin: hostOrigin,
      id,
      ts,
    })
    dispatch(createLinkMessage('result', sessionId, { enc }, { id, ts }))
  }

  return {
    iframe,
    window: frameWindow,
    sessionId,
    pubKey,
    post,
    sendResult,
    async approve(n = 1) {
      for (let index = 0; index < n; index++) await sendResult(decision(sessionId, index))
      post('complete', { count: n })
    },
  }
}
