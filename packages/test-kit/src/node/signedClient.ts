// A small signed HTTP client for tests and benchmarks against a sandbox. It signs exactly as
// humanos-api.md says, and lets a test break any part of the signature on purpose.
import { createHmac } from 'node:crypto'

export interface CallOptions {
  /** A value to send as JSON, or a string to send as is. */
  body?: unknown
  headers?: Record<string, string>
  /** Override the signed timestamp (milliseconds). */
  timestamp?: number
  /** Override the API key or the signature secret. */
  apiKey?: string
  secret?: string
  /** Send no signature headers at all. */
  unsigned?: boolean
}

export interface CallResult {
  status: number
  headers: Headers
  text: string
  /** The parsed JSON body, or `undefined` when the body is not JSON. */
  json: any // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
}

export type SignedCall = (
  method: string,
  path: string,
  options?: CallOptions,
) => Promise<CallResult>

/** Signs `<timestamp>.<body>`, or `<timestamp>` alone for an empty body. */
export function signature(secret: string, timestamp: string, body: string): string {
  const message = body.length > 0 ? `${timestamp}.${body}` : timestamp
  return createHmac('sha256', secret).update(message).digest('hex')
}

/** A client for one sandbox, signing with the given key and secret by default. */
export function signedClient(
  baseUrl: string,
  credentials: { apiKey: string; secret: string },
): SignedCall {
  return async (method, path, options = {}) => {
    const body =
      options.body === undefined
        ? ''
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body)
    const timestamp = String(options.timestamp ?? Date.now())
    const headers: Record<string, string> = {}
    if (!options.unsigned) {
      headers.authorization = `Bearer ${options.apiKey ?? credentials.apiKey}`
      headers['x-timestamp'] = timestamp
      headers['x-signature'] = signature(options.secret ?? credentials.secret, timestamp, body)
    }
    if (body) headers['content-type'] = 'application/json'
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...options.headers },
      body: body || undefined,
    })
    const text = await response.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, text, json }
  }
}
