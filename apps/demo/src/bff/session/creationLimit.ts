import type { BffContext } from '../context.js'
import { ApiError } from '../http/apiError.js'
import type { Session } from './sessions.js'

/**
 * Counts one creation (a request or a mandate) by `session`. Per session, not per TCP peer:
 * behind the dev proxy every browser is the same peer.
 * @throws ApiError `429 rate_limited` with `Retry-After` past `createLimitPerMinute`
 */
export function takeCreation(ctx: BffContext, session: Session): void {
  const retryAfter = ctx.createLimiter.take(session.id)
  if (retryAfter === null) return
  throw new ApiError(429, 'rate_limited', `Too many requests created; retry in ${retryAfter} s`, {
    headers: { 'Retry-After': String(retryAfter) },
  })
}
