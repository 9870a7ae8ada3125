/*
 * eddsa-jcs-2022 proofs (W3C Data Integrity), with Humanos's `proofs` array in place of `proof`.
 * Guarantees: any change to the credential or to the proof's own fields breaks the signature.
 * 1. The unsecured document is the credential without `proofs`.
 * 2. The proof configuration is the proof without `proofValue`, carrying the document's
 *    `@context`.
 * 3. hashData = SHA-256(JCS(proof configuration)) || SHA-256(JCS(unsecured document)).
 * 4. proofValue = `z` + base58btc(Ed25519(hashData)).
 */
import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'
import type { Ed25519Signer } from './ed25519'
import { multibaseBase58 } from './multikey'

/** A `DataIntegrityProof` as attached to `w3cCredential.proofs`. */
export interface DataIntegrityProof {
  type: 'DataIntegrityProof'
  cryptosuite: 'eddsa-jcs-2022'
  verificationMethod: string
  created: string
  proofPurpose: 'assertionMethod'
  '@context': unknown
  proofValue: string
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

/**
 * Signs a credential: returns the proof to append to its `proofs`.
 * @param credential the credential; its `proofs`, if any, are ignored
 * @param options the issuer's `#key-1` verification method, the `created` time, the signer
 */
export function createEddsaJcsProof(
  credential: Record<string, unknown>,
  options: { verificationMethod: string; created: string; signer: Ed25519Signer },
): DataIntegrityProof {
  const unsecured = { ...credential }
  delete unsecured.proofs
  const proofConfig = {
    type: 'DataIntegrityProof' as const,
    cryptosuite: 'eddsa-jcs-2022' as const,
    verificationMethod: options.verificationMethod,
    created: options.created,
    proofPurpose: 'assertionMethod' as const,
    '@context': unsecured['@context'],
  }
  const signature = options.signer.sign(eddsaJcsHashData(proofConfig, unsecured))
  return { ...proofConfig, proofValue: multibaseBase58(signature) }
}
