import { createPublicKey, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from '../testing/specVectors.json'
import { issuerDidDocument, issuerDidFor } from './didDocument'
import { ed25519FromSeed } from './ed25519'
import { createEddsaJcsProof, eddsaJcsHashData } from './eddsaJcs'
import { decodeMultibaseBase58, ed25519Multikey } from './multikey'

const vector = vectors.eddsaJcs2022
const signer = ed25519FromSeed(new Uint8Array(Buffer.from(vector.ed25519SeedHex, 'hex')))

describe('eddsa-jcs-2022 against the spec vector', () => {
  it('publishes the vector public key as a Multikey', () => {
    expect(ed25519Multikey(signer.publicKey)).toBe(vector.publicKeyMultibase)
  })

  it('signs the vector credential to the exact vector proofValue', () => {
    const proof = createEddsaJcsProof(vector.unsecuredCredential, {
      verificationMethod: vector.proofConfig.verificationMethod,
      created: vector.proofConfig.created,
      signer,
    })
    expect(proof).toEqual({ ...vector.proofConfig, proofValue: vector.proofValue })
  })

  it('ignores existing proofs, so a proof covers the unsecured document only', () => {
    const proof = createEddsaJcsProof(
      { ...vector.unsecuredCredential, proofs: [{ anything: true }] },
      { verificationMethod: 'x', created: vector.proofConfig.created, signer },
    )
    const again = createEddsaJcsProof(vector.unsecuredCredential, {
      verificationMethod: 'x',
      created: vector.proofConfig.created,
      signer,
    })
    expect(proof.proofValue).toBe(again.proofValue)
  })

  it('breaks when one byte of the credential changes', () => {
    const signature = decodeMultibaseBase58(vector.proofValue)!
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(signer.publicKey).toString('base64url') },
      format: 'jwk',
    })
    const good = eddsaJcsHashData(vector.proofConfig, vector.unsecuredCredential)
    const changed = eddsaJcsHashData(vector.proofConfig, {
      ...vector.unsecuredCredential,
      validFrom: '2026-11-24T12:00:02Z',
    })
    expect(verify(null, good, publicKey, signature)).toBe(true)
    expect(verify(null, changed, publicKey, signature)).toBe(false)
  })
})

describe('did:web', () => {
  it('percent-encodes the port separator and publishes #key-1', () => {
    const did = issuerDidFor('http://127.0.0.1:4010')
    expect(did).toBe('did:web:127.0.0.1%3A4010')
    const doc = issuerDidDocument(did, vector.publicKeyMultibase)
    expect(doc.verificationMethod[0]).toEqual({
      id: 'did:web:127.0.0.1%3A4010#key-1',
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: vector.publicKeyMultibase,
    })
    expect(doc.assertionMethod).toEqual(['did:web:127.0.0.1%3A4010#key-1'])
  })
})
