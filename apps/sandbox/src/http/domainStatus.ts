// The one place where domain refusals become HTTP answers: a status per code. The error body
// is the Humanos one; the Link page's script and the `/_sandbox` routes also get the code
// itself (the script branches on it), the Humanos API routes never do (its body has no such
// field).
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { DomainCode, DomainError } from '../flow/domainError.js'
import type { AppEnv } from './appEnv.js'
import { errorBody } from './httpError.js'

/** Domain code → HTTP status. */
export const DOMAIN_STATUS: Readonly<Record<DomainCode, ContentfulStatusCode>> = Object.freeze({
  not_found: 404,
  session_not_found: 404,
  session_canceled: 410,
  session_expired: 410,
  session_finished: 409,
  otp_locked: 423,
  otp_expired: 400,
  otp_invalid: 400,
  otp_cooldown: 429,
  // Permanent: a 429 would invite retries that can never succeed.
  resend_limit: 409,
  identity_required: 409,
  identity_failed: 409,
  identity_not_required: 409,
  identity_done: 409,
  nothing_to_decide: 409,
  request_canceled: 409,
  request_not_cancelable: 409,
  request_closed: 409,
  invalid_input: 400,
  already_exists: 409,
  credential_not_active: 409,
})

/** The HTTP answer to a domain refusal: the error body, with its headers. */
export function domainErrorResponse(c: Context<AppEnv>, error: DomainError): Response {
  const status = DOMAIN_STATUS[error.code]
  const { attemptsLeft, retryAfterSeconds } = error.details
  if (attemptsLeft !== undefined) c.header('X-Attempts-Left', String(attemptsLeft))
  if (retryAfterSeconds !== undefined) c.header('Retry-After', String(retryAfterSeconds))
  const code = c.get('humanosApi') === true ? undefined : error.code
  return c.json(errorBody(status, error.message, code), status)
}
