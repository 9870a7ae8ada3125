import type { Db } from './database.js'
import type { RequestRow, UserRow } from './rows.js'
import { getUserByContact } from './userStore.js'

/** Inserts a request; `seq` orders the list, newest first. */
export function insertRequest(db: Db, row: Omit<RequestRow, 'seq'>): void {
  db.prepare(
    `INSERT INTO requests (id, org_id, seq, name, internal_id, security_level, language,
       redirect_url, pub_key, authorized_dids, created_at, expires_at, canceled_at,
       expected_doc_ids)
     VALUES (@id, @org_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM requests), @name, @internal_id,
       @security_level, @language, @redirect_url, @pub_key, @authorized_dids, @created_at,
       @expires_at, @canceled_at, @expected_doc_ids)`,
  ).run(row)
}

/**
 * A request of organization `orgId` (of any organization when `null`: the Link page finds a
 * request by its session, which is a capability of its own).
 */
export function getRequest(db: Db, orgId: string | null, id: string): RequestRow | undefined {
  return db
    .prepare<{ id: string; orgId: string | null }, RequestRow>(
      'SELECT * FROM requests WHERE id = @id AND (@orgId IS NULL OR org_id = @orgId)',
    )
    .get({ id, orgId })
}

export function markRequestCanceled(db: Db, id: string, at: number): void {
  db.prepare('UPDATE requests SET canceled_at = ? WHERE id = ?').run(at, id)
}

/**
 * The user behind a contact in an organization, created on first use; the same contact keeps
 * its number (and so its DID) forever.
 */
export function userFor(db: Db, orgId: string, contact: string, now: number): UserRow {
  const find = () => getUserByContact(db, orgId, contact)
  const found = find()
  if (found) return found
  // Looked up first: an ignored INSERT would still use up an AUTOINCREMENT number.
  db.prepare('INSERT INTO users (org_id, contact, created_at) VALUES (?, ?, ?)').run(
    orgId,
    contact,
    now,
  )
  const row = find()
  if (!row) throw new Error('User insert failed')
  return row
}

/** Filters of `GET /request`. */
export interface RequestListQuery {
  pageIndex: number
  pageSize: number
  search?: string
  internalId?: string
  subjectContact?: string
  /** A user number, parsed from the subject's DID. */
  subjectUser?: number
  subjectInternalId?: string
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/**
 * One page of an organization's requests, newest first. `search` matches the id, name,
 * internal id or a contact (case-insensitive, substring); the other filters match exactly, the
 * `subject*` ones any subject of the request.
 */
export function listRequests(
  db: Db,
  orgId: string,
  query: RequestListQuery,
): { rows: RequestRow[]; total: number } {
  const where: string[] = ['org_id = @orgId']
  const params: Record<string, string | number> = { orgId }
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
  if (query.subjectContact !== undefined) {
    where.push('id IN (SELECT request_id FROM sessions WHERE contact = @subjectContact)')
    params.subjectContact = query.subjectContact
  }
  if (query.subjectUser !== undefined) {
    where.push('id IN (SELECT request_id FROM sessions WHERE user_id = @subjectUser)')
    params.subjectUser = query.subjectUser
  }
  if (query.subjectInternalId !== undefined) {
    where.push(`id IN (SELECT s.request_id FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE u.org_id = @orgId AND u.internal_id = @subjectInternalId)`)
    params.subjectInternalId = query.subjectInternalId
  }
  const clause = `WHERE ${where.join(' AND ')}`
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
