import { randomUUID } from 'node:crypto'
import { resolveClientOptions } from './clientOptions.js'
import type { HumanosClientOptions } from './clientOptions.js'
import { HumanosRequestError } from './errors.js'
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
import type { Answer, Call } from './transport.js'
import type {
  CreateRequestInput,
  CreateRequestResponse,
  Credential,
  ListRequestsParams,
  Page,
  RequestDetail,
  RequestSummary,
  ResendOtpResponse,
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
export interface HumanosClient extends MandateMethods {
  /** `POST /request`. Idempotent: carries an `Idempotency-Key` and is retried safely. */
  createRequest(
    input: CreateRequestInput,
    options?: IdempotentCallOptions,
  ): Promise<CreateRequestResponse>
  /** `GET /request/:requestId`. */
  getRequest(requestId: string, options?: CallOptions): Promise<RequestDetail>
  /** `GET /request`, paginated. */
  listRequests(params?: ListRequestsParams, options?: CallOptions): Promise<Page<RequestSummary>>
  /** `DELETE /request/:requestId`: irreversible, only while a credential is still `DRAFT`. */
  cancelRequest(requestId: string, options?: CallOptions): Promise<void>
  /** `PATCH /request/resend/:requestId?contact=`: resends the OTP to one subject. Idempotent. */
  resendOtp(
    requestId: string,
    contact: string,
    options?: IdempotentCallOptions,
  ): Promise<ResendOtpResponse>
  /** `GET /credential/:credentialId`. */
  getCredential(credentialId: string, options?: CallOptions): Promise<Credential>
}

function segment(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`${name} must be a non-empty string`)
  }
  // Not encoded by encodeURIComponent, and URL resolution collapses them: `getCredential('..')`
  // would call `GET /`. No Humanos id is either.
  if (value === '.' || value === '..') {
    throw new TypeError(`${name} must not be "${value}": it is not an id and would change the path`)
  }
  // ':' and '@' are valid in a path segment; keeping them readable means credential ids
  // (`urn:via:credential:<uuid>`) reach servers that do not percent-decode parameters.
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%40/g, '@')
}

function idempotencyKey(options: IdempotentCallOptions | undefined): string {
  const key = options?.idempotencyKey
  if (key === undefined) return randomUUID()
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new TypeError('idempotencyKey must be 1-255 visible ASCII characters')
  }
  return key
}

function optionalInteger(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`listRequests: ${name} must be a non-negative integer`)
  }
  return String(value)
}

function expectShape<T>(answer: Answer, guard: (v: unknown) => v is T, what: string): T {
  if (guard(answer.data)) return answer.data
  throw new HumanosRequestError(
    'invalid_response',
    `The answer to ${what} does not have the documented shape`,
    {
      attempts: answer.attempts,
    },
  )
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
      const pageIndex = optionalInteger(params.pageIndex, 'pageIndex')
      const pageSize = optionalInteger(params.pageSize, 'pageSize')
      if (pageIndex !== undefined) query.set('pageIndex', pageIndex)
      if (pageSize !== undefined) query.set('pageSize', pageSize)
      if (params.search !== undefined) query.set('search', String(params.search))
      if (params.internalId !== undefined) query.set('internalId', String(params.internalId))
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

    async resendOtp(requestId, contact, opts) {
      const id = segment(requestId, 'requestId')
      if (typeof contact !== 'string' || contact.length === 0) {
        throw new TypeError('resendOtp: contact must be a non-empty string')
      }
      const path = `/request/resend/${id}?${new URLSearchParams({ contact })}`
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
  }
}
