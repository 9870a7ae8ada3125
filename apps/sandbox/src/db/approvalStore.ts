import type { Db } from './database.js'

export interface ApprovalRow {
  id: string
  org_id: string
  seq: number
  type: 'DOCUMENT' | 'CONSENT' | 'FORM' | 'JSON'
  name: string
  description: string | null
  internal_id: string | null
  /** JSON, or `null`. */
  content: string | null
  active: number
  updated_at: number
}

export interface WorkflowRow {
  id: string
  org_id: string
  seq: number
  name: string
  description: string | null
  active: number
  updated_at: number
}

/** Filters of `GET /approvals` and `GET /workflows`. */
export interface CatalogQuery {
  pageIndex: number
  pageSize: number
  search?: string
  active?: boolean
  types?: string[]
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

export function insertApproval(db: Db, row: Omit<ApprovalRow, 'seq'>): void {
  db.prepare(
    `INSERT INTO approvals (id, org_id, seq, type, name, description, internal_id, content,
       active, updated_at)
     VALUES (@id, @org_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM approvals), @type, @name,
       @description, @internal_id, @content, @active, @updated_at)`,
  ).run(row)
}

/** An organization's approvals with these ids (another organization's are left out). */
export function approvalsByIds(db: Db, orgId: string, ids: readonly string[]): ApprovalRow[] {
  const found = db
    .prepare<[string, string], ApprovalRow>(
      `SELECT * FROM approvals WHERE org_id = ? AND id IN (SELECT value FROM json_each(?))`,
    )
    .all(orgId, JSON.stringify(ids))
  const byId = new Map(found.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** One page of an organization's approvals, newest first. */
export function listApprovals(
  db: Db,
  orgId: string,
  query: CatalogQuery,
): { rows: ApprovalRow[]; total: number } {
  const where = ['org_id = @orgId']
  const params: Record<string, string | number> = { orgId }
  if (query.search) {
    where.push(`(name LIKE @like ESCAPE '\\' OR description LIKE @like ESCAPE '\\'
      OR internal_id LIKE @like ESCAPE '\\')`)
    params.like = likePattern(query.search)
  }
  if (query.active !== undefined) {
    where.push('active = @active')
    params.active = query.active ? 1 : 0
  }
  if (query.types !== undefined) {
    where.push('type IN (SELECT value FROM json_each(@types))')
    params.types = JSON.stringify(query.types)
  }
  return page<ApprovalRow>(db, 'approvals', where, params, query)
}

function page<T>(
  db: Db,
  table: 'approvals' | 'workflows',
  where: string[],
  params: Record<string, string | number>,
  query: CatalogQuery,
): { rows: T[]; total: number } {
  const clause = `WHERE ${where.join(' AND ')}`
  const total = db
    .prepare<Record<string, string | number>, { n: number }>(
      `SELECT COUNT(*) AS n FROM ${table} ${clause}`,
    )
    .get(params)
  const rows = db
    .prepare<Record<string, string | number>, T>(
      `SELECT * FROM ${table} ${clause} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: query.pageSize, offset: query.pageIndex * query.pageSize })
  return { rows, total: total?.n ?? 0 }
}

export function insertWorkflow(
  db: Db,
  row: Omit<WorkflowRow, 'seq'>,
  approvalIds: readonly string[],
): void {
  db.prepare(
    `INSERT INTO workflows (id, org_id, seq, name, description, active, updated_at)
     VALUES (@id, @org_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM workflows), @name,
       @description, @active, @updated_at)`,
  ).run(row)
  const link = db.prepare(
    'INSERT INTO workflow_approvals (workflow_id, approval_id, position) VALUES (?, ?, ?)',
  )
  approvalIds.forEach((approvalId, position) => link.run(row.id, approvalId, position))
}

/** An organization's workflows with these ids (another organization's are left out). */
export function workflowsByIds(db: Db, orgId: string, ids: readonly string[]): WorkflowRow[] {
  const found = db
    .prepare<[string, string], WorkflowRow>(
      `SELECT * FROM workflows WHERE org_id = ? AND id IN (SELECT value FROM json_each(?))`,
    )
    .all(orgId, JSON.stringify(ids))
  const byId = new Map(found.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** A workflow's approvals, in their order. */
export function approvalsOfWorkflow(db: Db, workflowId: string): ApprovalRow[] {
  return db
    .prepare<[string], ApprovalRow>(
      `SELECT a.* FROM workflow_approvals w JOIN approvals a ON a.id = w.approval_id
       WHERE w.workflow_id = ? ORDER BY w.position`,
    )
    .all(workflowId)
}

/** The workflows an approval belongs to. */
export function workflowIdsOf(db: Db, approvalId: string): string[] {
  return db
    .prepare<[string], { id: string }>(
      'SELECT workflow_id AS id FROM workflow_approvals WHERE approval_id = ? ORDER BY workflow_id',
    )
    .all(approvalId)
    .map((row) => row.id)
}

/** One page of an organization's workflows, newest first. */
export function listWorkflows(
  db: Db,
  orgId: string,
  query: CatalogQuery,
): { rows: WorkflowRow[]; total: number } {
  const where = ['org_id = @orgId']
  const params: Record<string, string | number> = { orgId }
  if (query.search) {
    where.push(`(name LIKE @like ESCAPE '\\' OR description LIKE @like ESCAPE '\\')`)
    params.like = likePattern(query.search)
  }
  if (query.active !== undefined) {
    where.push('active = @active')
    params.active = query.active ? 1 : 0
  }
  return page<WorkflowRow>(db, 'workflows', where, params, query)
}
