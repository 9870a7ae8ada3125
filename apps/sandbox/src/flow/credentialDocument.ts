import { CREDENTIAL_CONTEXT } from '../constants.js'
import type { CredentialType } from '../db/rows.js'
import { createEddsaJcsProof } from '../proof/eddsaJcs.js'
import type { Ed25519Signer } from '../proof/ed25519.js'
import type { EvidenceEntry } from './evidence.js'
import { w3cDate } from './ids.js'

/** What a credential asks the grantors to agree to. */
export interface CredentialContent {
  type: CredentialType
  name: string
  description?: string
  data?: unknown
}

/**
 * The evidence document of a credential's content: what the grantors were shown, kept as an
 * evidence document so the proof covers it without copying (possibly personal) data into the
 * credential itself.
 */
export function contentDocument(credentialId: string, content: CredentialContent) {
  return {
    credential: credentialId,
    type: content.type,
    name: content.name,
    description: content.description ?? null,
    data: content.data ?? null,
  }
}

/** The unsigned VIA mandate of a new credential (`proofs` empty while `DRAFT`). */
export function draftCredential(input: {
  id: string
  /** The platform DID, `issuer` of the credential. */
  platformDid: string
  /** The requesting organization's issuer DID, the credential's subject. */
  issuerDid: string
  grantors: string[]
  scope: string
  authorizedDIDs: string[]
  validFrom: number
  validUntil: number | null
  /** The entry of the content's evidence document. */
  contentEvidence: EvidenceEntry
  /** A mandate's `action` and `userParams` (humanos-mandates.md section 3). */
  mandate?: Record<string, unknown> | undefined
}): Record<string, unknown> {
  return {
    '@context': [...CREDENTIAL_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'VIAMandate'],
    issuer: input.platformDid,
    validFrom: w3cDate(input.validFrom),
    validUntil: input.validUntil === null ? null : w3cDate(input.validUntil),
    credentialSubject: {
      // Humanos names the requesting organization (the "issuer") as the subject; the people
      // who grant the mandate are `mandate.grantor`.
      id: input.issuerDid,
      mandate: {
        grantor: input.grantors,
        scope: input.scope,
        context: { authorizedDIDs: input.authorizedDIDs },
        ...input.mandate,
      },
    },
    evidences: [input.contentEvidence],
    proofs: [],
  }
}

/**
 * The `ACTIVE` form: the entries of each grantor's acceptance record added to `evidences`,
 * then an eddsa-jcs-2022 proof by the platform key.
 */
export function activateCredential(
  w3c: Record<string, unknown>,
  input: {
    /** The platform key DID's `#key-1`. */
    verificationMethod: string
    signer: Ed25519Signer
    at: number
    acceptances: EvidenceEntry[]
  },
): Record<string, unknown> {
  const evidences = Array.isArray(w3c.evidences) ? w3c.evidences : []
  const unsecured: Record<string, unknown> = {
    ...w3c,
    evidences: [...evidences, ...input.acceptances],
  }
  delete unsecured.proofs
  const proof = createEddsaJcsProof(unsecured, {
    verificationMethod: input.verificationMethod,
    created: w3cDate(input.at),
    signer: input.signer,
  })
  return { ...unsecured, proofs: [proof] }
}
