// The agent-mandate methods of the client (humanos-mandates.md). Presentations, verifications
// and revocations each create a receipt, so they are sent with `repeat: 'once'`: retried only
// when the server surely did not act (429, connection refused), never blindly.
import { HumanosApiError, HumanosRequestError } from './errors.js'
import { isObj } from './guards.js'
import { segment } from './callHelpers.js'
import {
  isActionSummary,
  isActionVersion,
  isActivityEvent,
  isAllowed,
  isDenied,
  isIssuedPresentation,
  isPageOf,
  isRevocation,
  isStoredReceipt,
} from './mandateGuards.js'
import type {
  ActionSummary,
  ActionVersion,
  ActivityEvent,
  ActivityFilters,
  IssuedPresentation,
  ListActionsParams,
  ListActionVersionsParams,
  Revocation,
  StoredReceipt,
  VerificationResult,
  VerifyPresentationInput,
} from './mandateTypes.js'
import type { Answer, Call } from './transport.js'
import type { Page, RevokeCredentialInput } from './types.js'

interface Options {
  signal?: AbortSignal
}

/** The mandate methods of {@link HumanosClient}. */
export interface MandateMethods {
  /**
   * `GET /actions`: the organization's published actions, newest first.
   * @example
   * const { data } = await humanos.listActions({ search: 'groceries' })
   */
  listActions(params?: ListActionsParams, options?: Options): Promise<Page<ActionSummary>>
  /**
   * `GET /actions/version/:id`: the published versions of one action (URN or `actionId`).
   * @example
   * const { data: [latest] } = await humanos.listActionVersions(actionId, { active: true })
   */
  listActionVersions(
    actionId: string,
    params?: ListActionVersionsParams,
    options?: Options,
  ): Promise<Page<ActionVersion>>
  /**
   * `POST /credential/vp/:vcId`: a fresh presentation of an `ACTIVE` mandate, valid 5 minutes.
   * With `targetVerifier` it is bound to that verifier (`proof.domain`) and a one-time
   * `proof.challenge`. Not retried once sent (each call creates a receipt).
   * @throws HumanosApiError `403` when the mandate cannot be presented; `error.body.reason` is
   *   `credential_revoked`, `credential_expired` or `credential_not_active`
   * @example
   * const { presentation } = await humanos.issuePresentation(credentialId, {
   *   targetVerifier: 'did:web:shop.example',
   * })
   */
  issuePresentation(
    vcId: string,
    input?: { targetVerifier?: string },
    options?: Options,
  ): Promise<IssuedPresentation>
  /**
   * `POST /credential/verify`: checks a presentation and the action's rules for one act.
   * A deny is an answer (`decision: 'deny'` with its `reason`, `evaluations` and `receipt`),
   * not an error. Not retried once sent.
   * @example
   * const result = await humanos.verifyPresentation({
   *   presentation,
   *   executionParams: { amount: 30, category: 'groceries' },
   *   verifier: 'did:web:shop.example',
   *   challenge: presentation.proof.challenge,
   * })
   * if (result.decision === 'deny') console.log(result.reason, result.evaluations)
   */
  verifyPresentation(input: VerifyPresentationInput, options?: Options): Promise<VerificationResult>
  /**
   * `DELETE /credential/revoke/:credentialId`: revokes an `ACTIVE` mandate; later
   * presentations and verifications are denied with `credential_revoked`.
   * @throws HumanosApiError `409` when the credential is not `ACTIVE`
   * @example
   * const { receipt } = await humanos.revokeCredential(credentialId, { reason: 'user_initiated' })
   */
  revokeCredential(
    credentialId: string,
    input?: RevokeCredentialInput,
    options?: Options,
  ): Promise<Revocation>
  /**
   * `GET /receipt/:receiptId`: a stored, signed receipt; check it with {@link verifyReceipt}.
   * @example
   * const stored = await humanos.getReceipt(result.receipt.id)
   */
  getReceipt(receiptId: string, options?: Options): Promise<StoredReceipt>
  /**
   * `GET /activity`: one page of activity events, newest first.
   * @example
   * const page = await humanos.listActivity({ entityId: credentialId, type: ['VP_VERIFIED'] })
   */
  listActivity(filters?: ActivityFilters, options?: Options): Promise<Page<ActivityEvent>>
  /**
   * Every activity event matching `filters`, newest first, fetching page after page.
   * @example
   * for await (const event of humanos.allActivity({ entityId: credentialId })) {
   *   console.log(event.type, event.createdAt)
   * }
   */
  allActivity(
    filters?: Omit<ActivityFilters, 'pageIndex'>,
    options?: Options,
  ): AsyncIterableIterator<ActivityEvent>
}

function invalid(answer: Answer, what: string): never {
  throw new HumanosRequestError(
    'invalid_response',
    `The answer to ${what} does not have the documented shape`,
    { attempts: answer.attempts },
  )
}

function setPage(query: URLSearchParams, params: { pageIndex?: number; pageSize?: number }) {
  for (const name of ['pageIndex', 'pageSize'] as const) {
    const value = params[name]
    if (value === undefined) continue
    if (!Number.isInteger(value) || value < 0) {
      throw new TypeError(`${name} must be a non-negative integer`)
    }
    query.set(name, String(value))
  }
}

function withQuery(path: string, query: URLSearchParams): string {
  const text = query.toString()
  return text ? `${path}?${text}` : path
}

function activityQuery(filters: ActivityFilters): URLSearchParams {
  const query = new URLSearchParams()
  setPage(query, filters)
  const types = filters.type === undefined ? [] : [filters.type].flat()
  for (const type of types) query.append('type', String(type))
  for (const name of [
    'entityType',
    'entityId',
    'actorDid',
    'subjectDid',
    'dateFrom',
    'dateTo',
  ] as const) {
    const value = filters[name]
    if (value !== undefined) query.set(name, String(value))
  }
  if (filters.dateTo !== undefined && filters.dateFrom === undefined) {
    throw new TypeError('listActivity: dateTo needs dateFrom')
  }
  return query
}

/** Builds the mandate methods over the client's signed transport. */
export function mandateMethods(call: (c: Call) => Promise<Answer>): MandateMethods {
  const methods: MandateMethods = {
    async listActions(params = {}, opts) {
      const query = new URLSearchParams()
      setPage(query, params)
      if (params.search !== undefined) query.set('search', String(params.search))
      const path = withQuery('/actions', query)
      const answer = await call({ method: 'GET', path, repeat: 'repeatable', signal: opts?.signal })
      if (!isPageOf(answer.data, isActionSummary)) invalid(answer, 'GET /actions')
      return answer.data
    },

    async listActionVersions(actionId, params = {}, opts) {
      const query = new URLSearchParams()
      setPage(query, params)
      if (params.search !== undefined) query.set('search', String(params.search))
      if (params.active !== undefined) query.set('active', String(params.active))
      const path = withQuery(`/actions/version/${segment(actionId, 'actionId')}`, query)
      const answer = await call({ method: 'GET', path, repeat: 'repeatable', signal: opts?.signal })
      if (!isPageOf(answer.data, isActionVersion)) invalid(answer, 'GET /actions/version/:id')
      return answer.data
    },

    async issuePresentation(vcId, input = {}, opts) {
      const body =
        input.targetVerifier === undefined ? {} : { targetVerifier: String(input.targetVerifier) }
      const path = `/credential/vp/${segment(vcId, 'vcId')}`
      const answer = await call({
        method: 'POST',
        path,
        body,
        repeat: 'once',
        signal: opts?.signal,
      })
      if (!isIssuedPresentation(answer.data)) invalid(answer, 'POST /credential/vp/:vcId')
      return answer.data
    },

    async verifyPresentation(input, opts) {
      if (!isObj(input) || !isObj(input.presentation)) {
        throw new TypeError(
          'verifyPresentation: input.presentation must be the presentation object',
        )
      }
      const body = {
        presentation: input.presentation,
        executionParams: input.executionParams ?? {},
        ...(input.verifier === undefined ? {} : { verifier: input.verifier }),
        ...(input.challenge === undefined ? {} : { challenge: input.challenge }),
      }
      let answer: Answer
      try {
        answer = await call({
          method: 'POST',
          path: '/credential/verify',
          body,
          repeat: 'once',
          signal: opts?.signal,
        })
      } catch (error) {
        // A deny is a 403 with the decision in the error body: hand it back as an answer.
        if (error instanceof HumanosApiError && error.status === 403 && isDenied(error.body)) {
          const { reason, message, evaluations, receipt } = error.body
          return { decision: 'deny', reason, message, evaluations, receipt }
        }
        throw error
      }
      if (!isAllowed(answer.data)) invalid(answer, 'POST /credential/verify')
      return answer.data
    },

    async revokeCredential(credentialId, input = {}, opts) {
      const path = `/credential/revoke/${segment(credentialId, 'credentialId')}`
      const body = input.reason === undefined ? {} : { reason: String(input.reason) }
      const answer = await call({
        method: 'DELETE',
        path,
        body,
        repeat: 'once',
        signal: opts?.signal,
      })
      if (!isRevocation(answer.data)) invalid(answer, 'DELETE /credential/revoke/:credentialId')
      return answer.data
    },

    async getReceipt(receiptId, opts) {
      const path = `/receipt/${segment(receiptId, 'receiptId')}`
      const answer = await call({ method: 'GET', path, repeat: 'repeatable', signal: opts?.signal })
      if (!isStoredReceipt(answer.data)) invalid(answer, 'GET /receipt/:receiptId')
      return answer.data
    },

    async listActivity(filters = {}, opts) {
      const path = withQuery('/activity', activityQuery(filters))
      const answer = await call({ method: 'GET', path, repeat: 'repeatable', signal: opts?.signal })
      if (!isPageOf(answer.data, isActivityEvent)) invalid(answer, 'GET /activity')
      return answer.data
    },

    async *allActivity(filters = {}, opts) {
      const pageSize = filters.pageSize ?? 100
      for (let pageIndex = 0; ; pageIndex++) {
        const page = await methods.listActivity({ ...filters, pageSize, pageIndex }, opts)
        yield* page.data
        if (pageIndex + 1 >= page.totalPages || page.data.length === 0) return
      }
    },
  }
  return methods
}
