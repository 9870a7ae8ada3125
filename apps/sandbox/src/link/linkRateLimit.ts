// Issue 15 item 12: the Link page and the endpoints its script calls are public (whoever holds
// a link), so each link and each client (TCP peer; `X-Forwarded-For` is not trusted) has a
// per-minute budget. A page load over it gets a page that says so, and tells the host with an
// `error` (`internal`: the protocol has no closer code); an API call gets a `429` JSON answer
// the page shows beside the form.
import type { MiddlewareHandler } from 'hono'
import type { SandboxContext } from '../context.js'
import type { AppEnv } from '../http/appEnv.js'
import { HttpError } from '../http/httpError.js'
import { peerOf } from '../http/loopbackOnly.js'

/** Seconds to wait when a call over the link's or the client's budget, else `null`. */
export function takeLinkBudget(ctx: SandboxContext, sessionId: string, client: string) {
  const now = Date.now()
  // The client first: a flood of made-up link ids is stopped without one key per id.
  const byClient = ctx.linkLimiters.perClient.take(client, now)
  if (byClient !== null) return byClient
  return ctx.linkLimiters.perLink.take(sessionId.slice(0, 100), now)
}

/** The message for a refused call; the page shows it as is. */
export function rateLimitedMessage(seconds: number): string {
  return `Too many requests for this link: wait ${seconds} s and try again.`
}

/** Refuses the page API's calls (`POST /link/:id/...`) over budget with a `429`. */
export function pageApiRateLimit(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wait = takeLinkBudget(ctx, c.req.param('sessionId') ?? '', peerOf(c) ?? 'unknown')
    if (wait !== null) {
      throw new HttpError(429, rateLimitedMessage(wait), {
        code: 'rate_limited',
        headers: { 'Retry-After': String(wait) },
      })
    }
    await next()
  }
}
