import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from '../../core/test-vectors/spec-vectors.json'
import { signRequest, verifySignature } from './signing.js'

describe('signRequest', () => {
  it.each(vectors.requestSigning)('matches the spec vector byte for byte (body %#)', (v) => {
    expect(signRequest(v.secret, v.timestamp, v.body)).toBe(v.signature)
  })

  it('signs "<timestamp>.<body>" with a body and "<timestamp>" alone without one', () => {
    const secret = 'sandbox-signature-secret'
    const withBody = createHmac('sha256', secret).update('1700000000000.{"a":1}').digest('hex')
    const noBody = createHmac('sha256', secret).update('1700000000000').digest('hex')
    expect(signRequest(secret, '1700000000000', '{"a":1}')).toBe(withBody)
    expect(signRequest(secret, 1700000000000, '')).toBe(noBody)
    expect(signRequest(secret, 1700000000000)).toBe(noBody)
  })

  it('signs the exact bytes: a re-serialised body has another signature', () => {
    const v = vectors.requestSigning[0]!
    const reformatted = JSON.stringify(JSON.parse(v.body), null, 1)
    expect(signRequest(v.secret, v.timestamp, reformatted)).not.toBe(v.signature)
    expect(signRequest(v.secret, v.timestamp, Buffer.from(v.body))).toBe(v.signature)
  })

  it('refuses an empty secret or a timestamp that is not integer milliseconds', () => {
    expect(() => signRequest('', '1', 'x')).toThrow(TypeError)
    expect(() => signRequest('s', '17e11', 'x')).toThrow(TypeError)
    expect(() => signRequest('s', 1.5, 'x')).toThrow(TypeError)
    expect(() => signRequest('s', -1, 'x')).toThrow(TypeError)
  })
})

describe('verifySignature', () => {
  const v = vectors.requestSigning[0]!

  it('accepts the right signature, in either hex case', () => {
    expect(verifySignature(v.secret, v.timestamp, v.body, v.signature)).toBe(true)
    expect(verifySignature(v.secret, v.timestamp, v.body, v.signature.toUpperCase())).toBe(true)
  })

  it('refuses another body, timestamp, secret, or a value that is not 64 hex characters', () => {
    expect(verifySignature(v.secret, v.timestamp, `${v.body} `, v.signature)).toBe(false)
    expect(verifySignature(v.secret, '1764000000001', v.body, v.signature)).toBe(false)
    expect(verifySignature('other', v.timestamp, v.body, v.signature)).toBe(false)
    expect(verifySignature(v.secret, v.timestamp, v.body, v.signature.slice(0, 63))).toBe(false)
    expect(verifySignature(v.secret, v.timestamp, v.body, `${v.signature}00`)).toBe(false)
    expect(verifySignature(v.secret, v.timestamp, v.body, '')).toBe(false)
  })
})
