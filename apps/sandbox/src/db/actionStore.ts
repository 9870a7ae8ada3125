// Actions and their versions (humanos-mandates.md section 2). Every read is scoped to one
// organization; API reads see published versions only.
import type { Db } from './database.js'

export interface ActionRow {
  id: string
  action_id: string
  org_id: string
  created_at: number
  updated_at: number
}

export interface ActionVersionRow {
  action: string
  version: number
  content: string
  digest_sri: string
  published_at: number | null
  created_at: number
  updated_at: number
}

/** A published action with its latest published version, as `GET /actions` lists it. */
export interface PublishedActionRow extends ActionRow {
  latest_version: number
  content: string
}

export function insertAction(db: Db, row: ActionRow): void {
  db.prepare(
    `INSERT INTO actions (id, action_id, org_id, created_at, updated_at)
     VALUES (@id, @action_id, @org_id, @created_at, @updated_at)`,
  ).run(row)
}

export function insertActionVersion(db: Db, row: ActionVersionRow): void {
  db.prepare(
    `INSERT INTO action_versions (action, version, content, digest_sri, published_at, created_at,
       updated_at)
     VALUES (@action, @version, @content, @digest_sri, @published_at, @created_at, @updated_at)`,
  ).run(row)
  db.prepare('UPDATE actions SET updated_at = ? WHERE id = ?').run(row.updated_at, row.action)
}

/** An action of `orgId`, by its URN or its 24-hex `actionId`. */
export function findAction(db: Db, orgId: string, ref: string): ActionRow | undefined {
  return db
    .prepare<[string, string, string], ActionRow>(
      'SELECT * FROM actions WHERE (id = ? OR action_id = ?) AND org_id = ?',
    )
    .get(ref, ref, orgId)
}

export function getActionVersion(
  db: Db,
  action: string,
  version: number,
): ActionVersionRow | undefined {
  return db
    .prepare<[string, number], ActionVersionRow>(
      'SELECT * FROM action_versions WHERE action = ? AND version = ?',
    )
    .get(action, version)
}

export function latestVersionNumber(db: Db, action: string): number {
  const row = db
    .prepare<[string], { v: number | null }>(
      'SELECT MAX(version) AS v FROM action_versions WHERE action = ?',
    )
    .get(action)
  return row?.v ?? 0
}

/** The newest published version, the one a new mandate pins. */
export function latestPublishedVersion(db: Db, action: string): ActionVersionRow | undefined {
  return db
    .prepare<[string], ActionVersionRow>(
      `SELECT * FROM action_versions WHERE action = ? AND published_at IS NOT NULL
       ORDER BY version DESC LIMIT 1`,
    )
    .get(action)
}

/** Publishes a draft; `false` when the version is not a draft (already published). */
export function publishActionVersion(db: Db, action: string, version: number, at: number) {
  const changed = db
    .prepare(
      `UPDATE action_versions SET published_at = ?, updated_at = ?
       WHERE action = ? AND version = ? AND published_at IS NULL`,
    )
    .run(at, at, action, version).changes
  if (changed) db.prepare('UPDATE actions SET updated_at = ? WHERE id = ?').run(at, action)
  return changed === 1
}

interface Page {
  pageIndex: number
  pageSize: number
  search?: string | undefined
}

function like(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** One page of `orgId`'s actions that have a published version, newest first. */
export function listPublishedActions(db: Db, orgId: string, page: Page) {
  const from = `FROM actions a JOIN action_versions v ON v.action = a.id
    AND v.version = (SELECT MAX(version) FROM action_versions
      WHERE action = a.id AND published_at IS NOT NULL)
    WHERE a.org_id = @orgId
    AND (@search IS NULL OR json_extract(v.content, '$.name') LIKE @search ESCAPE '\\'
      OR a.id LIKE @search ESCAPE '\\' OR a.action_id = @exact)`
  const params = {
    orgId,
    search: page.search ? like(page.search) : null,
    exact: page.search ?? null,
  }
  const total = db.prepare<typeof params, { n: number }>(`SELECT COUNT(*) AS n ${from}`).get(params)
  const rows = db
    .prepare<typeof params & { limit: number; offset: number }, PublishedActionRow>(
      `SELECT a.*, v.version AS latest_version, v.content ${from}
       ORDER BY a.created_at DESC, a.rowid DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: page.pageSize, offset: page.pageIndex * page.pageSize })
  return { rows, total: total?.n ?? 0 }
}

/**
 * One page of an action's published versions, newest first. `active` true keeps only the
 * latest published version (the one new mandates pin), false only the older ones.
 */
export function listPublishedVersions(
  db: Db,
  action: string,
  page: Page & { active?: boolean | undefined },
) {
  const from = `FROM action_versions v WHERE v.action = @action AND v.published_at IS NOT NULL
    AND (@search IS NULL OR json_extract(v.content, '$.name') LIKE @search ESCAPE '\\'
      OR json_extract(v.content, '$.description') LIKE @search ESCAPE '\\')
    AND (@active IS NULL OR (v.version = (SELECT MAX(version) FROM action_versions
      WHERE action = @action AND published_at IS NOT NULL)) = @active)`
  const params = {
    action,
    search: page.search ? like(page.search) : null,
    active: page.active === undefined ? null : page.active ? 1 : 0,
  }
  const total = db.prepare<typeof params, { n: number }>(`SELECT COUNT(*) AS n ${from}`).get(params)
  const rows = db
    .prepare<typeof params & { limit: number; offset: number }, ActionVersionRow>(
      `SELECT v.* ${from} ORDER BY v.version DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: page.pageSize, offset: page.pageIndex * page.pageSize })
  return { rows, total: total?.n ?? 0 }
}

/** How many credentials pin this action (a referenced action cannot be deleted). */
export function credentialsPinning(db: Db, action: string): number {
  const row = db
    .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM credentials WHERE action = ?')
    .get(action)
  return row?.n ?? 0
}

export function deleteAction(db: Db, action: string): void {
  db.prepare('DELETE FROM actions WHERE id = ?').run(action)
}
