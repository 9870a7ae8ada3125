import type { SecurityLevel } from '../../shared/apiTypes.js'
import type { Db } from './database.js'

/** A request the demo created, as stored. */
export interface RequestRow {
  id: string
  credential_name: string
  credential_description: string | null
  security_level: SecurityLevel
  /** JSON array. */
  contacts: string
  contact: string
  link: string
  expires_at: string | null
  created_at: number
  /** The session that created it (session/ownership.ts); `null` for rows older than sessions. */
  owner: string | null
}

/** Stores a request; a repeat of one already stored (a retried creation) changes nothing. */
export function insertRequest(db: Db, row: RequestRow): void {
  db.prepare(
    `INSERT INTO requests (id, credential_name, credential_description, security_level, contacts,
       contact, link, expires_at, created_at, owner)
     VALUES (@id, @credential_name, @credential_description, @security_level, @contacts,
       @contact, @link, @expires_at, @created_at, @owner)
     ON CONFLICT (id) DO NOTHING`,
  ).run(row)
}

export function getRequestRow(db: Db, id: string): RequestRow | undefined {
  return db.prepare<[string], RequestRow>('SELECT * FROM requests WHERE id = ?').get(id)
}

/** The newest requests of `owner` first. */
export function listRequestRows(db: Db, owner: string, limit: number): RequestRow[] {
  return db
    .prepare<[string, number], RequestRow>(
      'SELECT * FROM requests WHERE owner = ? ORDER BY created_at DESC, id LIMIT ?',
    )
    .all(owner, limit)
}
