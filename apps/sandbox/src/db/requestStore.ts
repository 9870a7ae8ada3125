import type { Db } from './database'
import type { RequestRow } from './rows'

/** Inserts a request; `seq` orders the list, newest first. */
export function insertRequest(db: Db, row: Omit<RequestRow, 'seq'>): void {
  db.prepare(
    `INSERT INTO requests (id, seq, name, internal_id, security_level, language, redirect_url,
       pub_key, authorized_dids, created_at, expires_at, canceled_at)
     VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM requests), @name, @internal_id,
       @security_level, @language, @redirect_url, @pub_key, @authorized_dids, @created_at,
       @expires_at, @canceled_at)`,
  ).run(row)
}

export function getRequest(db: Db, id: string): RequestRow | undefined {
  return db.prepare<[string], RequestRow>('SELECT * FROM requests WHERE id = ?').get(id)
}

export function markRequestCanceled(db: Db, id: string, at: number): void {
  db.prepare('UPDATE requests SET canceled_at = ? WHERE id = ?').run(at, id)
}

/** The user number behind a contact's DID; the same contact keeps its number forever. */
export function userNumberFor(db: Db, contact: string): number {
  db.prepare('INSERT OR IGNORE INTO users (contact) VALUES (?)').run(contact)
  const row = db
    .prepare<[string], { id: number }>('SELECT id FROM users WHERE contact = ?')
    .get(contact)
  if (!row) throw new Error('User insert failed')
  return row.id
}

/** Filters of `GET /request`. */
export interface RequestListQuery {
  pageIndex: number
  pageSize: number
  search?: string
  internalId?: string
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/**
 * One page of requests, newest first. `search` matches the id, name, internal id or a contact
 * (case-insensitive, substring); `internalId` matches exactly.
 */
export function listRequests(
  db: Db,
  query: RequestListQuery,
): { rows: RequestRow[]; total: number } {
  const where: string[] = []
  const params: Record<string, string | number> = {}
  if (query.internalId !== undefined) {
    where.push('internal_id = @internalId')
    params.internalId = query.internalId
  }
  if (query.search !== undefined && query.search !== '') {
    where.push(`(id = @exact OR name LIKE @like ESCAPE '\\' OR internal_id LIKE @like ESCAPE '\\'
      OR id IN (SELECT request_id FROM sessions WHERE contact LIKE @like ESCAPE '\\'))`)
    params.exact = query.search
    params.like = likePattern(query.search)
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  const total = db
    .prepare<Record<string, string | number>, { n: number }>(
      `SELECT COUNT(*) AS n FROM requests ${clause}`,
    )
    .get(params)
  const rows = db
    .prepare<Record<string, string | number>, RequestRow>(
      `SELECT * FROM requests ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: query.pageSize, offset: query.pageIndex * query.pageSize })
  return { rows, total: total?.n ?? 0 }
}
