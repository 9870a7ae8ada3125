import { Hono } from 'hono'
import { z } from 'zod'
import type { SandboxContext } from '../context'
import { settleDraftCredentials, credentialsOf } from '../db/credentialStore'
import { getRequest, listRequests, markRequestCanceled } from '../db/requestStore'
import { sessionsOf } from '../db/sessionStore'
import { createRequest } from '../flow/createRequest'
import { issueOtp } from '../flow/otp'
import { assertSessionOpen } from '../flow/sessionGuards'
import { requestDetailView, requestSummaryView } from '../flow/views'
import type { AppEnv } from '../http/appEnv'
import { HttpError } from '../http/httpError'
import { parseJsonBody, validate } from '../http/jsonBody'
import { idempotent } from './idempotency'
import { createRequestSchema, listQuerySchema } from './requestSchemas'

const noBodySchema = z.strictObject({})

function findRequest(ctx: SandboxContext, id: string) {
  const request = getRequest(ctx.db, id)
  if (!request) throw new HttpError(404, `Request ${id} not found`)
  return request
}

/** A body is not expected; an empty one or `{}` is accepted, anything else is a 400. */
async function expectNoBody(ctx: SandboxContext, raw: Uint8Array): Promise<void> {
  if (raw.length > 0) await validate(noBodySchema, parseJsonBody(raw, ctx.config.maxJsonDepth))
}

/** `/request` endpoints of humanos-api.md. Mounted behind {@link apiAuth}. */
export function requestRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.post('/request', (c) =>
    idempotent(ctx, c, async () => {
      const retryAfter = ctx.rateLimiter.take(ctx.config.apiKey)
      if (retryAfter !== null) {
        throw new HttpError(429, `Too many requests created; retry in ${retryAfter} s`, {
          headers: { 'Retry-After': String(retryAfter) },
        })
      }
      const input = parseJsonBody(c.get('rawBody'), ctx.config.maxJsonDepth)
      const body = await validate(createRequestSchema, input)
      return { status: 201, body: createRequest(ctx, body) }
    }),
  )

  app.get('/request', async (c) => {
    const query = await validate(listQuerySchema, c.req.query(), 'query')
    const { rows, total } = listRequests(ctx.db, query)
    const now = Date.now()
    return c.json({
      data: rows.map((row) => requestSummaryView(ctx, row, now)),
      totalPages: Math.ceil(total / query.pageSize),
    })
  })

  app.get('/request/:requestId', (c) => {
    const request = findRequest(ctx, c.req.param('requestId'))
    return c.json(requestDetailView(ctx, request, Date.now()))
  })

  app.delete('/request/:requestId', async (c) => {
    await expectNoBody(ctx, c.get('rawBody'))
    const request = findRequest(ctx, c.req.param('requestId'))
    const now = Date.now()
    ctx.db.transaction(() => {
      if (request.canceled_at !== null) throw new HttpError(409, 'The request is already canceled')
      if (!credentialsOf(ctx.db, request.id).some((row) => row.status === 'DRAFT')) {
        throw new HttpError(409, 'The request can no longer be canceled: no credential is DRAFT')
      }
      settleDraftCredentials(ctx.db, request.id, 'CANCELED', now)
      markRequestCanceled(ctx.db, request.id, now)
    })()
    return c.json({ success: true })
  })

  app.patch('/request/resend/:requestId', (c) =>
    idempotent(ctx, c, async () => {
      await expectNoBody(ctx, c.get('rawBody'))
      const { contact } = await validate(
        z.object({ contact: z.string().min(1, 'is required') }),
        { contact: c.req.query('contact') ?? '' },
        'query',
      )
      const request = findRequest(ctx, c.req.param('requestId'))
      const session = sessionsOf(ctx.db, request.id).find(
        (s) => s.contact === contact || s.contact === contact.toLowerCase(),
      )
      if (!session) throw new HttpError(404, `${contact} is not a subject of request ${request.id}`)
      const now = Date.now()
      const pair = { request, session }
      try {
        assertSessionOpen(pair, now, true)
      } catch (error) {
        if (error instanceof HttpError) throw new HttpError(409, error.message)
        throw error
      }
      ctx.db.transaction(() => issueOtp(ctx, pair, { reason: 'resend', unlock: true, now }))()
      ctx.webhooks.kick()
      return { status: 200, body: { success: true } }
    }),
  )

  return app
}
