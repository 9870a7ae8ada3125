import type { Credential } from '@humanos-link/server'
import type { CredentialView } from '../shared/apiTypes.js'

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The credential with its `DataIntegrityProof` pulled out for display. Humanos keeps proofs in
 * a `proofs` array where the W3C model has `proof`; both are looked at.
 */
export function credentialView(credential: Credential): CredentialView {
  const w3c = credential.w3cCredential
  const proofs = [w3c.proofs, w3c.proof].flat().filter(isObject)
  const proof = proofs.find((p) => p.type === 'DataIntegrityProof') ?? null
  return {
    id: credential.id,
    // The API does not require a name: an unnamed credential shows its kind.
    name: credential.name ?? credential.resourceType,
    status: credential.status,
    w3cCredential: w3c,
    proof,
  }
}
