// The users, catalog, evidence and DID methods of the client (humanos-api.md).
import { createHash } from 'node:crypto'
import {
  expectShape,
  idempotencyKey,
  optionalInteger,
  segment,
  selectorQuery,
} from './callHelpers.js'
import {
  isApprovalPage,
  isDidDocument,
  isImportResults,
  isUser,
  isWorkflowPage,
} from './directoryGuards.js'
import type {
  Approval,
  DidDocument,
  EvidenceDocument,
  EvidenceEntry,
  ListApprovalsParams,
  ListWorkflowsParams,
  User,
  UserImportResult,
  UserInput,
  Workflow,
} from './directoryTypes.js'
import { HumanosRequestError } from './errors.js'
import type { Call, Answer } from './transport.js'
import type { Page, SubjectSelector } from './types.js'

interface Options {
  signal?: AbortSignal
}

interface KeyOptions extends Options {
  idempotencyKey?: string
}

/** The users, catalog, evidence and DID methods of {@link HumanosClient}. */
export interface DirectoryMethods {
  /**
   * `POST /user`: imports users into your organization. Resolves with one result per user, in
   * order (`200` created, `409` already exists, `400` invalid): one bad item does not refuse
   * the others. Idempotent: carries an `Idempotency-Key`.
   * @example
   * ```ts
   * const [result] = await humanos.importUsers([{ contact: 'ana@example.com', internalId: 'c-42' }])
   * if (result.status === 200) console.log(result.user.id) // the user's DID
   * ```
   */
  importUsers(users: UserInput[], options?: KeyOptions): Promise<UserImportResult[]>
  /**
   * `GET /user`: one user of your organization, by exactly one of `contact`, `id` (the DID)
   * or `internalId`. Rejects with a `HumanosApiError` `404` when there is none.
   * @example
   * ```ts
   * const user = await humanos.getUser({ internalId: 'c-42' })
   * ```
   */
  getUser(selector: SubjectSelector, options?: Options): Promise<User>
  /**
   * `GET /approvals`: your organization's approval templates (documents, consents, forms),
   * paginated; their ids go in `resourcesIds` of `createRequest`.
   * @example
   * ```ts
   * const { data } = await humanos.listApprovals({ active: true, types: ['DOCUMENT'] })
   * await humanos.createRequest({ contacts: ['ana@example.com'], resourcesIds: [data[0]!.id] })
   * ```
   */
  listApprovals(params?: ListApprovalsParams, options?: Options): Promise<Page<Approval>>
  /**
   * `GET /workflows`: your organization's workflows (named groups of approvals), paginated;
   * their ids go in `groupIds` of `createRequest`.
   * @example
   * ```ts
   * const { data } = await humanos.listWorkflows({ search: 'onboarding' })
   * ```
   */
  listWorkflows(params?: ListWorkflowsParams, options?: Options): Promise<Page<Workflow>>
  /**
   * `GET /evidences/:evidenceId`: one evidence document of a credential, as exact bytes. Given
   * an entry of `w3cCredential.evidences`, it fetches the entry's `location` and checks the
   * bytes against its `digestSRI`, rejecting with `HumanosRequestError` `invalid_response`
   * when they differ.
   * @param evidence an entry `{ id, digestSRI, location }`, or the `:evidenceId` itself
   * @example
   * ```ts
   * for (const entry of credential.w3cCredential.evidences as EvidenceEntry[]) {
   *   const doc = await humanos.getEvidence(entry) // throws if the bytes do not match
   *   console.log(doc.json)
   * }
   * ```
   */
  getEvidence(evidence: EvidenceEntry | string, options?: Options): Promise<EvidenceDocument>
  /**
   * `GET /did/:did`: resolves a DID (the platform's, its key's, an issuer's, one of your
   * users' or credentials') to its W3C DID document. `404` for an unknown DID.
   * @example
   * ```ts
   * const doc = await humanos.resolveDid(proof.verificationMethod.split('#')[0])
   * ```
   */
  resolveDid(did: string, options?: Options): Promise<DidDocument>
}

function sri(bytes: Uint8Array): string {
  return `sha256-${createHash('sha256').update(bytes).digest('base64')}`
}

function evidenceIdOf(evidence: EvidenceEntry | string): string {
  if (typeof evidence === 'string') return evidence
  if (typeof evidence !== 'object' || evidence === null || typeof evidence.location !== 'string') {
    throw new TypeError('getEvidence: give an evidence entry { id, digestSRI, location } or its id')
  }
  const id = /\/evidences\/([^/?#]+)$/.exec(evidence.location)?.[1]
  if (!id) throw new TypeError(`getEvidence: ${evidence.location} is not a /evidences/:id URL`)
  return decodeURIComponent(id)
}

function catalogQuery(params: ListApprovalsParams, method: string): string {
  const query = new URLSearchParams()
  const pageIndex = optionalInteger(params.pageIndex, 'pageIndex', method)
  const pageSize = optionalInteger(params.pageSize, 'pageSize', method)
  if (pageIndex !== undefined) query.set('pageIndex', pageIndex)
  if (pageSize !== undefined) query.set('pageSize', pageSize)
  if (params.search !== undefined) query.set('search', String(params.search))
  if (params.active !== undefined) query.set('active', String(params.active === true))
  if (params.types !== undefined) {
    if (!Array.isArray(params.types)) throw new TypeError(`${method}: types must be an array`)
    query.set('types', params.types.join(','))
  }
  const qs = query.toString()
  return qs ? `?${qs}` : ''
}

/** Builds the methods of {@link DirectoryMethods} over one signed `call`. */
export function directoryMethods(call: (c: Call) => Promise<Answer>): DirectoryMethods {
  return {
    async importUsers(users, opts) {
      if (!Array.isArray(users)) throw new TypeError('importUsers: users must be an array')
      const result = await call({
        method: 'POST',
        path: '/user',
        body: users,
        idempotencyKey: idempotencyKey(opts),
        repeat: 'repeatable',
        signal: opts?.signal,
      })
      return expectShape(result, isImportResults, 'POST /user')
    },

    async getUser(selector, opts) {
      const path = `/user?${selectorQuery(selector, 'getUser')}`
      const result = await call({ method: 'GET', path, repeat: 'repeatable', signal: opts?.signal })
      return expectShape(result, isUser, 'GET /user')
    },

    async listApprovals(params = {}, opts) {
      const path = `/approvals${catalogQuery(params, 'listApprovals')}`
      const result = await call({ method: 'GET', path, repeat: 'repeatable', signal: opts?.signal })
      return expectShape(result, isApprovalPage, 'GET /approvals')
    },

    async listWorkflows(params = {}, opts) {
      const path = `/workflows${catalogQuery({ ...params, types: undefined }, 'listWorkflows')}`
      const result = await call({ method: 'GET', path, repeat: 'repeatable', signal: opts?.signal })
      return expectShape(result, isWorkflowPage, 'GET /workflows')
    },

    async getEvidence(evidence, opts) {
      const evidenceId = evidenceIdOf(evidence)
      const path = `/evidences/${segment(evidenceId, 'evidenceId')}`
      const result = await call({ method: 'GET', path, repeat: 'repeatable', signal: opts?.signal })
      const digestSRI = sri(result.bytes)
      if (typeof evidence !== 'string' && evidence.digestSRI !== digestSRI) {
        throw new HumanosRequestError(
          'invalid_response',
          `Evidence ${evidenceId}: the served bytes hash to ${digestSRI}, not the entry's ${String(evidence.digestSRI)}`,
          { attempts: result.attempts },
        )
      }
      return { evidenceId, bytes: result.bytes, digestSRI, json: result.data }
    },

    async resolveDid(did, opts) {
      if (typeof did !== 'string' || !did.startsWith('did:')) {
        throw new TypeError('resolveDid: did must be a DID string (did:<method>:...)')
      }
      // The whole DID is one path segment: its ':' and '%' are encoded.
      const path = `/did/${encodeURIComponent(did)}`
      const result = await call({ method: 'GET', path, repeat: 'repeatable', signal: opts?.signal })
      return expectShape(result, isDidDocument, 'GET /did/:did')
    },
  }
}
