import type { ApprovalRow, WorkflowRow } from '../db/approvalStore.js'
import { approvalsOfWorkflow, workflowIdsOf } from '../db/approvalStore.js'
import type { Db } from '../db/database.js'
import { isoDate } from './ids.js'

/** An approval as `GET /approvals` lists it. */
export function approvalView(db: Db, row: ApprovalRow) {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    description: row.description ?? undefined,
    active: row.active === 1,
    internalId: row.internal_id ?? undefined,
    groupIds: workflowIdsOf(db, row.id),
    content: row.content === null ? undefined : (JSON.parse(row.content) as unknown),
    updatedAt: isoDate(row.updated_at),
  }
}

/** A workflow as `GET /workflows` lists it. */
export function workflowView(db: Db, row: WorkflowRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? undefined,
    active: row.active === 1,
    approvals: approvalsOfWorkflow(db, row.id).map((a) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      active: a.active === 1,
      internalId: a.internal_id ?? undefined,
    })),
    updatedAt: isoDate(row.updated_at),
  }
}
