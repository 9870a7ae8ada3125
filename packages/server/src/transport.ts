// One signed API call with bounded retries.
// 1. The body is serialised once; that exact string is signed and sent on every attempt.
// 2. Each attempt gets a fresh `X-Timestamp` and `X-Signature` (the sandbox refuses timestamps
//    older than 5 minutes, and backoff can add up), and the same `Idempotency-Key`.
// 3. Each attempt has its own time limit (`AbortSignal.timeout`); the caller's signal stops
//    everything at once, including a backoff wait, and is never retried.
// 4. What is retried depends on whether repeating the call is safe (see `Repeatable`).
import { HumanosApiError, HumanosRequestError } from './errors.js'
import { isObj } from './guards.js'
import { backoffDelay, parseRetryAfter, sleep } from './retry.js'
import type { ResolvedClientOptions } from './clientOptions.js'
import { signRequest } from './signing.js'

/**
 * - `repeatable`: repeating the call cannot change the outcome: GETs, and create-style calls
 *   that carry an `Idempotency-Key` (the server answers a repeat with the first response).
 *   Retried on network errors, timeouts, 5xx and 429.
 * - `once`: the cancel and revoke DELETEs. Their effect is idempotent, but after a lost
 *   success a repeat is answered with an error (the credential is no longer DRAFT / ACTIVE), so
 *   the caller would be told an operation failed when it succeeded. They are retried only when
 *   the server surely did not act: a 429 (refused before processing), or a connection that
 *   was never made (refused, unknown host).
 */
export type Repeatable = 'repeatable' | 'once'

export interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Path and query, already encoded, starting with `/`. */
  path: string
  body?: unknown
  idempotencyKey?: string
  repeat: Repeatable
  signal?: AbortSignal | undefined
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])
const RETRYABLE_5XX = new Set([500, 502, 503, 504])

function errorCode(error: unknown): string | undefined {
  // undici wraps the socket error: TypeError('fetch failed', { cause: { code } }).
  const cause = isObj(error) ? error.cause : undefined
  const code = isObj(cause) ? cause.code : undefined
  return typeof code === 'string' ? code : undefined
}

function apiError(
  status: number,
  statusText: string,
  headers: Headers,
  text: string,
  attempts: number,
) {
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // A proxy's HTML error page, for example: keep the text as the body.
  }
  let message = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`
  let error = statusText || `HTTP ${status}`
  if (isObj(body)) {
    if (typeof body.message === 'string') message = body.message
    // NestJS-style validation errors carry a list of messages.
    else if (Array.isArray(body.message)) message = body.message.map(String).join('; ')
    if (typeof body.error === 'string') error = body.error
  }
  const requestId = headers.get('x-request-id') ?? headers.get('request-id') ?? undefined
  return new HumanosApiError({ status, message, error, requestId, body, attempts })
}

export interface Answer {
  /** Parsed JSON of the 2xx answer, `undefined` when its body is empty. */
  data: unknown
  /** The body's exact bytes (evidence documents are checked against their digest). */
  bytes: Uint8Array
  attempts: number
}

/** Performs `call` and resolves with its 2xx answer. */
export async function send(config: ResolvedClientOptions, call: Call): Promise<Answer> {
  const bodyText = call.body === undefined ? '' : JSON.stringify(call.body)
  const url = config.baseUrl + call.path
  const timeoutMs = Math.min(Math.ceil(config.timeoutMs), 2 ** 31 - 1)

  for (let attempt = 1; ; attempt++) {
    const retriesLeft = attempt <= config.maxRetries
    call.signal?.throwIfAborted()
    const timestamp = String(Date.now())
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${config.apiKey}`,
      'API-Version': config.apiVersion,
      'X-Timestamp': timestamp,
      'X-Signature': signRequest(config.signatureSecret, timestamp, bodyText),
    }
    if (bodyText) headers['Content-Type'] = 'application/json'
    if (call.idempotencyKey) headers['Idempotency-Key'] = call.idempotencyKey

    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout
    let response: Response
    let text: string
    let bytes: Uint8Array
    try {
      response = await config.fetch(url, {
        method: call.method,
        headers,
        body: bodyText || undefined,
        signal,
        // A redirect is answered as an error rather than followed with the credentials.
        redirect: 'manual',
      })
      bytes = new Uint8Array(await response.arrayBuffer())
      text = new TextDecoder().decode(bytes)
    } catch (error) {
      if (call.signal?.aborted) throw call.signal.reason
      const timedOut = timeout.aborted
      const notSent = NOT_SENT_CODES.has(errorCode(error) ?? '')
      if (retriesLeft && (call.repeat === 'repeatable' || notSent)) {
        await sleep(backoffDelay(attempt - 1, config.backoff), call.signal)
        continue
      }
      throw timedOut
        ? new HumanosRequestError(
            'timeout',
            `No answer within ${timeoutMs} ms: ${call.method} ${call.path}`,
            {
              attempts: attempt,
              cause: error,
            },
          )
        : new HumanosRequestError('network', `Request failed: ${call.method} ${call.path}`, {
            attempts: attempt,
            cause: error,
          })
    }

    if (response.ok) {
      if (text === '') return { data: undefined, bytes, attempts: attempt }
      try {
        return { data: JSON.parse(text) as unknown, bytes, attempts: attempt }
      } catch (error) {
        throw new HumanosRequestError(
          'invalid_response',
          `The ${response.status} answer is not JSON`,
          {
            attempts: attempt,
            status: response.status,
            cause: error,
          },
        )
      }
    }

    const failure = apiError(response.status, response.statusText, response.headers, text, attempt)
    const retryable =
      response.status === 429 ||
      (call.repeat === 'repeatable' && RETRYABLE_5XX.has(response.status))
    if (!retriesLeft || !retryable) throw failure
    const retryAfter =
      response.status === 429 || response.status === 503
        ? parseRetryAfter(response.headers.get('retry-after'))
        : undefined
    if (retryAfter !== undefined && retryAfter > config.backoff.maxRetryAfterMs) throw failure
    await sleep(retryAfter ?? backoffDelay(attempt - 1, config.backoff), call.signal)
  }
}
