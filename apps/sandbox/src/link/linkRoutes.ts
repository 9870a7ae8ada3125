import { Hono } from 'hono'
import type { SandboxContext } from '../context.js'
import { credentialsOf, expireCredentials } from '../db/credentialStore.js'
import { getRequest } from '../db/requestStore.js'
import { IDENTITY_LEVELS } from '../db/rows.js'
import { insertFrame } from '../db/frameStore.js'
import { getSession } from '../db/sessionStore.js'
import { channelOf, isUndeliverable, maskContact } from '../flow/contacts.js'
import { newFrameToken } from '../flow/ids.js'
import type { AppEnv } from '../http/appEnv.js'
import type { PageLook } from './documentShell.js'
import { renderErrorPage } from './errorPage.js'
import { renderFlowPage } from './flowPage.js'
import { mandatesOf } from './linkMandates.js'
import { allowedOriginsOfEveryOrganization, checkLinkOpen } from './openCheck.js'
import { peerOf } from '../http/loopbackOnly.js'
import { rateLimitedMessage, takeLinkBudget } from './linkRateLimit.js'
import { linkPageHeaders } from './pageHeaders.js'
import { pageApiRoutes } from './pageApi.js'
import { clientStrings } from './clientStrings.js'
import { pageStrings } from './strings.js'

function lookFrom(query: Record<string, string>, embedded: boolean): PageLook {
  const theme = query.theme === 'dark' || query.theme === 'light' ? query.theme : null
  const mode = !embedded ? 'standalone' : query.mode === 'modal' ? 'modal' : 'inline'
  return { theme, mode }
}

/** `GET /link/:sessionId`, the hosted approval flow, and the endpoints its script calls. */
export function linkRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/link/:sessionId', async (c) => {
    const sessionId = c.req.param('sessionId')
    const query = c.req.query()
    const embedded = query.postMessageOrigin !== undefined || query.pubKey !== undefined
    const look = lookFrom(query, embedded)
    const now = Date.now()
    const session = getSession(ctx.db, sessionId)
    const request = session && getRequest(ctx.db, null, session.request_id)
    const strings = pageStrings(query.lang, request?.language)
    const wait = takeLinkBudget(ctx, sessionId, peerOf(c) ?? 'unknown')
    if (wait !== null) {
      const allowed = request
        ? ctx.settings(request.org_id).allowedOrigins
        : allowedOriginsOfEveryOrganization(ctx)
      const origin = query.postMessageOrigin ?? ''
      const page = renderErrorPage({
        strings,
        look,
        sessionId,
        code: 'rate_limited',
        postTo: allowed.includes(origin) ? origin : null,
        message: rateLimitedMessage(wait),
      })
      const headers = { ...linkPageHeaders(allowed), 'Retry-After': String(wait) }
      return c.html(page, 429, headers)
    }
    try {
      expireCredentials(ctx.db, now)
      const check = await checkLinkOpen(ctx, sessionId, query, now)
      if (!check.ok) {
        const page = renderErrorPage({
          strings,
          look,
          sessionId,
          code: check.code,
          postTo: check.postTo,
          ...(check.detail === undefined ? {} : { detail: check.detail }),
        })
        return c.html(page, check.status, linkPageHeaders(check.frameAncestors))
      }
      const { pair } = check
      const token = newFrameToken()
      insertFrame(
        ctx.db,
        {
          token,
          session_id: sessionId,
          origin: check.origin,
          pub_key: check.pubKey,
          verified_at: null,
          created_at: now,
        },
        { cap: ctx.config.framesPerSession, maxAgeMs: ctx.config.sessionTtlMs },
      )
      const credentials = credentialsOf(ctx.db, pair.request.id)
      const identityStep = IDENTITY_LEVELS.has(pair.request.security_level)
      const identity =
        pair.session.identity === null
          ? null
          : (JSON.parse(pair.session.identity) as { success: boolean })
      const issuedAt = pair.session.otp_issued_at ?? 0
      const undeliverable = isUndeliverable(pair.session.contact)
      const page = renderFlowPage({
        strings,
        look,
        requestName: pair.request.name,
        credentials,
        mandates: mandatesOf(ctx.db, pair.request.id),
        identityStep,
        maskedContact: maskContact(pair.session.contact),
        banner: true,
        undeliverable,
        boot: {
          mode: 'flow',
          sessionId,
          origin: check.origin,
          frame: token,
          identityStep: identityStep && identity === null,
          hasCredentials: credentials.length > 0,
          channel: channelOf(pair.session.contact),
          resendWaitSeconds: Math.max(
            0,
            Math.ceil((issuedAt + ctx.config.otpResendCooldownMs - now) / 1000),
          ),
          redirectUrl: look.mode === 'standalone' ? pair.request.redirect_url : null,
          t: clientStrings(strings),
        },
      })
      return c.html(page, 200, linkPageHeaders(ctx.settings(pair.request.org_id).allowedOrigins))
    } catch (error) {
      ctx.log(`link page ${sessionId}: ${error instanceof Error ? error.message : String(error)}`)
      const origin = query.postMessageOrigin ?? ''
      const allowed = request
        ? ctx.settings(request.org_id).allowedOrigins
        : allowedOriginsOfEveryOrganization(ctx)
      const postTo = allowed.includes(origin) ? origin : null
      const page = renderErrorPage({ strings, look, sessionId, code: 'internal', postTo })
      return c.html(page, 500, linkPageHeaders(allowed))
    }
  })

  app.route('/', pageApiRoutes(ctx))
  return app
}
