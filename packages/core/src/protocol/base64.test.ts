import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DECRYPTION_FAILED_MESSAGE } from '../errors.js'
import { base64ToBytes, bytesToBase64 } from './base64.js'
import { generateHostKeyPair, openResult, sealResult } from './resultCrypto.js'

// The last character before `=` carries padding bits that must be zero. A lenient decoder
// (atob) ignores them, so one value would have several spellings.
const withPaddingBitSet = (base64: string) => {
  const i = base64.replace(/=+$/, '').length - 1
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  return base64.slice(0, i) + alphabet[alphabet.indexOf(base64[i]!) ^ 1] + base64.slice(i + 1)
}

describe('base64', () => {
  it('round-trips bytes as standard base64', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255])
    expect(bytesToBase64(bytes)).toBe('AAEC+vv8/f7/')
    expect(base64ToBytes('AAEC+vv8/f7/')).toEqual(bytes)
    expect(base64ToBytes('QQ==')).toEqual(new Uint8Array([0x41]))
  })

  it('refuses anything but the one canonical spelling', () => {
    for (const text of ['QR==', 'QUJ=', 'QQ', 'QQ=', 'Q===', 'QQ==\n', 'QQ-_', ' QQ==']) {
      expect(base64ToBytes(text), text).toBeNull()
    }
  })

  it('decodes what it encodes, and accepts nothing but what encoding would produce', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes)
      }),
    )
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \n\t'
    const base64ish = fc
      .array(fc.constantFrom(...alphabet), { maxLength: 14 })
      .map((chars) => chars.join(''))
    fc.assert(
      fc.property(base64ish, (text) => {
        const bytes = base64ToBytes(text)
        if (bytes) expect(bytesToBase64(bytes)).toBe(text)
      }),
      { numRuns: 20_000 },
    )
  })

  it('makes a result whose fields carry padding bits fail like any other tampering', async () => {
    const host = await generateHostKeyPair()
    const ctx = { sessionId: 'sess-1', origin: 'https://shop.example', id: 'msg-1', ts: 1 }
    // 9 bytes of JSON + a 16-byte tag: `ct` ends in `==`, so all three fields have padding.
    const enc = await sealResult({ ok: 12 }, { ...ctx, publicKey: host.publicKey })
    const open = (e: typeof enc) => openResult(e, { ...ctx, privateKey: host.privateKey })
    await expect(open(enc)).resolves.toEqual({ ok: 12 })
    for (const field of ['epk', 'salt', 'ct'] as const) {
      const tampered = { ...enc, [field]: withPaddingBitSet(enc[field]) }
      expect(tampered[field]).not.toBe(enc[field])
      await expect(open(tampered), field).rejects.toThrow(DECRYPTION_FAILED_MESSAGE)
    }
  })
})
