// The mandate side of a credential: the action version it pins and the approved values.
import type { Db } from './database.js'
import type { CredentialRow } from './rows.js'

/** A credential row with its mandate columns (`null` for a credential without an action). */
export interface MandateRow extends CredentialRow {
  action: string | null
  action_version: number | null
  user_params: string | null
}

/** A credential of `orgId`; another organization's is not found. */
export function getMandate(db: Db, orgId: string, id: string): MandateRow | undefined {
  return db
    .prepare<[string, string], MandateRow>('SELECT * FROM credentials WHERE id = ? AND org_id = ?')
    .get(id, orgId)
}

/** Pins an action version and the approved values on a new credential. */
export function pinAction(
  db: Db,
  credentialId: string,
  pin: { action: string; version: number; userParams: Record<string, unknown> },
): void {
  db.prepare(
    'UPDATE credentials SET action = ?, action_version = ?, user_params = ? WHERE id = ?',
  ).run(pin.action, pin.version, JSON.stringify(pin.userParams), credentialId)
}

/** Marks an `ACTIVE` credential `REVOKED`; `false` when it was no longer `ACTIVE`. */
export function revokeMandate(
  db: Db,
  id: string,
  change: { reason: string | null; at: number },
): boolean {
  return (
    db
      .prepare(
        `UPDATE credentials SET status = 'REVOKED', revoked_reason = ?, updated_at = ?
         WHERE id = ? AND status = 'ACTIVE'`,
      )
      .run(change.reason, change.at, id).changes === 1
  )
}
