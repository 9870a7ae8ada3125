// Builds a webhook delivery the way humanos-api.md describes it, written from the spec here so
// tests can send the BFF exact duplicates and forgeries.
import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto'

export interface WebhookSecrets {
  signatureSecret: string
  encryptionSecret: string
  encryptionSalt: string
}

export function sealWebhook(
  event: unknown,
  secrets: WebhookSecrets,
  options: { id?: string; timestamp?: number } = {},
): { body: string; headers: Record<string, string> } {
  const key = pbkdf2Sync(
    Buffer.from(secrets.encryptionSecret, 'base64'),
    Buffer.from(secrets.encryptionSalt, 'utf8'),
    10_000,
    32,
    'sha256',
  )
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([cipher.update(JSON.stringify(event), 'utf8'), cipher.final()])
  const body = JSON.stringify({
    iv: iv.toString('base64'),
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  })
  const timestamp = String(options.timestamp ?? Date.now())
  const signature = createHmac('sha256', secrets.signatureSecret)
    .update(`${timestamp}.${body}`)
    .digest('hex')
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-timestamp': timestamp,
    'x-signature': signature,
  }
  if (options.id) headers['x-webhook-id'] = options.id
  return { body, headers }
}
