// Approvals (templates of documents, consents, forms) and workflows (named groups of
// approvals): the organization's catalog that `resourcesIds` and `groupIds` of POST /request
// draw credentials from.
import type { ApprovalRow } from '../db/approvalStore.js'
import { approvalsByIds, approvalsOfWorkflow, workflowsByIds } from '../db/approvalStore.js'
import type { Db } from '../db/database.js'
import type { CredentialSpec } from './createRequest.js'
import { DomainCodes, DomainError } from './domainError.js'

function specOf(approval: ApprovalRow): CredentialSpec {
  return {
    type: approval.type,
    name: approval.name,
    description: approval.description ?? undefined,
    internalId: approval.internal_id ?? undefined,
    data: approval.content === null ? undefined : (JSON.parse(approval.content) as unknown),
  }
}

/**
 * The credentials of `resourcesIds` (approvals) then `groupIds` (workflows: their active
 * approvals, in order), each approval once.
 * @throws DomainError `invalid_input` naming an id the organization has no active item for
 */
export function resolveCatalogCredentials(
  db: Db,
  orgId: string,
  resourcesIds: readonly string[],
  groupIds: readonly string[],
): CredentialSpec[] {
  const approvals = approvalsByIds(db, orgId, resourcesIds)
  resourcesIds.forEach((id, index) => {
    const found = approvals.find((a) => a.id === id)
    if (!found || found.active !== 1) {
      throw new DomainError(
        DomainCodes.INVALID_INPUT,
        `resourcesIds[${index}]: ${found ? 'approval is inactive' : 'no approval of yours has this id'}: ${id}`,
      )
    }
  })
  const workflows = workflowsByIds(db, orgId, groupIds)
  const fromGroups = groupIds.flatMap((id, index) => {
    const found = workflows.find((w) => w.id === id)
    if (!found || found.active !== 1) {
      throw new DomainError(
        DomainCodes.INVALID_INPUT,
        `groupIds[${index}]: ${found ? 'workflow is inactive' : 'no workflow of yours has this id'}: ${id}`,
      )
    }
    return approvalsOfWorkflow(db, id).filter((a) => a.active === 1)
  })
  const seen = new Set<string>()
  return [...approvals, ...fromGroups]
    .filter((approval) => !seen.has(approval.id) && seen.add(approval.id))
    .map(specOf)
}
