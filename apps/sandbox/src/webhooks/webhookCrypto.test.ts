import { createDecipheriv } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from '../testing/specVectors.json'
import { deriveWebhookKey, encryptWebhookBody, signWebhook } from './webhookCrypto.js'

const vector = vectors.webhook

describe('webhook crypto against the spec vector', () => {
  const key = deriveWebhookKey(vector.encryptionSecret, vector.encryptionSalt)
  const vectorBody = JSON.parse(vector.rawBody) as { iv: string; data: string; tag: string }

  it('encrypts the vector plaintext with the vector IV to the exact raw body', () => {
    const body = encryptWebhookBody(vector.plaintext, key, Buffer.from(vectorBody.iv, 'base64'))
    expect(body).toBe(vector.rawBody)
  })

  it('signs the vector body to the vector signature', () => {
    expect(signWebhook(vector.signatureSecret, vector.timestamp, vector.rawBody)).toBe(
      vector.signature,
    )
  })

  it('uses a fresh IV for every body, and each one decrypts with the derived key', () => {
    const first = JSON.parse(encryptWebhookBody(vector.plaintext, key)) as typeof vectorBody
    const second = JSON.parse(encryptWebhookBody(vector.plaintext, key)) as typeof vectorBody
    expect(first.iv).not.toBe(second.iv)
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(first.iv, 'base64'))
    decipher.setAuthTag(Buffer.from(first.tag, 'base64'))
    const plain = Buffer.concat([
      decipher.update(Buffer.from(first.data, 'base64')),
      decipher.final(),
    ])
    expect(plain.toString('utf8')).toBe(vector.plaintext)
  })
})
