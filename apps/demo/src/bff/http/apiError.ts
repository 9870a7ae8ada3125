import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorBody, FieldIssue } from '../../shared/apiTypes.js'

/**
 * An answer other than success, thrown anywhere in a handler and turned into a JSON
 * {@link ErrorBody} by the app's error handler. Messages are written for the person using the
 * demo; they never carry a secret, a stack or the raw input.
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode
  readonly code: string
  readonly issues: FieldIssue[] | undefined
  readonly headers: Record<string, string>

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options: { issues?: FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.issues = options.issues
    this.headers = options.headers ?? {}
  }

  /** A `400` naming each wrong field and why. */
  static invalid(issues: FieldIssue[]): ApiError {
    const message = issues.map((i) => `${i.field}: ${i.reason}`).join('; ')
    return new ApiError(400, 'invalid_request', message, { issues })
  }
}

export function errorBody(error: ApiError): ErrorBody {
  const [first] = error.issues ?? []
  return {
    error: error.code,
    message: error.message,
    ...(first ? { field: first.field, reason: first.reason, issues: error.issues } : {}),
  }
}

export function errorResponse(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
  return c.json(errorBody(error), error.status)
}
