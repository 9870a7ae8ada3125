import { describe, expect, it } from 'vitest'
import vectors from '../testing/specVectors.json'
import { checkRequestSignature, signRequest } from './signing.js'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('request signing against the spec vectors', () => {
  it.each(vectors.requestSigning)('signs "$body" to the vector signature', (vector) => {
    expect(signRequest(vector.secret, vector.timestamp, utf8(vector.body))).toBe(vector.signature)
  })
})

describe('checkRequestSignature', () => {
  const [withBody] = vectors.requestSigning
  const options = {
    apiKey: 'key-1',
    secret: withBody!.secret,
    toleranceMs: 300_000,
    now: Number(withBody!.timestamp),
  }
  const good = {
    authorization: 'Bearer key-1',
    timestamp: withBody!.timestamp,
    signature: withBody!.signature,
    body: utf8(withBody!.body),
  }

  it('accepts the vector request', () => {
    expect(checkRequestSignature(good, options)).toBeNull()
  })

  it.each([
    ['a wrong key', { authorization: 'Bearer key-2' }],
    ['no Authorization', { authorization: undefined }],
    ['a non-Bearer scheme', { authorization: 'Basic key-1' }],
    ['an uppercase signature', { signature: withBody!.signature.toUpperCase() }],
    ['a changed body', { body: utf8(withBody!.body.replace('Vector', 'Vectos')) }],
    ['a changed timestamp', { timestamp: String(Number(withBody!.timestamp) + 1) }],
    ['a non-decimal timestamp', { timestamp: '1.7e12' }],
    ['no signature', { signature: undefined }],
  ])('refuses %s as an invalid signature', (_name, change) => {
    expect(checkRequestSignature({ ...good, ...change }, options)).toBe('Invalid signature')
  })

  it('refuses a correctly signed request from more than 5 minutes ago or ahead', () => {
    expect(checkRequestSignature(good, { ...options, now: options.now + 300_001 })).toBe(
      'Stale timestamp',
    )
    expect(checkRequestSignature(good, { ...options, now: options.now - 300_001 })).toBe(
      'Stale timestamp',
    )
    expect(checkRequestSignature(good, { ...options, now: options.now + 300_000 })).toBeNull()
  })
})
