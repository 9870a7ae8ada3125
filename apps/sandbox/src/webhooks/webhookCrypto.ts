/*
 * Webhook delivery crypto (humanos-api.md, "Webhooks").
 * Guarantees: only a receiver holding the encryption secret and salt can read an event, and
 * only one holding the signature secret can tell it came from the sandbox, unchanged.
 * 1. key = PBKDF2-HMAC-SHA256(base64-decoded encryption secret, UTF-8 salt, 10000, 32 bytes).
 * 2. AES-256-GCM with a random 12-byte IV over the event JSON; body
 *    `{"iv","data","tag"}` in standard base64, the tag separate from the ciphertext.
 * 3. `x-signature` = hex HMAC-SHA256 over `<x-timestamp>.<raw body>` with the signature secret.
 */
import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto'

const PBKDF2_ITERATIONS = 10_000
const derivedKeys = new Map<string, Buffer>()

/** The AES key of step 1. PBKDF2 is slow on purpose, so keys are kept per secret and salt. */
export function deriveWebhookKey(encryptionSecret: string, salt: string): Buffer {
  const cacheKey = `${encryptionSecret}\u0000${salt}`
  let key = derivedKeys.get(cacheKey)
  if (!key) {
    const password = Buffer.from(encryptionSecret, 'base64')
    key = pbkdf2Sync(password, Buffer.from(salt, 'utf8'), PBKDF2_ITERATIONS, 32, 'sha256')
    derivedKeys.set(cacheKey, key)
  }
  return key
}

/** Encrypts one event's JSON (step 2) and returns the raw body to POST. */
export function encryptWebhookBody(
  plaintext: string,
  key: Buffer,
  iv: Buffer = randomBytes(12),
): string {
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return JSON.stringify({
    iv: iv.toString('base64'),
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  })
}

/** The `x-signature` header of step 3. */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')
}
