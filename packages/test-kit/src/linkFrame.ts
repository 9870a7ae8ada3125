// The one fake Link frame of the workspace: the frame's side of link-protocol.md (sections 5-7)
// with real sealing, over a transport the caller picks. `fakeLinkFrame` runs it inside the host
// page for the SDK's browser tests; `frame/framePage.ts` runs it in a real cross-origin page for
// Playwright and Storybook. Tests script what a Link page would do; nothing here decides.
import { createLinkMessage, sealResult } from './protocol.js'
import type {
  EncryptedResult,
  ExitReason,
  LinkEventName,
  LinkMessage,
  LinkMessageBody,
  LinkMessageType,
  LinkResultPayload,
} from './protocol.js'
import { credentialDecision } from './payloads.js'

/** What a Link page learns from its URL (link-protocol.md section 3). */
export interface LinkFrameParams {
  sessionId: string
  /** The host's public key (`pubKey`), base64 SPKI. */
  publicKey: string
  /** The host's origin (`postMessageOrigin`): results are bound to it. */
  hostOrigin: string
}

/** Delivers one message to the host. */
export type LinkFrameTransport = (message: LinkMessage) => void

/** How {@link LinkFrame.decide} behaves. */
export interface DecideOptions {
  /** How many results to send (default 1). */
  results?: number
  /** The count `complete` claims (default: the number sent), to test a lying frame. */
  claimCount?: number
  /** Change one ciphertext character after sealing: the host must fail `decryption_failed`. */
  tamper?: boolean
  /** The payload of result `index` (default {@link frameDecision}). */
  payload?: (index: number) => LinkResultPayload
}

export interface LinkFrame extends LinkFrameParams {
  /** Posts any message type with the session id, a fresh `id` and `ts`. */
  post: <T extends LinkMessageType>(type: T, body: LinkMessageBody<T>) => void
  ready: () => void
  resize: (height: number) => void
  event: (name: LinkEventName, meta?: Record<string, string | number | boolean | null>) => void
  exit: (reason?: ExitReason) => void
  error: (code: string, message?: string) => void
  /** Seals `payload` for the host and posts it as one `result`. */
  result: (payload: LinkResultPayload, options?: { tamper?: boolean }) => Promise<void>
  /** Posts `complete`; `count` defaults to the results sent so far. */
  complete: (count?: number) => void
  /** What a person deciding sees happen: the results, then `complete`. */
  decide: (action: 'accept' | 'reject', options?: DecideOptions) => Promise<void>
  /** `decide('accept', { results })`. */
  approve: (results?: number) => Promise<void>
  /** Results posted so far. */
  readonly resultsSent: number
}

/**
 * Reads session id, `pubKey` and `postMessageOrigin` from the frame URL the SDK built.
 * Throws when one is missing: the SDK always sends all three.
 */
export function frameParamsOf(src: string | URL): LinkFrameParams {
  const url = new URL(src)
  const sessionId = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '')
  const publicKey = url.searchParams.get('pubKey') ?? ''
  const hostOrigin = url.searchParams.get('postMessageOrigin') ?? ''
  if (!sessionId || !publicKey || !hostOrigin) {
    throw new Error(
      `Not a frame URL the SDK built (needs /link/<id>, pubKey, postMessageOrigin): ${url}`,
    )
  }
  return { sessionId, publicKey, hostOrigin }
}

/** The decision the fake frame sends as result `index` of `sessionId`. */
export function frameDecision(
  sessionId: string,
  index = 0,
  action: 'accept' | 'reject' = 'accept',
): LinkResultPayload {
  return credentialDecision({
    requestId: `req-${sessionId}`,
    name: `Test credential ${index + 1}`,
    credentialId: `urn:via:credential:${sessionId}-${index}`,
    action,
  })
}

/** Flips the first ciphertext character: still valid base64, no longer authentic. */
function tampered(enc: EncryptedResult): EncryptedResult {
  return { ...enc, ct: (enc.ct.startsWith('A') ? 'B' : 'A') + enc.ct.slice(1) }
}

/** A Link frame for one session, posting through `send`. */
export function createLinkFrame(params: LinkFrameParams, send: LinkFrameTransport): LinkFrame {
  const { sessionId, publicKey, hostOrigin } = params
  let resultsSent = 0
  const post: LinkFrame['post'] = (type, body) => send(createLinkMessage(type, sessionId, body))

  async function result(payload: LinkResultPayload, options: { tamper?: boolean } = {}) {
    const id = crypto.randomUUID()
    const ts = Date.now()
    const sealed = await sealResult(payload, { publicKey, sessionId, origin: hostOrigin, id, ts })
    const enc = options.tamper ? tampered(sealed) : sealed
    send(createLinkMessage('result', sessionId, { enc }, { id, ts }))
    resultsSent++
  }

  const complete = (count = resultsSent) => post('complete', { count })

  async function decide(action: 'accept' | 'reject', options: DecideOptions = {}) {
    const results = options.results ?? 1
    const payload = options.payload ?? ((index) => frameDecision(sessionId, index, action))
    const before = resultsSent
    for (let index = 0; index < results; index++) {
      await result(payload(index), { tamper: options.tamper })
    }
    complete(options.claimCount ?? resultsSent - before)
  }

  return {
    ...params,
    post,
    ready: () => post('ready', {}),
    resize: (height) => post('resize', { height }),
    event: (name, meta) => post('event', meta ? { name, meta } : { name }),
    exit: (reason = 'canceled') => post('exit', { reason }),
    error: (code, message = `Test error: ${code}`) => post('error', { code, message }),
    result,
    complete,
    decide,
    approve: (results = 1) => decide('accept', { results }),
    get resultsSent() {
      return resultsSent
    },
  }
}
