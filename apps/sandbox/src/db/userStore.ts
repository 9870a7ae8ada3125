import type { Db } from './database.js'
import type { UserRow } from './rows.js'

/** A user of organization `orgId` by number; another organization's is not found. */
export function getUserById(db: Db, orgId: string, id: number): UserRow | undefined {
  return db
    .prepare<[number, string], UserRow>('SELECT * FROM users WHERE id = ? AND org_id = ?')
    .get(id, orgId)
}

/** A user by a contact: the one it was created with, or one of its extra contacts. */
export function getUserByContact(db: Db, orgId: string, contact: string): UserRow | undefined {
  return db
    .prepare<{ orgId: string; contact: string }, UserRow>(
      `SELECT * FROM users WHERE org_id = @orgId AND (contact = @contact OR EXISTS
         (SELECT 1 FROM json_each(users.extra_contacts) WHERE value = @contact))
       ORDER BY id LIMIT 1`,
    )
    .get({ orgId, contact })
}

export function getUserByInternalId(
  db: Db,
  orgId: string,
  internalId: string,
): UserRow | undefined {
  return db
    .prepare<[string, string], UserRow>(
      'SELECT * FROM users WHERE org_id = ? AND internal_id = ? ORDER BY id LIMIT 1',
    )
    .get(orgId, internalId)
}

/** Inserts an imported user and returns it. */
export function insertUser(db: Db, row: Omit<UserRow, 'id'>): UserRow {
  const result = db
    .prepare(
      `INSERT INTO users (org_id, contact, internal_id, extra_contacts, identity, created_at)
       VALUES (@org_id, @contact, @internal_id, @extra_contacts, @identity, @created_at)`,
    )
    .run(row)
  return { ...row, id: Number(result.lastInsertRowid) }
}

/** The security levels of the identity checks a user passed, in any of their requests. */
export function passedIdentityLevels(db: Db, userId: number): string[] {
  return db
    .prepare<[number], { level: string }>(
      `SELECT DISTINCT r.security_level AS level FROM sessions s
       JOIN requests r ON r.id = s.request_id
       WHERE s.user_id = ? AND json_extract(s.identity, '$.success') = 1`,
    )
    .all(userId)
    .map((row) => row.level)
}
