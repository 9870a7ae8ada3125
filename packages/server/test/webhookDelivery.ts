// Builds webhook deliveries the way the spec describes, with node:crypto (an implementation
// independent of the package's Web Crypto one).
import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto'

export interface WebhookSecrets {
  signatureSecret: string
  encryptionSecret: string
  encryptionSalt: string
}

export function encryptEvent(plaintext: string, secrets: WebhookSecrets): string {
  const key = pbkdf2Sync(
    Buffer.from(secrets.encryptionSecret, 'base64'),
    Buffer.from(secrets.encryptionSalt, 'utf8'),
    10_000,
    32,
    'sha256',
  )
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return JSON.stringify({
    iv: iv.toString('base64'),
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  })
}

export function signDelivery(signatureSecret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', signatureSecret).update(`${timestamp}.${rawBody}`).digest('hex')
}

export function delivery(event: unknown, secrets: WebhookSecrets, timestamp = String(Date.now())) {
  const rawBody = encryptEvent(JSON.stringify(event), secrets)
  const headers: Record<string, string> = {
    'x-timestamp': timestamp,
    'x-signature': signDelivery(secrets.signatureSecret, timestamp, rawBody),
  }
  return { rawBody, headers }
}
