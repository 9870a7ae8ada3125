// Request and webhook signing (humanos-api.md, "Authentication and request signing"):
// 1. The signed string is `<timestamp>.<body>`, or `<timestamp>` alone when there is no body.
// 2. The signature is HMAC-SHA256 under the signature secret, as lowercase hex.
// 3. Verification compares the raw 32-byte MACs with `timingSafeEqual`, after checking the
//    received value is exactly 64 hex characters, so lengths are equal before comparing.
import { createHmac, timingSafeEqual } from 'node:crypto'

const DECIMAL = /^\d{1,16}$/
const HEX_SHA256 = /^[0-9a-f]{64}$/i

/** Checks and normalises a millisecond timestamp to its decimal string. */
function timestampString(timestamp: string | number): string {
  if (typeof timestamp === 'number') {
    if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
      throw new TypeError('signRequest: timestamp must be a non-negative integer (milliseconds)')
    }
    return String(timestamp)
  }
  if (typeof timestamp !== 'string' || !DECIMAL.test(timestamp)) {
    throw new TypeError('signRequest: timestamp must be a decimal string of milliseconds')
  }
  return timestamp
}

function mac(secret: string, timestamp: string, body: string | Uint8Array): Buffer {
  const hmac = createHmac('sha256', secret)
  hmac.update(timestamp)
  if (body.length > 0) {
    hmac.update('.')
    hmac.update(body)
  }
  return hmac.digest()
}

/**
 * Signs a Humanos API request (or a webhook delivery, which uses the same scheme).
 *
 * @param secret - the signature secret (never send it anywhere).
 * @param timestamp - Unix time in milliseconds, as sent in `X-Timestamp`.
 * @param body - the exact body string that is sent; `''` (or omitted) for a request without
 *   a body, which signs the timestamp alone. Bytes are accepted for raw webhook bodies.
 * @returns the lowercase hex HMAC-SHA256 for the `X-Signature` header.
 * @throws TypeError when the secret is empty or the timestamp is not a millisecond integer.
 */
export function signRequest(
  secret: string,
  timestamp: string | number,
  body: string | Uint8Array = '',
): string {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new TypeError('signRequest: secret must be a non-empty string')
  }
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
    throw new TypeError('signRequest: body must be the exact body string (or its bytes)')
  }
  return mac(secret, timestampString(timestamp), body).toString('hex')
}

/**
 * Checks a signature made by {@link signRequest} in constant time.
 *
 * @returns `true` when `signature` is the HMAC of `timestamp` and `body` under `secret`;
 *   `false` for any other value, including one that is not 64 hex characters.
 * @throws TypeError on the same misuse as {@link signRequest}.
 */
export function verifySignature(
  secret: string,
  timestamp: string | number,
  body: string | Uint8Array,
  signature: string,
): boolean {
  const expected = Buffer.from(signRequest(secret, timestamp, body), 'hex')
  if (typeof signature !== 'string' || !HEX_SHA256.test(signature)) return false
  const received = Buffer.from(signature, 'hex')
  return received.length === expected.length && timingSafeEqual(received, expected)
}
