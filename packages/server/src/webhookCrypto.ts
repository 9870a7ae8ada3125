// Webhook payload decryption (humanos-api.md, "Webhooks"):
// 1. key = PBKDF2-HMAC-SHA256(password = base64-decoded encryption secret,
//    salt = UTF-8 encryption salt, 10000 iterations, 32 bytes), imported as a non-extractable
//    AES-256-GCM key.
// 2. The key is cached per (secret, salt): deriving it costs 10,000 iterations, and every
//    delivery of an organization uses the same one. The cache is small and bounded.
// 3. AES-256-GCM with a 12-byte `iv` and a 16-byte `tag` (lengths checked first), ciphertext
//    `data`; Web Crypto takes ciphertext and tag concatenated.

const ITERATIONS = 10_000
const CACHE_LIMIT = 16
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

const keys = new Map<string, Promise<CryptoKey>>()

/** Decodes canonical standard base64; `null` for anything else. */
export function decodeBase64(value: string): Uint8Array<ArrayBuffer> | null {
  if (!STANDARD_BASE64.test(value)) return null
  return new Uint8Array(Buffer.from(value, 'base64'))
}

async function derive(secret: Uint8Array<ArrayBuffer>, salt: string): Promise<CryptoKey> {
  const password = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    {
      name: 'PBKDF2',
      hash: 'SHA-256',
      salt: new TextEncoder().encode(salt),
      iterations: ITERATIONS,
    },
    password,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  )
}

/**
 * The AES-GCM key for an (encryption secret, salt) pair, derived once and then cached.
 * `secret` must already be checked to be base64.
 */
export function webhookKey(encryptionSecret: string, salt: string): Promise<CryptoKey> {
  const id = `${encryptionSecret}\u0000${salt}`
  const cached = keys.get(id)
  if (cached) {
    // Re-insert so the map's order is least-recently-used first.
    keys.delete(id)
    keys.set(id, cached)
    return cached
  }
  const secret = decodeBase64(encryptionSecret)
  if (!secret) return Promise.reject(new TypeError('encryptionSecret must be standard base64'))
  const pending = derive(secret, salt)
  pending.catch(() => keys.delete(id))
  keys.set(id, pending)
  if (keys.size > CACHE_LIMIT) {
    const oldest = keys.keys().next().value
    if (oldest !== undefined) keys.delete(oldest)
  }
  return pending
}

/**
 * Decrypts one delivery's `{ iv, data, tag }`. Resolves with the plaintext bytes, or `null`
 * when any part is malformed or authentication fails (callers do not learn which).
 */
export async function decryptWebhookBody(
  key: CryptoKey,
  iv: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
  tag: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array | null> {
  if (iv.length !== 12 || tag.length !== 16) return null
  const sealed = new Uint8Array(data.length + tag.length)
  sealed.set(data)
  sealed.set(tag, data.length)
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv, tagLength: 128 }, key, sealed),
    )
  } catch {
    return null
  }
}
