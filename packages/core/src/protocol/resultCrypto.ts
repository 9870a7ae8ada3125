/*
 * Result encryption (spec section 6).
 * Guarantees: only the holder of the host's private key can read a result; a result is bound to
 * its session, to the host origin and to its own envelope (`id`, `ts`); every failure to open
 * one looks the same to the caller, so nothing leaks about which check failed.
 * 1. The sender makes a fresh ephemeral P-256 key pair for every payload.
 * 2. Z = ECDH(ephemeral private key, host public key), 32 bytes.
 * 3. K = HKDF-SHA-256(IKM Z, 32 random salt bytes, info "humanos-link/v1/result|<sessionId>|<origin>").
 * 4. ct = AES-256-GCM(K, 12 random IV bytes, aad "humanos-link|1|result|<sessionId>|<id>|<ts>",
 *    UTF-8 JSON of the payload), tag appended.
 * 5. The receiver checks every length, derives the same K from its private key and `epk`, and
 *    decrypts; the JSON is parsed last (a bad document is `invalid_payload`, spec step 6).
 */
import { DEV } from '../dev.js'
import { HumanosLinkError, decryptionFailed } from '../errors.js'
import { base64ToBytes, bytesToBase64, utf8 } from './base64.js'
import { PROTOCOL_NAMESPACE, PROTOCOL_VERSION, RESULT_ALG } from './constants.js'
import { isEncryptedResult } from './messages.js'
import type { EncryptedResult } from './messages.js'

const EC_PARAMS = { name: 'ECDH', namedCurve: 'P-256' } as const
const SPKI_LENGTH = 91
const SALT_LENGTH = 32
const IV_LENGTH = 12
const GCM_TAG_LENGTH = 16

/** The host's key pair: the private key never leaves Web Crypto; the public key is base64 SPKI. */
export interface HostKeyPair {
  /** Non-extractable ECDH P-256 private key. */
  privateKey: CryptoKey
  /** Standard base64 of the public key's SPKI DER encoding (124 characters). */
  publicKey: string
}

/** What binds a result to one message of one session for one host origin. */
export interface ResultContext {
  sessionId: string
  /** The host page's origin (`postMessageOrigin`). */
  origin: string
  /** The envelope's `id`. */
  id: string
  /** The envelope's `ts`. */
  ts: number
}

/**
 * Web Crypto, or the `insecure_context` error: `crypto.subtle` only exists in secure contexts
 * (https, or http on localhost / 127.0.0.1).
 */
export function requireSubtle(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) {
    throw new HumanosLinkError(
      'insecure_context',
      DEV
        ? 'Web Crypto is not available: serve the page over https (or http://localhost).'
        : 'Web Crypto is not available: use https.',
    )
  }
  return subtle
}

/**
 * Generates the host's ECDH P-256 key pair (spec section 2). The private key is created
 * non-extractable, so no script can read it; keep the pair in memory only.
 * @throws HumanosLinkError `insecure_context` when Web Crypto is unavailable.
 */
export async function generateHostKeyPair(): Promise<HostKeyPair> {
  const subtle = requireSubtle()
  const pair = await subtle.generateKey(EC_PARAMS, false, ['deriveBits'])
  return { privateKey: pair.privateKey, publicKey: await exportPublicKey(pair.publicKey) }
}

/** Base64 SPKI of a public key, the `pubKey` / `epk` format of the protocol. */
export async function exportPublicKey(publicKey: CryptoKey): Promise<string> {
  const spki = await requireSubtle().exportKey('spki', publicKey)
  return bytesToBase64(new Uint8Array(spki))
}

/**
 * Imports a base64 SPKI P-256 public key, checking its format first.
 * @throws HumanosLinkError `invalid_pub_key` when it is not a valid P-256 SPKI key.
 */
export async function importPublicKey(base64Spki: string): Promise<CryptoKey> {
  const bytes = typeof base64Spki === 'string' ? base64ToBytes(base64Spki) : null
  if (bytes?.length === SPKI_LENGTH) {
    try {
      return await requireSubtle().importKey('spki', bytes, EC_PARAMS, true, [])
    } catch {
      // Falls through to the one error below: an invalid point is just an invalid key.
    }
  }
  throw new HumanosLinkError('invalid_pub_key', 'The public key is not a base64 SPKI P-256 key.')
}

function resultInfo(ctx: ResultContext): Uint8Array<ArrayBuffer> {
  return utf8(`${PROTOCOL_NAMESPACE}/v${PROTOCOL_VERSION}/result|${ctx.sessionId}|${ctx.origin}`)
}

function resultAad(ctx: ResultContext): Uint8Array<ArrayBuffer> {
  return utf8(
    `${PROTOCOL_NAMESPACE}|${PROTOCOL_VERSION}|result|${ctx.sessionId}|${ctx.id}|${ctx.ts}`,
  )
}

async function deriveResultKey(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  salt: Uint8Array<ArrayBuffer>,
  ctx: ResultContext,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  const subtle = requireSubtle()
  const sharedSecret = await subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256)
  const ikm = await subtle.importKey('raw', sharedSecret, 'HKDF', false, ['deriveKey'])
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: resultInfo(ctx) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  )
}

/** Fixed sender material, so tests can reproduce a sealed result byte for byte. */
export interface SealMaterial {
  ephemeralPrivateKey: CryptoKey
  /** Base64 SPKI of the ephemeral public key (becomes `epk`). */
  ephemeralPublicKey: string
  salt: Uint8Array<ArrayBuffer>
  iv: Uint8Array<ArrayBuffer>
}

/** {@link sealResult} with caller-chosen ephemeral key, salt and IV. Internal and test use only. */
export async function sealResultWith(
  payload: unknown,
  ctx: ResultContext & { publicKey: string },
  material: SealMaterial,
): Promise<EncryptedResult> {
  return sealBytesWith(utf8(JSON.stringify(payload)), ctx, material)
}

/** Encrypts raw plaintext bytes; lets tests seal documents that are not JSON. Internal. */
export async function sealBytesWith(
  plaintext: Uint8Array<ArrayBuffer>,
  ctx: ResultContext & { publicKey: string },
  material: SealMaterial,
): Promise<EncryptedResult> {
  if (material.salt.length !== SALT_LENGTH || material.iv.length !== IV_LENGTH) {
    throw new TypeError(`sealResult needs a ${SALT_LENGTH}-byte salt and a ${IV_LENGTH}-byte IV.`)
  }
  const hostPublicKey = await importPublicKey(ctx.publicKey)
  const key = await deriveResultKey(
    material.ephemeralPrivateKey,
    hostPublicKey,
    material.salt,
    ctx,
    'encrypt',
  )
  const ct = await requireSubtle().encrypt(
    { name: 'AES-GCM', iv: material.iv, additionalData: resultAad(ctx) },
    key,
    plaintext,
  )
  return {
    alg: RESULT_ALG,
    epk: material.ephemeralPublicKey,
    salt: bytesToBase64(material.salt),
    iv: bytesToBase64(material.iv),
    ct: bytesToBase64(new Uint8Array(ct)),
  }
}

/**
 * Encrypts one result for the host (the sender side of spec section 6), with a fresh ephemeral
 * key, salt and IV every call. Used by the Link frame (the sandbox) and by tests; host pages
 * never need it, and bundlers drop it from host bundles.
 * @param payload any JSON-serializable value (the decision payload of spec section 7)
 * @param ctx the host's base64 SPKI `publicKey` and the envelope this result travels in
 * @throws HumanosLinkError `invalid_pub_key` when `publicKey` is not a valid key.
 */
export async function sealResult(
  payload: unknown,
  ctx: ResultContext & { publicKey: string },
): Promise<EncryptedResult> {
  const subtle = requireSubtle()
  const ephemeral = await subtle.generateKey(EC_PARAMS, false, ['deriveBits'])
  return sealResultWith(payload, ctx, {
    ephemeralPrivateKey: ephemeral.privateKey,
    ephemeralPublicKey: await exportPublicKey(ephemeral.publicKey),
    salt: crypto.getRandomValues(new Uint8Array(SALT_LENGTH)),
    iv: crypto.getRandomValues(new Uint8Array(IV_LENGTH)),
  })
}

/**
 * Decrypts one result (the receiver side of spec section 6) and parses its JSON.
 * @param enc the `enc` field of a `result` message; validated here, so it may be anything
 * @param ctx the host's private key and the envelope the result arrived in
 * @returns the parsed payload, not yet shape-checked
 * @throws HumanosLinkError `decryption_failed` (one fixed message) for any bad field, wrong key
 *   or tampered envelope; `invalid_payload` when the plaintext is not JSON.
 */
export async function openResult(
  enc: unknown,
  ctx: ResultContext & { privateKey: CryptoKey },
): Promise<unknown> {
  const subtle = requireSubtle()
  let plaintext: ArrayBuffer
  try {
    if (!isEncryptedResult(enc)) throw decryptionFailed()
    const [salt, iv, ct, epk] = [enc.salt, enc.iv, enc.ct, enc.epk].map(base64ToBytes)
    if (salt?.length !== SALT_LENGTH || iv?.length !== IV_LENGTH || epk?.length !== SPKI_LENGTH) {
      throw decryptionFailed()
    }
    if (!ct || ct.length < GCM_TAG_LENGTH) throw decryptionFailed()
    // Only the uncompressed P-256 SPKI (91 bytes) is the protocol's spelling; a point not on
    // the curve makes importKey throw, which ends in the same one error below.
    const ephemeralPublicKey = await subtle.importKey('spki', epk, EC_PARAMS, false, [])
    const key = await deriveResultKey(ctx.privateKey, ephemeralPublicKey, salt, ctx, 'decrypt')
    plaintext = await subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: resultAad(ctx) },
      key,
      ct,
    )
  } catch {
    throw decryptionFailed()
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext))
  } catch {
    throw new HumanosLinkError(
      'invalid_payload',
      DEV ? 'The result is not JSON.' : 'The result is malformed.',
    )
  }
}
