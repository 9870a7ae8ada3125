import type { Db } from './database.js'

export interface EvidenceRow {
  id: string
  org_id: string
  credential_id: string
  /** `content` (what the grantors were shown) or `acceptance` (one grantor's). */
  kind: 'content' | 'acceptance'
  /** The exact bytes served, as UTF-8 text (canonical JSON). */
  body: string
  created_at: number
}

export function insertEvidence(db: Db, row: EvidenceRow): void {
  db.prepare(
    `INSERT INTO evidences (id, org_id, credential_id, kind, body, created_at)
     VALUES (@id, @org_id, @credential_id, @kind, @body, @created_at)`,
  ).run(row)
}

/** An evidence document of organization `orgId`; another organization's is not found. */
export function getEvidence(db: Db, orgId: string, id: string): EvidenceRow | undefined {
  return db
    .prepare<[string, string], EvidenceRow>('SELECT * FROM evidences WHERE id = ? AND org_id = ?')
    .get(id, orgId)
}
