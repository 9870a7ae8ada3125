import type { Db } from './database.js'

export interface ReceiptRow {
  id: string
  org_id: string
  type: string
  credential_id: string | null
  /** The signed receipt, JSON. */
  body: string
  created_at: number
}

export function insertReceipt(db: Db, row: ReceiptRow): void {
  db.prepare(
    `INSERT INTO receipts (id, org_id, type, credential_id, body, created_at)
     VALUES (@id, @org_id, @type, @credential_id, @body, @created_at)`,
  ).run(row)
}

export function getReceipt(db: Db, orgId: string, id: string): ReceiptRow | undefined {
  return db
    .prepare<[string, string], ReceiptRow>('SELECT * FROM receipts WHERE id = ? AND org_id = ?')
    .get(id, orgId)
}

/** Records that a presentation was verified; `false` when it already had been (a replay). */
export function spendPresentation(
  db: Db,
  row: { proof_value: string; org_id: string; credential_id: string; expires_at: number },
  now: number,
): boolean {
  // Spent entries are only needed while the presentation could still verify.
  db.prepare('DELETE FROM spent_presentations WHERE expires_at <= ?').run(now)
  return (
    db
      .prepare(
        `INSERT OR IGNORE INTO spent_presentations (proof_value, org_id, credential_id, expires_at)
         VALUES (@proof_value, @org_id, @credential_id, @expires_at)`,
      )
      .run(row).changes === 1
  )
}
