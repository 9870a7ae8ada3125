// The activity log (humanos-mandates.md section 7): append-only, one row per state change,
// written by the same transaction as the change.
import type { Db } from './database.js'

export interface ActivityRow {
  seq: number
  id: string
  org_id: string
  type: string
  entity_type: string
  entity_id: string
  actor_did: string | null
  subject_did: string | null
  payload: string
  created_at: number
}

export type NewActivity = Omit<ActivityRow, 'seq'>

export function insertActivity(db: Db, row: NewActivity): void {
  db.prepare(
    `INSERT INTO activity (id, org_id, type, entity_type, entity_id, actor_did, subject_did,
       payload, created_at)
     VALUES (@id, @org_id, @type, @entity_type, @entity_id, @actor_did, @subject_did, @payload,
       @created_at)`,
  ).run(row)
}

/** Filters of `GET /activity`; times are milliseconds, `to` exclusive. */
export interface ActivityFilter {
  types?: string[] | undefined
  entityType?: string | undefined
  entityId?: string | undefined
  actorDid?: string | undefined
  subjectDid?: string | undefined
  from?: number | undefined
  to?: number | undefined
  pageIndex: number
  pageSize: number
}

/** One page of `orgId`'s events, newest first. */
export function listActivity(db: Db, orgId: string, filter: ActivityFilter) {
  const where = ['org_id = @orgId']
  const params: Record<string, string | number> = { orgId }
  if (filter.types?.length) {
    const names = filter.types.map((type, i) => {
      params[`type${i}`] = type
      return `@type${i}`
    })
    where.push(`type IN (${names.join(', ')})`)
  }
  const exact = {
    entity_type: filter.entityType,
    entity_id: filter.entityId,
    actor_did: filter.actorDid,
    subject_did: filter.subjectDid,
  }
  for (const [column, value] of Object.entries(exact)) {
    if (value === undefined) continue
    params[column] = value
    where.push(`${column} = @${column}`)
  }
  if (filter.from !== undefined) {
    params.from = filter.from
    where.push('created_at >= @from')
  }
  if (filter.to !== undefined) {
    params.to = filter.to
    where.push('created_at < @to')
  }
  const clause = where.join(' AND ')
  const total = db
    .prepare<typeof params, { n: number }>(`SELECT COUNT(*) AS n FROM activity WHERE ${clause}`)
    .get(params)
  const rows = db
    .prepare<typeof params, ActivityRow>(
      `SELECT * FROM activity WHERE ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: filter.pageSize, offset: filter.pageIndex * filter.pageSize })
  return { rows, total: total?.n ?? 0 }
}
