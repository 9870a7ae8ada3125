// Evidence documents (humanos-api.md): each `w3cCredential.evidences` entry is
// `{ id, digestSRI, location }`, where `location` serves exactly the bytes `digestSRI` hashes.
// The sandbox keeps two kinds: the credential's content (what the grantors were shown) and each
// grantor's acceptance record; both are canonical JSON (RFC 8785), so their bytes are stable.
import { createHash, randomUUID } from 'node:crypto'
import canonicalize from 'canonicalize'
import type { Db } from '../db/database.js'
import { insertEvidence } from '../db/evidenceStore.js'
import type { EvidenceRow } from '../db/evidenceStore.js'

/** One entry of `w3cCredential.evidences`. */
export interface EvidenceEntry {
  id: string
  digestSRI: string
  location: string
}

/** `sha256-` + base64 of the SHA-256 of the bytes (Subresource Integrity form). */
export function digestSri(bytes: string): string {
  return `sha256-${createHash('sha256').update(bytes, 'utf8').digest('base64')}`
}

/** Where evidence ids and locations point: the organization's issuer DID and the base URL. */
export interface EvidenceScope {
  orgId: string
  issuerDid: string
  baseUrl: string
}

/**
 * One evidence document: the row to store (after its credential) and its entry. The `id` is
 * `<issuer DID>:evidence:<uuid>`, the `location` `<base URL>/evidences/<uuid>`.
 */
export function buildEvidence(
  scope: EvidenceScope,
  record: { credentialId: string; kind: EvidenceRow['kind']; document: unknown; now: number },
): { row: EvidenceRow; entry: EvidenceEntry } {
  const uuid = randomUUID()
  const body = canonicalize(record.document) ?? 'null'
  return {
    row: {
      id: uuid,
      org_id: scope.orgId,
      credential_id: record.credentialId,
      kind: record.kind,
      body,
      created_at: record.now,
    },
    entry: {
      id: `${scope.issuerDid}:evidence:${uuid}`,
      digestSRI: digestSri(body),
      location: `${scope.baseUrl}/evidences/${uuid}`,
    },
  }
}

/** Stores one evidence document of an existing credential and returns its entry. */
export function recordEvidence(
  db: Db,
  scope: EvidenceScope,
  record: { credentialId: string; kind: EvidenceRow['kind']; document: unknown; now: number },
): EvidenceEntry {
  const { row, entry } = buildEvidence(scope, record)
  insertEvidence(db, row)
  return entry
}
