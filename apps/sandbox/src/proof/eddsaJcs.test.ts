import { createPublicKey, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from '../testing/specVectors.json'
import { platformDidFor, platformKeyDid, platformKeyDidDocument } from './didDocument.js'
import { ed25519FromSeed } from './ed25519.js'
import {
  createEddsaJcsProof,
  ed25519PublicKey,
  eddsaJcsHashData,
  signDataIntegrity,
  verifyDataIntegrity,
} from './eddsaJcs.js'
import { decodeMultibaseBase58, ed25519Multikey } from './multikey.js'

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

describe('eddsa-jcs-2022 presentation proof against the spec vector', () => {
  const vp = vectors.eddsaJcs2022Presentation
  const publicKey = ed25519PublicKey(signer.publicKey)

  it('signs the vector presentation to the exact vector proofValue', () => {
    const { proofConfig } = vp
    const proof = signDataIntegrity(
      vp.unsecuredPresentation,
      {
        verificationMethod: proofConfig.verificationMethod,
        created: proofConfig.created,
        expires: proofConfig.expires,
        proofPurpose: 'authentication',
        domain: proofConfig.domain,
        challenge: proofConfig.challenge,
        signer,
      },
      'proof',
    )
    expect(proof).toEqual({ ...proofConfig, proofValue: vp.proofValue })
    expect(proof.proofValue).toBe(vp.proofValue)
  })

  it('verifies the vector presentation and refuses any change to it or its proof', () => {
    const proof = { ...vp.proofConfig, proofValue: vp.proofValue }
    const signed = { ...vp.unsecuredPresentation, proof }
    expect(verifyDataIntegrity(signed, proof, publicKey, 'proof')).toBe(true)
    const otherHolder = { ...signed, holder: 'did:web:127.0.0.1%3A4010:user:2' }
    expect(verifyDataIntegrity(otherHolder, proof, publicKey, 'proof')).toBe(false)
    const otherDomain = { ...proof, domain: 'did:web:evil.example' }
    expect(verifyDataIntegrity(signed, otherDomain, publicKey, 'proof')).toBe(false)
    const otherContext = { ...proof, '@context': ['https://www.w3.org/ns/credentials/v2'] }
    expect(verifyDataIntegrity(signed, otherContext, publicKey, 'proof')).toBe(false)
    expect(verifyDataIntegrity(signed, { ...proof, proofValue: 'zz' }, publicKey, 'proof')).toBe(
      false,
    )
    expect(verifyDataIntegrity(signed, null, publicKey, 'proof')).toBe(false)
  })

  it('verifies the vector credential embedded in the presentation', () => {
    const [credential] = vp.unsecuredPresentation.verifiableCredential
    expect(verifyDataIntegrity(credential!, credential!.proofs[0], publicKey)).toBe(true)
  })
})

describe('did:web', () => {
  it('percent-encodes the port separator and publishes #key-1 on the platform key DID', () => {
    const did = platformDidFor('http://127.0.0.1:4010')
    expect(did).toBe('did:web:127.0.0.1%3A4010')
    const keyDid = platformKeyDid(did, '0b7c5a4e-2f8e-4d1a-9a51-3c1f2e9d8b70')
    expect(keyDid).toBe('did:web:127.0.0.1%3A4010:platform:0b7c5a4e-2f8e-4d1a-9a51-3c1f2e9d8b70')
    const doc = platformKeyDidDocument(keyDid, did, vector.publicKeyMultibase)
    expect(doc.verificationMethod[0]).toEqual({
      id: `${keyDid}#key-1`,
      type: 'Multikey',
      controller: keyDid,
      publicKeyMultibase: vector.publicKeyMultibase,
    })
    expect(doc.assertionMethod).toEqual([`${keyDid}#key-1`])
  })
})
