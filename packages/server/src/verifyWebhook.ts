// Webhook verification, in this order; the first failure throws and nothing is returned:
// 1. Headers present and well-formed (`x-timestamp` decimal ms, `x-signature` present).
// 2. Signature: HMAC-SHA256 over `<timestamp>.<raw body bytes>`, compared in constant time.
// 3. Freshness: the (now authenticated) timestamp is within `toleranceMs` of the clock.
// 4. Body shape `{ iv, data, tag }` in standard base64, then AES-256-GCM decryption with the
//    cached PBKDF2 key.
// 5. The plaintext is JSON of a known event shape.
import { createHash } from 'node:crypto'
import { WebhookVerificationError } from './errors.js'
import { isObj, isStr, isWebhookEvent } from './guards.js'
import { verifySignature } from './signing.js'
import type { WebhookEvent } from './types.js'
import { decodeBase64, decryptWebhookBody, webhookKey } from './webhookCrypto.js'

/** Request headers as Node (`req.headers`), Express or the Fetch API (`Headers`) give them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>

/** Options of {@link verifyWebhook}: the three webhook secrets of your organization. */
export interface VerifyWebhookOptions {
  /** Webhook signature secret (HMAC key). */
  signatureSecret: string
  /** Webhook encryption secret, standard base64 as Humanos shows it. */
  encryptionSecret: string
  /** Webhook encryption salt (used as UTF-8). */
  encryptionSalt: string
  /** Largest accepted distance between `x-timestamp` and now. Default 300000 (5 minutes). */
  toleranceMs?: number
  /** The clock to check freshness against. Default: now. */
  currentDate?: Date
}

/** A verified, decrypted webhook delivery. */
export interface VerifiedWebhook {
  event: WebhookEvent
  /**
   * `x-webhook-id` (a UUID per event, the same on every retry) when the sender sets it. It is not
   * signed: log it, never deduplicate on it.
   */
  id: string | undefined
  /**
   * Key to drop duplicate deliveries, derived from the signed, decrypted event only:
   * `event:<type>|<requestId>|<user>|<credentialId>|<decision date>`, or, for events without a
   * decision, `sha256:` of the plaintext. The same event gives the same key whatever
   * `x-webhook-id` says (or whether it is there).
   */
  dedupeKey: string
  /** The delivery's signed `x-timestamp`, in milliseconds. */
  timestamp: number
}

const DEFAULT_TOLERANCE_MS = 5 * 60 * 1000
const TIMESTAMP = /^\d{1,16}$/
const WEBHOOK_ID = /^[\w.:-]{1,128}$/

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue
    if (Array.isArray(value)) {
      if (value.length !== 1) throw fail('malformed', `Header ${name} appears more than once`)
      return value[0]
    }
    return value
  }
  return undefined
}

function fail(reason: WebhookVerificationError['reason'], message: string) {
  return new WebhookVerificationError(reason, message)
}

function nonEmpty(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`verifyWebhook: ${name} must be a non-empty string`)
  }
  return value
}

function checkOptions(options: VerifyWebhookOptions) {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('verifyWebhook: options must be an object')
  }
  const tolerance = options.toleranceMs ?? DEFAULT_TOLERANCE_MS
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new TypeError('verifyWebhook: toleranceMs must be a non-negative number')
  }
  const now = options.currentDate?.getTime() ?? Date.now()
  if (Number.isNaN(now)) throw new TypeError('verifyWebhook: currentDate must be a valid Date')
  const encryptionSecret = nonEmpty(options.encryptionSecret, 'encryptionSecret')
  if (!decodeBase64(encryptionSecret)) {
    throw new TypeError('verifyWebhook: encryptionSecret must be standard base64')
  }
  return {
    signatureSecret: nonEmpty(options.signatureSecret, 'signatureSecret'),
    encryptionSecret,
    encryptionSalt: nonEmpty(options.encryptionSalt, 'encryptionSalt'),
    tolerance,
    now,
  }
}

// Only what the signature covers: `x-webhook-id` is an unsigned header, so a replay inside the
// freshness window with a changed or missing id would otherwise count as a new event.
function dedupeKey(event: WebhookEvent, plaintext: Uint8Array): string {
  if (event.eventType === 'credential' || event.eventType === 'identity') {
    const credentialId = event.eventType === 'credential' ? event.credential.id : ''
    const parts = [
      event.eventType,
      event.requestId,
      event.user.id,
      credentialId,
      event.decision.date,
    ]
    return `event:${parts.join('|')}`
  }
  return `sha256:${createHash('sha256').update(plaintext).digest('hex')}`
}

/**
 * Verifies and decrypts a Humanos webhook delivery.
 *
 * @param rawBody - the request body exactly as received (string or bytes, e.g. `express.raw()`),
 *   never a re-serialised `JSON.stringify(req.body)`, whose bytes may differ.
 * @param headers - the request headers (`x-timestamp`, `x-signature`, optional `x-webhook-id`).
 * @param options - `signatureSecret`, `encryptionSecret`, `encryptionSalt`, `toleranceMs`
 *   (default 5 minutes), `currentDate`.
 * @returns the event, with `id` and a `dedupeKey` to drop duplicate deliveries.
 * @throws WebhookVerificationError with `reason` `malformed`, `bad_signature`, `stale`,
 *   `undecryptable` or `invalid_event`; nothing unverified is ever returned.
 * @throws TypeError when the options or argument types are wrong (a programming error).
 */
export async function verifyWebhook(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  options: VerifyWebhookOptions,
): Promise<VerifiedWebhook> {
  const opts = checkOptions(options)
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    throw new TypeError(
      'verifyWebhook: rawBody must be the raw body string or bytes, not parsed JSON',
    )
  }
  if (typeof headers !== 'object' || headers === null) {
    throw new TypeError('verifyWebhook: headers must be an object or Headers')
  }

  const timestamp = header(headers, 'x-timestamp')
  const signature = header(headers, 'x-signature')
  const id = header(headers, 'x-webhook-id')
  if (timestamp === undefined || !TIMESTAMP.test(timestamp)) {
    throw fail('malformed', 'Missing or malformed x-timestamp header')
  }
  if (signature === undefined) throw fail('malformed', 'Missing x-signature header')
  if (id !== undefined && !WEBHOOK_ID.test(id))
    throw fail('malformed', 'Malformed x-webhook-id header')

  if (!verifySignature(opts.signatureSecret, timestamp, rawBody, signature.trim())) {
    throw fail('bad_signature', 'The webhook signature does not match')
  }
  const ts = Number(timestamp)
  if (Math.abs(opts.now - ts) > opts.tolerance) {
    throw fail('stale', 'The webhook timestamp is outside the accepted window')
  }

  let envelope: unknown
  try {
    envelope = JSON.parse(typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody))
  } catch {
    throw fail('malformed', 'The webhook body is not JSON')
  }
  const parts = isObj(envelope) ? [envelope.iv, envelope.data, envelope.tag] : []
  const [iv, data, tag] = parts.map((p) => (isStr(p) ? decodeBase64(p) : null))
  if (!iv || !data || !tag)
    throw fail('malformed', 'The webhook body is not { iv, data, tag } in base64')

  const key = await webhookKey(opts.encryptionSecret, opts.encryptionSalt)
  const plaintext = await decryptWebhookBody(key, iv, data, tag)
  if (!plaintext) throw fail('undecryptable', 'The webhook payload could not be decrypted')

  let event: unknown
  try {
    event = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext))
  } catch {
    throw fail('invalid_event', 'The decrypted webhook payload is not JSON')
  }
  if (!isWebhookEvent(event)) throw fail('invalid_event', 'The webhook event has an unknown shape')
  return { event, id, dedupeKey: dedupeKey(event, plaintext), timestamp: ts }
}
