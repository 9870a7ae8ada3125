/*
 * Request signing (humanos-api.md, "Authentication and request signing").
 * Guarantees: only a holder of the API key and the signature secret gets past it; comparisons
 * take the same time whatever the input; a captured request stops working after 5 minutes.
 * 1. `Authorization: Bearer <API key>` equals the configured key.
 * 2. `X-Timestamp` is a decimal count of milliseconds.
 * 3. `X-Signature` is the lowercase hex HMAC-SHA256, keyed with the signature secret, over
 *    `<timestamp>.<body>`, or over `<timestamp>` alone when there is no body. Like Humanos,
 *    `<body>` is the compact re-serialisation of the parsed body (`JSON.stringify(JSON.parse
 *    (raw))`), not the bytes as sent: a client that signs one spelling of a body and sends
 *    another (pretty-printed, say) is refused here as it would be in production.
 * 4. The timestamp is within the tolerance of the sandbox's clock.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { jsonDepth } from '../http/jsonBody.js'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * What step 3 signs for a raw body: its compact re-serialisation when it is JSON (not nested
 * deeper than `maxDepth`, so re-serialising cannot recurse deeply), else the raw bytes, so an
 * authentic client sending a broken body still gets the handler's 400 rather than a 401.
 */
export function signedBodyText(raw: Uint8Array, maxDepth: number): Uint8Array | string {
  if (raw.length === 0) return raw
  try {
    const text = strictUtf8.decode(raw)
    if (jsonDepth(text) > maxDepth) return raw
    return JSON.stringify(JSON.parse(text))
  } catch {
    return raw
  }
}

/** Why a request was refused; both are `401` with the spec's messages. */
export type SignatureFailure = 'Invalid signature' | 'Stale timestamp'

/** Lowercase hex HMAC-SHA256 of a request, as a client computes `X-Signature`. */
export function signRequest(secret: string, timestamp: string, body: Uint8Array | string): string {
  const hmac = createHmac('sha256', secret).update(timestamp)
  if (body.length > 0) hmac.update('.').update(body)
  return hmac.digest('hex')
}

/** Compares two strings in time that depends on neither (hashing evens out their lengths). */
export function constantTimeEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()
  return timingSafeEqual(digest(a), digest(b))
}

/** What the signature check needs from one request. */
export interface SignedRequest {
  authorization: string | undefined
  timestamp: string | undefined
  signature: string | undefined
  /** What step 3 signs: see {@link signedBodyText}. */
  body: Uint8Array | string
}

/**
 * Checks steps 1-4.
 * @returns `null` when the request is authentic, else the failure to report
 */
export function checkRequestSignature(
  request: SignedRequest,
  options: { apiKey: string; secret: string; toleranceMs: number; now: number },
): SignatureFailure | null {
  const bearer = /^Bearer (\S+)$/.exec(request.authorization ?? '')
  const keyOk = constantTimeEqual(bearer?.[1] ?? '', options.apiKey)
  const timestamp = request.timestamp ?? ''
  const signature = request.signature ?? ''
  if (!/^\d{1,16}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) {
    return 'Invalid signature'
  }
  const expected = signRequest(options.secret, timestamp, request.body)
  const signatureOk = timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(signature, 'hex'))
  if (!keyOk || !signatureOk) return 'Invalid signature'
  // Checked last, so only someone holding the secrets learns about clock skew.
  if (Math.abs(options.now - Number(timestamp)) > options.toleranceMs) return 'Stale timestamp'
  return null
}
