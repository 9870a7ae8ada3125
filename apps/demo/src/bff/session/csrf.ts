/*
 * Cross-site request forgery defence for every state-changing `/api` call. The session cookie
 * is `SameSite=Strict`, so other sites' pages do not send it; in case a browser ignores that,
 * or a sibling subdomain counts as "same site", each unsafe call must also:
 * 1. not be marked cross-site or same-site (but other origin) by `Sec-Fetch-Site`, which
 *    browsers set and pages cannot;
 * 2. carry an `Origin` that is one of the demo's page origins (browsers send it on every
 *    POST); and
 * 3. carry the `X-Requested-By` header, which a page on another origin can only send after a
 *    CORS preflight this BFF never approves (it has no CORS at all).
 * Non-browser clients can fake all three, but they have no victim's cookie to ride on.
 */
import type { MiddlewareHandler } from 'hono'
import type { BffContext } from '../context.js'
import { ApiError } from '../http/apiError.js'

/** The header (and value) the web app sends on every call; see the module comment. */
export const CSRF_HEADER = 'X-Requested-By'
export const CSRF_VALUE = 'humanos-demo'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Refuses, with a `403 forbidden`, an unsafe call that fails any of the checks above. */
export function csrfGuard(ctx: BffContext): MiddlewareHandler {
  const origins = new Set(ctx.config.demoOrigins)
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next()
    const refuse = (why: string) =>
      new ApiError(403, 'forbidden', `Refused as a possible cross-site request: ${why}`)
    const site = c.req.header('sec-fetch-site')
    if (site !== undefined && site !== 'same-origin') {
      throw refuse(`it came from another site (Sec-Fetch-Site: ${site})`)
    }
    const origin = c.req.header('origin')
    if (origin === undefined || !origins.has(origin)) {
      throw refuse('its Origin is not one of the demo pages (DEMO_ORIGIN)')
    }
    if (c.req.header(CSRF_HEADER) !== CSRF_VALUE) {
      throw refuse(`it lacks the ${CSRF_HEADER}: ${CSRF_VALUE} header`)
    }
    return next()
  }
}
