import type { ErrorBody, FieldIssue } from '../../shared/apiTypes.js'

/** A failed BFF call: the BFF's own message, its error code and, for a 400, the wrong fields. */
export class BffError extends Error {
  readonly status: number
  readonly code: string
  readonly issues: FieldIssue[]
  readonly retryAfterSeconds: number | null

  constructor(status: number, body: ErrorBody, retryAfterSeconds: number | null = null) {
    super(body.message)
    this.name = 'BffError'
    this.status = status
    this.code = body.error
    this.issues = body.issues ?? []
    this.retryAfterSeconds = retryAfterSeconds
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function isFieldIssue(v: unknown): v is FieldIssue {
  return isObject(v) && typeof v.field === 'string' && typeof v.reason === 'string'
}

function errorBodyOf(status: number, v: unknown): ErrorBody {
  if (isObject(v) && typeof v.error === 'string' && typeof v.message === 'string') {
    const issues = Array.isArray(v.issues) ? v.issues.filter(isFieldIssue) : undefined
    return { error: v.error, message: v.message, issues }
  }
  // Not the BFF talking: the Vite proxy when the BFF is down, for example.
  const message =
    status === 502 || status === 504 || status === 500
      ? 'The demo server (BFF) is not answering. Is `npm run demo` still running?'
      : `The demo server answered ${status}.`
  return { error: 'unexpected_answer', message }
}

/**
 * Calls the BFF on this page's own origin and checks the answer's shape with `guard`.
 * @throws BffError for any answer other than success, for a network failure and for an answer
 *   of the wrong shape, each with a message fit to show as it is.
 */
export async function bffFetch<T>(
  path: string,
  guard: (value: unknown) => value is T,
  init: {
    method?: string
    body?: unknown
    signal?: AbortSignal
    headers?: Record<string, string>
  } = {},
): Promise<T> {
  let response: Response
  try {
    // The session cookie rides along (same origin); the header is the BFF's CSRF check
    // (bff/session/csrf.ts), which a page on another origin cannot send without CORS.
    const headers: Record<string, string> = { ...init.headers, 'X-Requested-By': 'humanos-demo' }
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    })
  } catch (error) {
    if (init.signal?.aborted) throw error
    throw new BffError(0, {
      error: 'network',
      message: 'The demo server could not be reached. Check your connection and retry.',
    })
  }
  const value: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'))
    const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null
    throw new BffError(response.status, errorBodyOf(response.status, value), seconds)
  }
  if (!guard(value)) {
    throw new BffError(response.status, {
      error: 'unexpected_answer',
      message: 'The demo server sent an answer this page does not understand.',
    })
  }
  return value
}

/** A message for any error a hook may hold. */
export function messageOf(error: unknown): string {
  if (error instanceof BffError) return error.message
  return error instanceof Error ? error.message : 'Something went wrong.'
}
