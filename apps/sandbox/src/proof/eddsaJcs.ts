/*
 * eddsa-jcs-2022 proofs (W3C Data Integrity), for credentials (Humanos's `proofs` array),
 * presentations and receipts (W3C's single `proof` object).
 * Guarantees: any change to the document or to the proof's own fields breaks the signature.
 * 1. The unsecured document is the document without its proof member (`proofs` or `proof`).
 * 2. The proof configuration is the proof without `proofValue`, carrying the document's
 *    `@context` (when it has one).
 * 3. hashData = SHA-256(JCS(proof configuration)) || SHA-256(JCS(unsecured document)).
 * 4. proofValue = `z` + base58btc(Ed25519(hashData)).
 * Verification rebuilds 1-3 from the received document and checks the signature of step 4.
 */
import { createHash, createPublicKey, verify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import canonicalize from 'canonicalize'
import type { Ed25519Signer } from './ed25519.js'
import { decodeMultibaseBase58, multibaseBase58 } from './multikey.js'

/** Where a proof sits in its document: Humanos credentials use `proofs`, W3C uses `proof`. */
export type ProofMember = 'proofs' | 'proof'

/** A `DataIntegrityProof` with the `eddsa-jcs-2022` cryptosuite. */
export interface DataIntegrityProof {
  type: 'DataIntegrityProof'
  cryptosuite: 'eddsa-jcs-2022'
  verificationMethod: string
  created: string
  expires?: string
  proofPurpose: 'assertionMethod' | 'authentication'
  domain?: string
  challenge?: string
  '@context'?: unknown
  proofValue: string
}

/** What a signer chooses about a proof; the rest comes from the document. */
export interface ProofOptions {
  verificationMethod: string
  created: string
  proofPurpose?: DataIntegrityProof['proofPurpose']
  expires?: string
  domain?: string
  challenge?: string
  signer: Ed25519Signer
}

function jcs(value: unknown): string {
  const text = canonicalize(value)
  if (text === undefined) throw new TypeError('The value cannot be canonicalized')
  return text
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/** The bytes an eddsa-jcs-2022 signature covers (step 3). */
export function eddsaJcsHashData(
  proofConfig: Record<string, unknown>,
  unsecured: Record<string, unknown>,
): Uint8Array {
  return new Uint8Array(Buffer.concat([sha256(jcs(proofConfig)), sha256(jcs(unsecured))]))
}

function withoutMember(document: Record<string, unknown>, member: ProofMember) {
  const unsecured = { ...document }
  delete unsecured[member]
  return unsecured
}

/**
 * Signs a document: returns the proof to attach (append to `proofs`, or set as `proof`).
 * @param document the document; its `member` (`proofs` by default), if any, is ignored
 */
export function signDataIntegrity(
  document: Record<string, unknown>,
  options: ProofOptions,
  member: ProofMember = 'proofs',
): DataIntegrityProof {
  const unsecured = withoutMember(document, member)
  const proofConfig: Omit<DataIntegrityProof, 'proofValue'> = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: options.created,
    ...(options.expires === undefined ? {} : { expires: options.expires }),
    verificationMethod: options.verificationMethod,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
    ...(options.domain === undefined ? {} : { domain: options.domain }),
    ...(options.challenge === undefined ? {} : { challenge: options.challenge }),
    ...('@context' in unsecured ? { '@context': unsecured['@context'] } : {}),
  }
  const signature = options.signer.sign(eddsaJcsHashData(proofConfig, unsecured))
  return { ...proofConfig, proofValue: multibaseBase58(signature) }
}

/**
 * Signs a credential: the proof to append to its `proofs` (`assertionMethod`).
 * @param credential the credential; its `proofs`, if any, are ignored
 */
export function createEddsaJcsProof(
  credential: Record<string, unknown>,
  options: { verificationMethod: string; created: string; signer: Ed25519Signer },
): DataIntegrityProof {
  return signDataIntegrity(credential, options, 'proofs')
}

/** A Node key object for a raw 32-byte Ed25519 public key. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new TypeError('An Ed25519 public key has 32 bytes')
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Checks one eddsa-jcs-2022 proof over `document`. Only the signature and the suite are
 * checked here; the caller checks purpose, method, dates and audience, which differ per use.
 * @param proof the proof as received (`unknown`: it comes from outside)
 * @returns `true` only for a well-formed proof whose signature verifies with `publicKey`
 */
export function verifyDataIntegrity(
  document: Record<string, unknown>,
  proof: unknown,
  publicKey: KeyObject,
  member: ProofMember = 'proofs',
): boolean {
  if (!isRecord(proof)) return false
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-jcs-2022') return false
  if (typeof proof.proofValue !== 'string') return false
  const signature = decodeMultibaseBase58(proof.proofValue)
  if (!signature || signature.length !== 64) return false
  const unsecured = withoutMember(document, member)
  const proofConfig = { ...proof }
  delete proofConfig.proofValue
  // A proof that does not carry the document's @context is a proof over another document.
  if (jcs(proofConfig['@context'] ?? null) !== jcs(unsecured['@context'] ?? null)) return false
  try {
    return verify(null, eddsaJcsHashData(proofConfig, unsecured), publicKey, signature)
  } catch {
    return false
  }
}
