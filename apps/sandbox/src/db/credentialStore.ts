import type { Db } from './database.js'
import type { CredentialRow, CredentialStatus, DecisionRow } from './rows.js'

export function insertCredential(db: Db, row: CredentialRow): void {
  db.prepare(
    `INSERT INTO credentials (id, org_id, request_id, position, type, name, description,
       internal_id, data, valid_until, status, w3c, created_at, updated_at, revoked_reason, tags,
       placements)
     VALUES (@id, @org_id, @request_id, @position, @type, @name, @description, @internal_id,
       @data, @valid_until, @status, @w3c, @created_at, @updated_at, @revoked_reason, @tags,
       @placements)`,
  ).run(row)
}

/** A credential of organization `orgId`; another organization's is not found. */
export function getCredential(db: Db, orgId: string, id: string): CredentialRow | undefined {
  return db
    .prepare<[string, string], CredentialRow>(
      'SELECT * FROM credentials WHERE id = ? AND org_id = ?',
    )
    .get(id, orgId)
}

/** A request's credentials, in the order they were given. */
export function credentialsOf(db: Db, requestId: string): CredentialRow[] {
  return db
    .prepare<[string], CredentialRow>(
      'SELECT * FROM credentials WHERE request_id = ? ORDER BY position',
    )
    .all(requestId)
}

export function updateCredential(
  db: Db,
  id: string,
  change: { status: CredentialStatus; w3c?: string; revokedReason?: string | null; at: number },
): void {
  db.prepare(
    `UPDATE credentials SET status = @status, w3c = COALESCE(@w3c, w3c),
       revoked_reason = COALESCE(@revokedReason, revoked_reason), updated_at = @at WHERE id = @id`,
  ).run({
    id,
    status: change.status,
    w3c: change.w3c ?? null,
    revokedReason: change.revokedReason ?? null,
    at: change.at,
  })
}

/** Moves a request's `DRAFT` credentials to `status` (cancel, expiry). */
export function settleDraftCredentials(
  db: Db,
  requestId: string,
  status: CredentialStatus,
  at: number,
): number {
  return db
    .prepare(
      `UPDATE credentials SET status = ?, updated_at = ? WHERE request_id = ? AND status = 'DRAFT'`,
    )
    .run(status, at, requestId).changes
}

/**
 * Expires what time has run out on: `DRAFT` credentials whose request's sessions have expired,
 * and `ACTIVE` ones past their `validUntil`.
 */
export function expireCredentials(db: Db, now: number): void {
  db.prepare(
    `UPDATE credentials SET status = 'EXPIRED', updated_at = @now
     WHERE (status = 'DRAFT' AND request_id IN
       (SELECT id FROM requests WHERE expires_at <= @now AND canceled_at IS NULL))
     OR (status = 'ACTIVE' AND valid_until IS NOT NULL AND valid_until <= @now)`,
  ).run({ now })
}

export function insertDecision(db: Db, row: DecisionRow): void {
  db.prepare(
    `INSERT INTO decisions (id, credential_id, session_id, contact, accepted, decided_at)
     VALUES (@id, @credential_id, @session_id, @contact, @accepted, @decided_at)`,
  ).run(row)
}

/** A credential's decisions, oldest first. */
export function decisionsOf(db: Db, credentialId: string): DecisionRow[] {
  return db
    .prepare<[string], DecisionRow>(
      'SELECT * FROM decisions WHERE credential_id = ? ORDER BY decided_at, rowid',
    )
    .all(credentialId)
}
