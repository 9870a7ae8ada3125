// Shape checks of the users, catalog and DID answers (they ignore extra fields).
import type { Approval, DidDocument, User, UserImportResult, Workflow } from './directoryTypes.js'
import { isArrayOf, isObj, isOptStr, isStr } from './guards.js'
import type { Page } from './types.js'

export function isUser(v: unknown): v is User {
  return (
    isObj(v) &&
    isStr(v.id) &&
    isArrayOf(v.contacts, isStr) &&
    isStr(v.identityStatus) &&
    isStr(v.organization) &&
    isStr(v.createdAt) &&
    isOptStr(v.internalId)
  )
}

function isImportResult(v: unknown): v is UserImportResult {
  return (
    isObj(v) &&
    typeof v.status === 'number' &&
    isStr(v.message) &&
    (v.user === undefined || isUser(v.user))
  )
}

export function isImportResults(v: unknown): v is UserImportResult[] {
  return isArrayOf(v, isImportResult)
}

function isApproval(v: unknown): v is Approval {
  return (
    isObj(v) &&
    isStr(v.id) &&
    isStr(v.type) &&
    isStr(v.name) &&
    typeof v.active === 'boolean' &&
    isArrayOf(v.groupIds, isStr) &&
    isStr(v.updatedAt)
  )
}

function isWorkflow(v: unknown): v is Workflow {
  return (
    isObj(v) &&
    isStr(v.id) &&
    isStr(v.name) &&
    typeof v.active === 'boolean' &&
    isArrayOf(v.approvals, (a): a is Workflow['approvals'][number] => isObj(a) && isStr(a.id)) &&
    isStr(v.updatedAt)
  )
}

function pageOf<T>(item: (x: unknown) => x is T) {
  return (v: unknown): v is Page<T> =>
    isObj(v) &&
    isArrayOf(v.data, item) &&
    typeof v.totalPages === 'number' &&
    Number.isInteger(v.totalPages) &&
    v.totalPages >= 0
}

export const isApprovalPage = pageOf(isApproval)
export const isWorkflowPage = pageOf(isWorkflow)

export function isDidDocument(v: unknown): v is DidDocument {
  return isObj(v) && isStr(v.id) && v.id.startsWith('did:')
}
