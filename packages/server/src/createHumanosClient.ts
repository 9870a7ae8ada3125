import {
  expectShape,
  idempotencyKey,
  optionalInteger,
  segment,
  selectorQuery,
} from './callHelpers.js'
import { resolveClientOptions } from './clientOptions.js'
import type { HumanosClientOptions } from './clientOptions.js'
import { directoryMethods } from './directoryMethods.js'
import type { DirectoryMethods } from './directoryMethods.js'
import {
  isCreateRequestResponse,
  isCredential,
  isRequestDetail,
  isRequestPage,
  isResendOtpResponse,
} from './guards.js'
import { mandateMethods } from './mandateMethods.js'
import type { MandateMethods } from './mandateMethods.js'
import { send } from './transport.js'
import type { Call } from './transport.js'
import type {
  CreateRequestInput,
  CreateRequestResponse,
  Credential,
  ListRequestsParams,
  Page,
  RequestDetail,
  RequestSummary,
  ResendOtpResponse,
  SubjectSelector,
} from './types.js'

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call, including its retries and backoff waits; the signal's reason is thrown. */
  signal?: AbortSignal
}

/** Per-call options of create-style calls. */
export interface IdempotentCallOptions extends CallOptions {
  /**
   * Sent as `Idempotency-Key` on every attempt. Default: a fresh UUID per call. Pass your own
   * (for example derived from your order id) to make a call safe to repeat across processes.
   */
  idempotencyKey?: string
}

/** A typed, signing Humanos API client. Every method rejects with the errors listed on it. */
export interface HumanosClient extends MandateMethods, DirectoryMethods {
  /** `POST /request`. Idempotent: carries an `Idempotency-Key` and is retried safely. */
  createRequest(
    input: CreateRequestInput,
    options?: IdempotentCallOptions,
  ): Promise<CreateRequestResponse>
  /** `GET /request/:requestId`. */
  getRequest(requestId: string, options?: CallOptions): Promise<RequestDetail>
  /**
   * `GET /request`, paginated, newest first.
   * @param params `pageIndex`, `pageSize` (5-100), `search` (≤ 100 characters), `internalId`,
   *   and `subject`: exactly one of `{ contact }`, `{ id }`, `{ internalId }`
   * @example
   * ```ts
   * const { data } = await humanos.listRequests({ subject: { contact: 'ana@example.com' } })
   * ```
   */
  listRequests(params?: ListRequestsParams, options?: CallOptions): Promise<Page<RequestSummary>>
  /** `DELETE /request/:requestId`: irreversible, only while a credential is still `DRAFT`. */
  cancelRequest(requestId: string, options?: CallOptions): Promise<void>
  /**
   * `PATCH /request/resend/:requestId`: sends one subject a new one-time code. Idempotent.
   * Refused (`HumanosApiError`) within the cool-down since the last code (`429` with
   * `Retry-After`, which the client waits out when it is within `backoff.maxRetryAfterMs`),
   * past the resend limit or for a canceled request (`409`).
   * @param subject the subject's contact (a string), or exactly one of `{ contact }`, `{ id }`
   *   (the user DID) or `{ internalId }`
   * @example
   * ```ts
   * await humanos.resendOtp(request.id, { internalId: 'customer-42' })
   * ```
   */
  resendOtp(
    requestId: string,
    subject: string | SubjectSelector,
    options?: IdempotentCallOptions,
  ): Promise<ResendOtpResponse>
  /** `GET /credential/:credentialId`. */
  getCredential(credentialId: string, options?: CallOptions): Promise<Credential>
}

/**
 * Creates a client for the Humanos API that signs every request as the API requires.
 *
 * @param options - credentials, `baseUrl` (default production `https://api.humanos.id`),
 *   `apiVersion`, `timeoutMs`, `maxRetries`, `backoff`, `fetch`. See {@link HumanosClientOptions}.
 * @throws TypeError at once for a missing `apiKey` / `signatureSecret`, a `baseUrl` that is not
 *   an http(s) URL, or another invalid option.
 *
 * Methods reject with:
 * - `HumanosApiError` when the API answers non-2xx (after retries, for retryable statuses);
 * - `HumanosRequestError` on a timeout, a network failure or an answer of the wrong shape;
 * - the abort reason when the caller's `signal` aborts.
 *
 * Retries: network errors, timeouts, 5xx and 429 are retried (up to `maxRetries`, exponential
 * backoff with jitter, `Retry-After` honoured) for GETs and for create-style calls, which carry
 * an `Idempotency-Key` that stays the same on every attempt. Cancel and revoke are retried only
 * when the server surely did not act (429, connection refused).
 */
export function createHumanosClient(options: HumanosClientOptions): HumanosClient {
  const config = resolveClientOptions(options)
  const call = (c: Call) => send(config, c)

  return {
    async createRequest(input, opts) {
      if (typeof input !== 'object' || input === null || !Array.isArray(input.contacts)) {
        throw new TypeError('createRequest: input.contacts must be an array of contacts')
      }
      const key = idempotencyKey(opts)
      const result = await call({
        method: 'POST',
        path: '/request',
        body: input,
        idempotencyKey: key,
        repeat: 'repeatable',
        signal: opts?.signal,
      })
      return expectShape(result, isCreateRequestResponse, 'POST /request')
    },

    async getRequest(requestId, opts) {
      const path = `/request/${segment(requestId, 'requestId')}`
      const result = await call({ method: 'GET', path, repeat: 'repeatable', signal: opts?.signal })
      return expectShape(result, isRequestDetail, 'GET /request/:requestId')
    },

    async listRequests(params = {}, opts) {
      const query = new URLSearchParams()
      const pageIndex = optionalInteger(params.pageIndex, 'pageIndex', 'listRequests')
      const pageSize = optionalInteger(params.pageSize, 'pageSize', 'listRequests')
      if (pageIndex !== undefined) query.set('pageIndex', pageIndex)
      if (pageSize !== undefined) query.set('pageSize', pageSize)
      if (params.search !== undefined) query.set('search', String(params.search))
      if (params.internalId !== undefined) query.set('internalId', String(params.internalId))
      if (params.subject !== undefined) {
        for (const [key, value] of selectorQuery(params.subject, 'listRequests: subject')) {
          query.set(`subject[${key}]`, value)
        }
      }
      const qs = query.toString()
      const result = await call({
        method: 'GET',
        path: `/request${qs ? `?${qs}` : ''}`,
        repeat: 'repeatable',
        signal: opts?.signal,
      })
      return expectShape(result, isRequestPage, 'GET /request')
    },

    async cancelRequest(requestId, opts) {
      const path = `/request/${segment(requestId, 'requestId')}`
      await call({ method: 'DELETE', path, repeat: 'once', signal: opts?.signal })
    },

    async resendOtp(requestId, subject, opts) {
      const id = segment(requestId, 'requestId')
      const selector = typeof subject === 'string' ? { contact: subject } : subject
      const path = `/request/resend/${id}?${selectorQuery(selector, 'resendOtp')}`
      const key = idempotencyKey(opts)
      const result = await call({
        method: 'PATCH',
        path,
        idempotencyKey: key,
        repeat: 'repeatable',
        signal: opts?.signal,
      })
      return expectShape(result, isResendOtpResponse, 'PATCH /request/resend/:requestId')
    },

    async getCredential(credentialId, opts) {
      const path = `/credential/${segment(credentialId, 'credentialId')}`
      const result = await call({ method: 'GET', path, repeat: 'repeatable', signal: opts?.signal })
      return expectShape(result, isCredential, 'GET /credential/:credentialId')
    },

    ...mandateMethods(call),
    ...directoryMethods(call),
  }
}
