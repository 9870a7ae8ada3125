import { describe, expect, it } from 'vitest'
import { webhookKey } from './webhookCrypto.js'

describe('webhookKey', () => {
  it('derives the key once per (secret, salt) and reuses it', async () => {
    const secret = Buffer.alloc(32, 1).toString('base64')
    const first = webhookKey(secret, 'salt-a')
    expect(webhookKey(secret, 'salt-a')).toBe(first)
    expect(webhookKey(secret, 'salt-b')).not.toBe(first)
    const key = await first
    expect(key.extractable).toBe(false)
    expect(key.usages).toEqual(['decrypt'])
  })

  it('does not cache a failed derivation', async () => {
    await expect(webhookKey('%%%', 'salt')).rejects.toThrow(TypeError)
    await expect(webhookKey('%%%', 'salt')).rejects.toThrow(TypeError)
  })
})
