// Offline verification of a stored receipt (humanos-mandates.md section 7), so a receipt kept
// as evidence can be checked without asking Humanos:
// 1. The receipt carries one `proof`: `DataIntegrityProof`, `eddsa-jcs-2022`, purpose
//    `assertionMethod`.
// 2. The proof's `verificationMethod` is looked up in the DID document of its DID (given, or
//    resolved by the caller's resolver); it must be a `Multikey` Ed25519 key listed under
//    `assertionMethod`.
// 3. hashData = SHA-256(JCS(proof without proofValue)) || SHA-256(JCS(receipt without proof));
//    the Ed25519 signature in `proofValue` (multibase base58btc) must verify over it.
import { createHash, createPublicKey, verify } from 'node:crypto'
import { base58 } from '@scure/base'
import canonicalize from 'canonicalize'
import { isObj, isStr } from './guards.js'
import type { Obj } from './guards.js'
import { isStoredReceipt } from './mandateGuards.js'
import type { StoredReceipt } from './mandateTypes.js'

/** Why a receipt did not verify. */
export type ReceiptVerificationReason =
  'malformed' | 'wrong_purpose' | 'unknown_key' | 'bad_signature'

/** A receipt that is not what it claims to be. */
export class ReceiptVerificationError extends Error {
  readonly reason: ReceiptVerificationReason

  constructor(reason: ReceiptVerificationReason, message: string) {
    super(message)
    this.name = 'ReceiptVerificationError'
    this.reason = reason
  }
}

/** Options of {@link verifyReceipt}: give the DID document, or a resolver for it. */
export type VerifyReceiptOptions =
  | {
      /** The platform DID's document, e.g. from `GET /did/:did`: no network needed. */
      didDocument: unknown
      didResolver?: undefined
    }
  | {
      /** Resolves the DID the proof names to its DID document. */
      didResolver: (did: string) => Promise<unknown>
      didDocument?: undefined
    }

const ED25519_MULTIKEY = [0xed, 0x01]

function jcsHash(value: unknown): Buffer {
  const text = canonicalize(value)
  if (text === undefined) throw new ReceiptVerificationError('malformed', 'Not canonicalizable')
  return createHash('sha256').update(text, 'utf8').digest()
}

function decodeMultibase(value: string): Uint8Array | null {
  if (!value.startsWith('z')) return null
  try {
    return base58.decode(value.slice(1))
  } catch {
    return null
  }
}

function references(list: unknown, id: string, did: string): boolean {
  if (!Array.isArray(list)) return false
  return list.some((entry) => {
    const ref = isObj(entry) ? entry.id : entry
    return ref === id || (isStr(ref) && ref.startsWith('#') && `${did}${ref}` === id)
  })
}

function publicKeyFor(document: unknown, methodId: string) {
  const did = methodId.split('#')[0]!
  if (!isObj(document) || document.id !== did) {
    throw new ReceiptVerificationError('unknown_key', `The DID document is not that of ${did}`)
  }
  const methods = Array.isArray(document.verificationMethod) ? document.verificationMethod : []
  const method = methods.find(
    (entry): entry is Obj =>
      isObj(entry) && (entry.id === methodId || `${did}${String(entry.id)}` === methodId),
  )
  if (!method || method.type !== 'Multikey' || !isStr(method.publicKeyMultibase)) {
    throw new ReceiptVerificationError('unknown_key', `${methodId} is not a Multikey of ${did}`)
  }
  if (!references(document.assertionMethod, methodId, did)) {
    throw new ReceiptVerificationError('unknown_key', `${methodId} may not assert receipts`)
  }
  const bytes = decodeMultibase(method.publicKeyMultibase)
  if (
    !bytes ||
    bytes.length !== 34 ||
    bytes[0] !== ED25519_MULTIKEY[0] ||
    bytes[1] !== ED25519_MULTIKEY[1]
  ) {
    throw new ReceiptVerificationError('unknown_key', `${methodId} is not an Ed25519 Multikey`)
  }
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.subarray(2)).toString('base64url') },
    format: 'jwk',
  })
}

/**
 * Checks a stored receipt's `eddsa-jcs-2022` proof offline, against the platform's DID
 * document, so receipts kept as evidence stay checkable on their own.
 *
 * @param receipt - the receipt as `getReceipt` (`GET /receipt/:id`) returned it
 * @param options - `didDocument` (the platform DID's document, e.g. from `GET /did/:did`), or
 *   `didResolver(did)` returning it
 * @returns the receipt, typed, once its proof verifies
 * @throws ReceiptVerificationError with `reason` `malformed`, `wrong_purpose`, `unknown_key`
 *   or `bad_signature`
 * @example
 * const stored = await humanos.getReceipt(result.receipt.id)
 * await verifyReceipt(stored, { didDocument: platformDidDocument })
 */
export async function verifyReceipt(
  receipt: unknown,
  options: VerifyReceiptOptions,
): Promise<StoredReceipt> {
  if (!isStoredReceipt(receipt)) {
    throw new ReceiptVerificationError('malformed', 'This is not a stored receipt with a proof')
  }
  const { proof } = receipt
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-jcs-2022') {
    throw new ReceiptVerificationError('malformed', 'The proof is not an eddsa-jcs-2022 proof')
  }
  if (proof.proofPurpose !== 'assertionMethod') {
    throw new ReceiptVerificationError('wrong_purpose', 'The proof is not an assertion')
  }
  if (!isStr(proof.verificationMethod) || !isStr(proof.proofValue)) {
    throw new ReceiptVerificationError('malformed', 'The proof names no key or signature')
  }
  const did = proof.verificationMethod.split('#')[0]!
  const document = options.didResolver ? await options.didResolver(did) : options.didDocument
  const publicKey = publicKeyFor(document, proof.verificationMethod)
  const signature = decodeMultibase(proof.proofValue)
  const unsecured: Obj = { ...receipt }
  delete unsecured.proof
  const config: Obj = { ...proof }
  delete config.proofValue
  const hashData = Buffer.concat([jcsHash(config), jcsHash(unsecured)])
  if (!signature || signature.length !== 64 || !verify(null, hashData, publicKey, signature)) {
    throw new ReceiptVerificationError('bad_signature', 'The receipt proof does not verify')
  }
  return receipt
}
