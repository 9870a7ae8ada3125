// Sandbox-only endpoints (not part of Humanos), for tests and the demo. They need no signature:
// they answer only callers on this machine (http/loopbackOnly.ts). Each acts for the
// organization whose `Authorization: Bearer <API key>` it gets, else for the first one (see
// sandboxOrg). Writes demand a JSON content type,
// which a browser cannot send cross-origin without a preflight the sandbox never grants.
import { Hono } from 'hono'
import type { MiddlewareHandler } from 'hono'
import { z } from 'zod'
import type { SandboxContext } from '../context.js'
import { wipeDatabase } from '../db/database.js'
import { credentialsOf } from '../db/credentialStore.js'
import { listOutbox } from '../db/outboxStore.js'
import { IDENTITY_LEVELS } from '../db/rows.js'
import { overrideSettings } from '../db/settingsStore.js'
import { listDeliveries } from '../db/webhookStore.js'
import { decideSession } from '../flow/decide.js'
import type { DecisionEvent } from '../flow/events.js'
import { testEvent } from '../flow/events.js'
import { recordIdentity } from '../flow/identity.js'
import { createOrganization } from '../flow/organizations.js'
import { loadSession } from '../flow/sessionGuards.js'
import type { AppEnv } from '../http/appEnv.js'
import { HttpError } from '../http/httpError.js'
import { loopbackOnly } from '../http/loopbackOnly.js'
import { parseJsonBody, validate } from '../http/jsonBody.js'
import { issuerDidOf } from '../proof/didDocument.js'
import { originListSchema, otpDeliverySchema, settingsPatchSchema } from '../settingsSchema.js'
import { actionAuthoringRoutes } from '../mandates/actionAuthoringRoutes.js'
import { catalogAuthoringRoutes } from './catalogAuthoringRoutes.js'
import { sandboxOrg } from './sandboxOrg.js'
import { inboxRoutes } from './inboxPage.js'

const JSON_TYPE = /^application\/json\s*(;|$)/i

function jsonOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      throw new HttpError(415, 'Content-Type must be application/json')
    }
    await next()
    c.header('Cache-Control', 'no-store')
  }
}

async function body(ctx: SandboxContext, raw: ArrayBuffer): Promise<unknown> {
  return raw.byteLength === 0 ? {} : parseJsonBody(new Uint8Array(raw), ctx.config.maxJsonDepth)
}

const organizationSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  allowedOrigins: originListSchema.optional(),
  webhookUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .nullable()
    .optional(),
  otpDelivery: otpDeliverySchema.optional(),
})
const decideSchema = z.strictObject({ action: z.enum(['accept', 'reject']) })
const testSchema = z.strictObject({
  message: z.string().max(1000).default('Hello from the sandbox'),
})
const outboxQuery = z.strictObject({
  contact: z.string().min(1).max(254).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a whole number from 1 to 500')
    .transform(Number)
    .pipe(z.number().min(1).max(500))
    .default(50),
})

/** `/_sandbox/*`; see the README for each endpoint. */
export function sandboxRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.use('/_sandbox/*', loopbackOnly(ctx))
  app.use('/_sandbox/*', jsonOnly())
  app.use('/_sandbox/*', sandboxOrg(ctx))
  app.route('/', inboxRoutes(ctx))
  app.route('/', actionAuthoringRoutes(ctx))
  app.route('/', catalogAuthoringRoutes(ctx))

  app.post('/_sandbox/organizations', async (c) => {
    const input = await validate(organizationSchema, await body(ctx, await c.req.arrayBuffer()))
    return c.json(createOrganization(ctx, input), 201)
  })

  app.get('/_sandbox/organization', (c) => {
    const org = c.get('org')
    return c.json({ id: org.id, name: org.name, issuerDid: issuerDidOf(ctx.platformDid, org.id) })
  })

  app.get('/_sandbox/outbox', async (c) => {
    const query = await validate(outboxQuery, c.req.query(), 'query')
    const contact = query.contact?.includes('@') ? query.contact.toLowerCase() : query.contact
    const messages = listOutbox(ctx.db, c.get('org').id, contact, query.limit)
    const shown = ctx.config.showCodes ? messages : messages.map((m) => ({ ...m, code: null }))
    return c.json({ data: shown })
  })

  app.post('/_sandbox/sessions/:sessionId/decide', async (c) => {
    const { action } = await validate(decideSchema, await body(ctx, await c.req.arrayBuffer()))
    const pair = loadSession(ctx, c.req.param('sessionId'), c.get('org').id)
    const now = Date.now()
    const events: DecisionEvent[] = []
    const needsIdentity = IDENTITY_LEVELS.has(pair.request.security_level)
    const hasCredentials = credentialsOf(ctx.db, pair.request.id).length > 0
    // Without a UI there is no camera: the identity check is recorded as passed (or, for a
    // request with nothing else to decide, as the decision itself).
    let identityPassed = true
    if (needsIdentity && pair.session.identity === null) {
      const forceFail = !hasCredentials && action === 'reject'
      const identity = recordIdentity(ctx, pair, now, { allowLocked: true, forceFail })
      identityPassed = identity.decision.success
      events.push(identity)
    }
    // A failed check (a `+kyc-fail` contact) ends the session, as it does in the Link page.
    if (hasCredentials && identityPassed) {
      events.push(...decideSession(ctx, pair, action, now, { allowLocked: true }))
    }
    return c.json({ sessionId: pair.session.id, events })
  })

  app.get('/_sandbox/settings', (c) => c.json(ctx.settings(c.get('org').id)))

  app.put('/_sandbox/settings', async (c) => {
    const patch = await validate(settingsPatchSchema, await body(ctx, await c.req.arrayBuffer()))
    const orgId = c.get('org').id
    overrideSettings(ctx.db, orgId, patch)
    return c.json(ctx.settings(orgId))
  })

  app.post('/_sandbox/reset', async (c) => {
    await validate(z.strictObject({}), await body(ctx, await c.req.arrayBuffer()))
    await ctx.webhooks.idle()
    wipeDatabase(ctx.db)
    ctx.rateLimiter.reset()
    ctx.linkLimiters.perLink.reset()
    ctx.linkLimiters.perClient.reset()
    return c.json({ success: true })
  })

  app.get('/_sandbox/webhooks', (c) =>
    c.json({
      data: listDeliveries(ctx.db, c.get('org').id, 100).map((row) => ({
        id: row.id,
        eventType: row.event_type,
        status: row.status,
        attempts: row.attempts,
        nextAttemptAt:
          row.next_attempt_at === null ? null : new Date(row.next_attempt_at).toISOString(),
        lastStatus: row.last_status,
        lastError: row.last_error,
        createdAt: new Date(row.created_at).toISOString(),
        deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at).toISOString(),
        event: JSON.parse(row.payload) as unknown,
      })),
    }),
  )

  app.post('/_sandbox/webhooks/test', async (c) => {
    const { message } = await validate(testSchema, await body(ctx, await c.req.arrayBuffer()))
    const orgId = c.get('org').id
    const id = ctx.webhooks.enqueue(orgId, 'test', testEvent(ctx.platformDid, orgId, message))
    ctx.webhooks.kick()
    return c.json({ id }, 202)
  })

  return app
}
