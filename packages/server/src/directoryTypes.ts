// Shapes of the users, catalog, evidence and DID operations of humanos-api.md.
import type { IdentityStatus } from './types.js'

/** One user to import with `importUsers` (`POST /user`). */
export interface UserInput {
  /** An email or an E.164 phone number. */
  contact: string
  internalId?: string
  /** More contacts of the same person. */
  extraContacts?: string[]
  /** What your organization already verified about the person. */
  identity?: Record<string, unknown>
}

/** A user of your organization (`GET /user`). */
export interface User {
  /** The user's DID. */
  id: string
  contacts: string[]
  identityStatus: IdentityStatus
  /** Your organization's id. */
  organization: string
  createdAt: string
  internalId?: string
  [field: string]: unknown
}

/**
 * The result of one imported user, in the order given: `status` `200` created, `409` already
 * exists, `400` invalid (then `message` says why).
 */
export interface UserImportResult {
  status: number
  message: string
  user?: User
}

/** Kind of an approval template. */
export type ApprovalType = 'DOCUMENT' | 'CONSENT' | 'FORM' | 'JSON'

/** An approval template of your organization (`GET /approvals`). */
export interface Approval {
  id: string
  type: ApprovalType
  name: string
  description?: string
  active: boolean
  internalId?: string
  /** The workflows it belongs to. */
  groupIds: string[]
  content?: unknown
  updatedAt: string
  [field: string]: unknown
}

/** A workflow: a named group of approvals (`GET /workflows`). */
export interface Workflow {
  id: string
  name: string
  description?: string
  active: boolean
  approvals: {
    id: string
    name: string
    type: ApprovalType
    active: boolean
    internalId?: string
  }[]
  updatedAt: string
  [field: string]: unknown
}

/** Query of `GET /approvals`. */
export interface ListApprovalsParams {
  pageIndex?: number
  /** 5-100. */
  pageSize?: number
  /** At most 100 characters. */
  search?: string
  active?: boolean
  types?: ApprovalType[]
}

/** Query of `GET /workflows`. */
export interface ListWorkflowsParams {
  pageIndex?: number
  pageSize?: number
  search?: string
  active?: boolean
}

/** One entry of `w3cCredential.evidences`. */
export interface EvidenceEntry {
  id: string
  /** `sha256-` + base64 of the SHA-256 of the document's bytes. */
  digestSRI: string
  /** The URL of `GET /evidences/:evidenceId`. */
  location: string
}

/** One evidence document, as served. */
export interface EvidenceDocument {
  /** The `:evidenceId` it was fetched by. */
  evidenceId: string
  /** The exact bytes served (what `digestSRI` hashes). */
  bytes: Uint8Array
  /** `sha256-` + base64 of {@link bytes}, computed here. */
  digestSRI: string
  /** The bytes parsed as JSON, or `undefined` when they are not JSON. */
  json: unknown
}

/** A W3C DID document, as `GET /did/:did` resolves it. */
export interface DidDocument {
  id: string
  controller?: string
  verificationMethod?: {
    id: string
    type: string
    controller: string
    publicKeyMultibase?: string
  }[]
  [field: string]: unknown
}
