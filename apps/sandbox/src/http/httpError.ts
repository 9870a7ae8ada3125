import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
}

/** The Humanos error body: `{ statusCode, message, error }`. */
export interface ErrorBody {
  statusCode: number
  message: string
  error: string
  /** Link page endpoints only: a machine-readable reason for the page script. */
  code?: string
}

/**
 * A failure with an HTTP status and a message safe to show. Thrown anywhere in a handler; the
 * app's error handler turns it into the spec's error body.
 */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode
  readonly code: string | undefined
  readonly headers: Record<string, string>

  constructor(
    status: ContentfulStatusCode,
    message: string,
    options: { code?: string; headers?: Record<string, string> } = {},
  ) {
    super(message)
    this.name = 'HttpError'
    this.status = status
    this.code = options.code
    this.headers = options.headers ?? {}
  }
}

/** The error body for a status and message. */
export function errorBody(status: number, message: string, code?: string): ErrorBody {
  const body: ErrorBody = { statusCode: status, message, error: REASONS[status] ?? 'Error' }
  if (code !== undefined) body.code = code
  return body
}

/** Answers with the spec's error body. */
export function errorResponse(c: Context, error: HttpError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
  return c.json(errorBody(error.status, error.message, error.code), error.status)
}
