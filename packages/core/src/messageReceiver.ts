/*
 * The host's receiving side of the protocol (spec section 6, "Receiver").
 * Guarantees: only messages from this instance's frame window and origin, for this session,
 * reach the flow; results are decrypted and shape-checked before anyone sees them; messages are
 * handled strictly in arrival order, even though decryption is asynchronous.
 * 1. Drop silently: wrong `event.source`, wrong `event.origin`, wrong shape or session.
 * 2. Queue the rest behind the previous message, so a `complete` never overtakes its `result`.
 * 3. For `result`: reject a replayed `id` or a `ts` outside the allowed window, decrypt, parse,
 *    check the payload shape. Any failure of these is reported once, and the receiver stops.
 */
import { DEV } from './dev.js'
import { HumanosLinkError, decryptionFailed } from './errors.js'
import { MAX_RESULT_AGE_MS } from './protocol/constants.js'
import { isLinkMessage } from './protocol/messages.js'
import type { LinkMessage, ResultMessage } from './protocol/messages.js'
import { openResult } from './protocol/resultCrypto.js'
import { isLinkResultPayload } from './payload.js'
import type { LinkResultPayload } from './payload.js'

/** A message that passed every check; results carry their decrypted payload. */
export type VerifiedMessage =
  Exclude<LinkMessage, ResultMessage> | (ResultMessage & { payload: LinkResultPayload })

export interface MessageReceiverOptions {
  /** Where `message` events arrive: the host window. The receiver listens until `stop()`. */
  target: EventTarget
  /** The frame's window, read on every message (it exists only once the iframe is attached). */
  getFrameWindow: () => MessageEventSource | null
  frameOrigin: string
  sessionId: string
  hostOrigin: string
  privateKey: CryptoKey
  onMessage: (message: VerifiedMessage) => void
  onFailure: (error: HumanosLinkError) => void
}

export interface MessageReceiver {
  /** Stops listening and delivering anything, including messages already queued. Idempotent. */
  stop: () => void
  /** Settles once every message received so far has been handled (or dropped). */
  idle: () => Promise<void>
}

export function createMessageReceiver(options: MessageReceiverOptions): MessageReceiver {
  const seenResultIds = new Set<string>()
  let queue: Promise<void> = Promise.resolve()
  let stopped = false

  async function verifyResult(message: ResultMessage): Promise<LinkResultPayload> {
    const fresh = Math.abs(Date.now() - message.ts) <= MAX_RESULT_AGE_MS
    const replayed = seenResultIds.has(message.id)
    seenResultIds.add(message.id)
    if (replayed || !fresh) throw decryptionFailed()
    const payload = await openResult(message.enc, {
      privateKey: options.privateKey,
      sessionId: options.sessionId,
      origin: options.hostOrigin,
      id: message.id,
      ts: message.ts,
    })
    if (!isLinkResultPayload(payload)) {
      // One short text for any malformed result in production (see `openResult`).
      throw new HumanosLinkError(
        'invalid_payload',
        DEV ? 'The result does not have the expected shape.' : 'The result is malformed.',
      )
    }
    return payload
  }

  async function process(message: LinkMessage): Promise<void> {
    if (stopped) return
    if (message.type !== 'result') {
      options.onMessage(message)
      return
    }
    let payload: LinkResultPayload
    try {
      payload = await verifyResult(message)
    } catch (error) {
      if (stopped) return
      stopped = true
      options.onFailure(error instanceof HumanosLinkError ? error : decryptionFailed())
      return
    }
    if (!stopped) options.onMessage({ ...message, payload })
  }

  function handleEvent(event: MessageEvent) {
    if (stopped) return
    const frameWindow = options.getFrameWindow()
    if (!frameWindow || event.source !== frameWindow) return
    if (event.origin !== options.frameOrigin) return
    const data: unknown = event.data
    if (!isLinkMessage(data) || data.sessionId !== options.sessionId) return
    queue = queue.then(() => process(data))
  }

  // The receiver owns its listener: whoever stops it cannot forget to remove it.
  options.target.addEventListener('message', handleEvent as EventListener)
  return {
    idle: () => queue,
    stop() {
      stopped = true
      options.target.removeEventListener('message', handleEvent as EventListener)
    },
  }
}
