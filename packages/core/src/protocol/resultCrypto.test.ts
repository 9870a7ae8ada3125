import { describe, expect, it } from 'vitest'
import vectors from '../../test-vectors/spec-vectors.json'
import { DECRYPTION_FAILED_MESSAGE, ErrorCodes, HumanosLinkError } from '../errors.js'
import { base64ToBytes, bytesToBase64 } from './base64.js'
import {
  generateHostKeyPair,
  importPublicKey,
  openResult,
  sealBytesWith,
  sealResult,
  sealResultWith,
} from './resultCrypto.js'
import type { EncryptedResult } from './messages.js'

const vector = vectors.linkResult
const EC = { name: 'ECDH', namedCurve: 'P-256' } as const

function hexToBytes(hex: string) {
  return new Uint8Array(hex.match(/../g)!.map((byte) => parseInt(byte, 16)))
}

async function importPkcs8(base64: string) {
  return crypto.subtle.importKey('pkcs8', base64ToBytes(base64)!, EC, false, ['deriveBits'])
}

const vectorCtx = {
  sessionId: vector.sessionId,
  origin: vector.origin,
  id: vector.id,
  ts: vector.ts,
}

async function expectDecryptionFailed(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(HumanosLinkError)
  expect((error as HumanosLinkError).code).toBe(ErrorCodes.DECRYPTION_FAILED)
  expect((error as HumanosLinkError).message).toBe(DECRYPTION_FAILED_MESSAGE)
}

describe('result encryption against the spec vectors', () => {
  it('opens the sealed vector result to the vector payload', async () => {
    const privateKey = await importPkcs8(vector.hostPrivateKeyPkcs8)
    const payload = await openResult(vector.enc, { ...vectorCtx, privateKey })
    expect(payload).toEqual(vector.payload)
  })

  it('seals the vector payload to the exact vector ciphertext', async () => {
    const enc = await sealResultWith(
      vector.payload,
      { ...vectorCtx, publicKey: vector.hostPublicKey },
      {
        ephemeralPrivateKey: await importPkcs8(vector.ephemeralPrivateKeyPkcs8),
        ephemeralPublicKey: vector.enc.epk,
        salt: hexToBytes(vector.saltHex),
        iv: hexToBytes(vector.ivHex),
      },
    )
    expect(enc).toEqual(vector.enc)
  })
})

describe('host key pair', () => {
  it('is P-256 ECDH with a non-extractable private key and a base64 SPKI public key', async () => {
    const pair = await generateHostKeyPair()
    expect(pair.privateKey.extractable).toBe(false)
    expect(pair.privateKey.algorithm).toMatchObject({ name: 'ECDH', namedCurve: 'P-256' })
    expect(pair.publicKey).toHaveLength(124)
    expect(pair.publicKey.startsWith('MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE')).toBe(true)
    await expect(crypto.subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow()
  })

  it('rejects public keys that are not base64 SPKI P-256', async () => {
    for (const bad of [
      '',
      'not base64!',
      vector.hostPublicKey.slice(0, -4),
      btoa('x'.repeat(91)),
    ]) {
      await expect(importPublicKey(bad)).rejects.toMatchObject({ code: ErrorCodes.INVALID_PUB_KEY })
    }
  })
})

describe('seal and open round trip', () => {
  const ctx = {
    sessionId: 'sess-1',
    origin: 'http://localhost:5173',
    id: 'msg-1',
    ts: 1_764_000_000_000,
  }
  const payload = { eventType: 'credential', note: 'Olá ✓', nested: { list: [1, 2, 3] } }

  async function sealed() {
    const host = await generateHostKeyPair()
    const enc = await sealResult(payload, { ...ctx, publicKey: host.publicKey })
    return { host, enc }
  }

  it('opens what it sealed, with a fresh ephemeral key, salt and IV each time', async () => {
    const host = await generateHostKeyPair()
    const first = await sealResult(payload, { ...ctx, publicKey: host.publicKey })
    const second = await sealResult(payload, { ...ctx, publicKey: host.publicKey })
    expect(first.epk).not.toBe(second.epk)
    expect(first.salt).not.toBe(second.salt)
    expect(first.iv).not.toBe(second.iv)
    expect(await openResult(first, { ...ctx, privateKey: host.privateKey })).toEqual(payload)
    expect(await openResult(second, { ...ctx, privateKey: host.privateKey })).toEqual(payload)
  })

  it('fails with a different private key', async () => {
    const { enc } = await sealed()
    const other = await generateHostKeyPair()
    await expectDecryptionFailed(openResult(enc, { ...ctx, privateKey: other.privateKey }))
  })

  it.each(['sessionId', 'origin', 'id', 'ts'] as const)(
    'fails when the %s differs',
    async (field) => {
      const { host, enc } = await sealed()
      const changed = { ...ctx, [field]: field === 'ts' ? ctx.ts + 1 : `${ctx[field]}x` }
      await expectDecryptionFailed(openResult(enc, { ...changed, privateKey: host.privateKey }))
    },
  )

  function flipFirstByte(base64: string) {
    const bytes = base64ToBytes(base64)!
    bytes[bytes.length - 1]! ^= 0x01
    return bytesToBase64(bytes)
  }

  it.each(['epk', 'salt', 'iv', 'ct'] as const)('fails when %s is tampered with', async (field) => {
    const { host, enc } = await sealed()
    const tampered: EncryptedResult = { ...enc, [field]: flipFirstByte(enc[field]) }
    await expectDecryptionFailed(openResult(tampered, { ...ctx, privateKey: host.privateKey }))
  })

  it('fails with one message for malformed shapes, lengths and encodings', async () => {
    const { host, enc } = await sealed()
    const open = (value: unknown) => openResult(value, { ...ctx, privateKey: host.privateKey })
    const bad: unknown[] = [
      null,
      'string',
      { ...enc, alg: 'A128GCM' },
      { ...enc, extra: 1 },
      { ...enc, salt: bytesToBase64(new Uint8Array(16)) },
      { ...enc, iv: bytesToBase64(new Uint8Array(16)) },
      { ...enc, ct: bytesToBase64(new Uint8Array(8)) },
      { ...enc, ct: enc.ct.replace(/=*$/, '') + '!' },
      { ...enc, epk: enc.epk.slice(4) },
    ]
    for (const value of bad) await expectDecryptionFailed(open(value))
  })

  it('accepts the ephemeral key only as the uncompressed P-256 SPKI the spec uses', async () => {
    const host = await generateHostKeyPair()
    const ephemeral = await crypto.subtle.generateKey(EC, true, ['deriveBits'])
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey))
    const seal = (ephemeralPublicKey: string) =>
      sealResultWith(
        payload,
        { ...ctx, publicKey: host.publicKey },
        {
          ephemeralPrivateKey: ephemeral.privateKey,
          ephemeralPublicKey,
          salt: new Uint8Array(32),
          iv: new Uint8Array(12),
        },
      )
    const open = (enc: EncryptedResult) => openResult(enc, { ...ctx, privateKey: host.privateKey })
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', ephemeral.publicKey))
    expect(await open(await seal(bytesToBase64(spki)))).toEqual(payload)
    // The same point, compressed (0x02/0x03 + x): a second spelling of the same key, refused.
    const compressed = new Uint8Array([
      ...hexToBytes('3039301306072a8648ce3d020106082a8648ce3d030107032200'),
      2 + (raw[64]! & 1),
      ...raw.slice(1, 33),
    ])
    await expectDecryptionFailed(open(await seal(bytesToBase64(compressed))))
  })

  it('reports a plaintext that is not JSON as invalid_payload', async () => {
    const host = await generateHostKeyPair()
    const ephemeral = await crypto.subtle.generateKey(EC, false, ['deriveBits'])
    const material = {
      ephemeralPrivateKey: ephemeral.privateKey,
      ephemeralPublicKey: bytesToBase64(
        new Uint8Array(await crypto.subtle.exportKey('spki', ephemeral.publicKey)),
      ),
      salt: new Uint8Array(32),
      iv: new Uint8Array(12),
    }
    const target = { ...ctx, publicKey: host.publicKey }
    const notJson = await sealBytesWith(new TextEncoder().encode('{"half":'), target, material)
    const notUtf8 = await sealBytesWith(new Uint8Array([0x22, 0xff, 0x22]), target, material)
    for (const enc of [notJson, notUtf8]) {
      await expect(openResult(enc, { ...ctx, privateKey: host.privateKey })).rejects.toMatchObject({
        code: ErrorCodes.INVALID_PAYLOAD,
      })
    }
  })
})
