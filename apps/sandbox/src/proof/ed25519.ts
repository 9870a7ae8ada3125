import { createPrivateKey, createPublicKey, sign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

// PKCS#8 DER of an Ed25519 private key, up to the 32-byte seed (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

/** An Ed25519 signer made from a 32-byte seed; the key object never leaves this process. */
export interface Ed25519Signer {
  /** The raw 32-byte public key. */
  publicKey: Uint8Array
  /** Signs `data` (the whole message; Ed25519 hashes internally). */
  sign(data: Uint8Array): Uint8Array
}

/** Builds a signer from a 32-byte seed (RFC 8032 private key). */
export function ed25519FromSeed(seed: Uint8Array): Ed25519Signer {
  if (seed.length !== 32) throw new TypeError('An Ed25519 seed has 32 bytes')
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  })
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' })
  if (typeof jwk.x !== 'string') throw new Error('Ed25519 public key export failed')
  return {
    publicKey: new Uint8Array(Buffer.from(jwk.x, 'base64url')),
    sign: (data) => new Uint8Array(sign(null, data, privateKey)),
  }
}
