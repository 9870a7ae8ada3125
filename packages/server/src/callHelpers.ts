// Small checks shared by the client's methods: path segments, idempotency keys, query numbers
// and the shape of an answer.
import { randomUUID } from 'node:crypto'
import { HumanosRequestError } from './errors.js'
import type { Answer } from './transport.js'

/** Options with an optional `idempotencyKey`. */
interface WithKey {
  idempotencyKey?: string
}

/** One path segment, percent-encoded; `:` and `@` stay readable. @throws TypeError when empty */
export function segment(value: unknown, name: string): string {
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

/** The caller's `idempotencyKey`, checked, or a fresh UUID. @throws TypeError when malformed */
export function idempotencyKey(options: WithKey | undefined): string {
  const key = options?.idempotencyKey
  if (key === undefined) return randomUUID()
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new TypeError('idempotencyKey must be 1-255 visible ASCII characters')
  }
  return key
}

/** A non-negative integer as a query value. @throws TypeError naming the method and field */
export function optionalInteger(value: unknown, name: string, method: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`${method}: ${name} must be a non-negative integer`)
  }
  return String(value)
}

/** The answer's data when `guard` accepts it. @throws HumanosRequestError `invalid_response` */
export function expectShape<T>(answer: Answer, guard: (v: unknown) => v is T, what: string): T {
  if (guard(answer.data)) return answer.data
  throw new HumanosRequestError(
    'invalid_response',
    `The answer to ${what} does not have the documented shape`,
    { attempts: answer.attempts },
  )
}

/**
 * Exactly one of `contact`, `id`, `internalId`, as query parameters.
 * @throws TypeError naming the method when zero or several are given, or one is not a string
 */
export function selectorQuery(selector: unknown, method: string): URLSearchParams {
  const keys = ['contact', 'id', 'internalId'] as const
  const given =
    typeof selector === 'object' && selector !== null
      ? keys.filter((key) => (selector as Record<string, unknown>)[key] !== undefined)
      : []
  const value = given.length === 1 ? (selector as Record<string, unknown>)[given[0]!] : undefined
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(
      `${method}: give exactly one of { contact }, { id } or { internalId }, a non-empty string`,
    )
  }
  return new URLSearchParams({ [given[0]!]: value })
}
