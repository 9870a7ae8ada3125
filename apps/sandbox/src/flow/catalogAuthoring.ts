import { randomUUID } from 'node:crypto'
import type { ApprovalRow } from '../db/approvalStore.js'
import {
  approvalsByIds,
  insertApproval,
  insertWorkflow,
  workflowsByIds,
} from '../db/approvalStore.js'
import type { Db } from '../db/database.js'
import { approvalView, workflowView } from './catalogViews.js'
import { DomainCodes, DomainError } from './domainError.js'

/** What `POST /_sandbox/approvals` takes. */
export interface NewApproval {
  type: ApprovalRow['type']
  name: string
  description?: string
  content?: unknown
  internalId?: string
  active: boolean
}

/** Adds an approval template to an organization's catalog. */
export function createApproval(db: Db, orgId: string, input: NewApproval) {
  const id = randomUUID()
  insertApproval(db, {
    id,
    org_id: orgId,
    type: input.type,
    name: input.name,
    description: input.description ?? null,
    internal_id: input.internalId ?? null,
    content: input.content === undefined ? null : JSON.stringify(input.content),
    active: input.active ? 1 : 0,
    updated_at: Date.now(),
  })
  const [row] = approvalsByIds(db, orgId, [id])
  if (!row) throw new Error('Approval insert failed')
  return approvalView(db, row)
}

/**
 * Adds a workflow grouping approvals of the same organization, in the given order.
 * @throws DomainError `invalid_input` naming an approval id the organization does not have
 */
export function createWorkflow(
  db: Db,
  orgId: string,
  input: { name: string; description?: string; approvalIds: string[]; active: boolean },
) {
  return db.transaction(() => {
    const found = new Set(approvalsByIds(db, orgId, input.approvalIds).map((a) => a.id))
    input.approvalIds.forEach((approvalId, index) => {
      if (!found.has(approvalId)) {
        throw new DomainError(
          DomainCodes.INVALID_INPUT,
          `approvalIds[${index}]: no approval of yours has this id: ${approvalId}`,
        )
      }
    })
    const id = randomUUID()
    insertWorkflow(
      db,
      {
        id,
        org_id: orgId,
        name: input.name,
        description: input.description ?? null,
        active: input.active ? 1 : 0,
        updated_at: Date.now(),
      },
      input.approvalIds,
    )
    const [row] = workflowsByIds(db, orgId, [id])
    if (!row) throw new Error('Workflow insert failed')
    return workflowView(db, row)
  })()
}
