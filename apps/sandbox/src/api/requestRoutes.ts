import { Hono } from 'hono'
import { z } from 'zod'
import type { SandboxContext } from '../context.js'
import { settleDraftCredentials, credentialsOf } from '../db/credentialStore.js'
import { getRequest, listRequests, markRequestCanceled } from '../db/requestStore.js'
import type { RequestRow } from '../db/rows.js'
import { sessionsOf } from '../db/sessionStore.js'
import { getUserByInternalId } from '../db/userStore.js'
import { createRequest } from '../flow/createRequest.js'
import { recordActivity } from '../mandates/ledger.js'
import { issuerDidOf } from '../proof/didDocument.js'
import { DomainCodes, DomainError } from '../flow/domainError.js'
import { resendFromApi } from '../flow/otp.js'
import { requestDetailView, requestSummaryView } from '../flow/views.js'
import type { AppEnv } from '../http/appEnv.js'
import { HttpError } from '../http/httpError.js'
import { parseJsonBody, validate } from '../http/jsonBody.js'
import { idempotent } from './idempotency.js'
import { createRequestSchema, listQuerySchema } from './requestSchemas.js'
import { subjectSelectorSchema } from './subjectSelector.js'
import { userNumberOfDid } from './userDids.js'
import { pageView } from '../http/pageView.js'

const noBodySchema = z.strictObject({})

/** A request of the caller's organization; another organization's is not found. */
function findRequest(ctx: SandboxContext, orgId: string, id: string): RequestRow {
  const request = getRequest(ctx.db, orgId, id)
  if (!request) throw new DomainError(DomainCodes.NOT_FOUND, `Request ${id} not found`)
  return request
}

/** A body is not expected; an empty one or `{}` is accepted, anything else is a 400. */
async function expectNoBody(ctx: SandboxContext, raw: Uint8Array): Promise<void> {
  if (raw.length > 0) await validate(noBodySchema, parseJsonBody(raw, ctx.config.maxJsonDepth))
}

/** `/request` endpoints of humanos-api.md. Mounted behind {@link apiAuth}. */
export function requestRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const kick = () => ctx.webhooks.kick()

  app.post('/request', (c) =>
    idempotent(
      ctx,
      c,
      async () => {
        const org = c.get('org')
        const retryAfter = ctx.rateLimiter.take(org.id)
        if (retryAfter !== null) {
          throw new HttpError(429, `Too many requests created; retry in ${retryAfter} s`, {
            headers: { 'Retry-After': String(retryAfter) },
          })
        }
        const input = parseJsonBody(c.get('rawBody'), ctx.config.maxJsonDepth)
        const body = await validate(createRequestSchema, input)
        // Humanos answers 200 (not 201) to a created request.
        return () => ({ status: 200, body: createRequest(ctx, org.id, body) })
      },
      kick,
    ),
  )

  app.get('/request', async (c) => {
    const org = c.get('org')
    const query = await validate(listQuerySchema, c.req.query(), 'query')
    const subjectId = query['subject[id]']
    const { rows, total } = listRequests(ctx.db, org.id, {
      pageIndex: query.pageIndex,
      pageSize: query.pageSize,
      search: query.search,
      internalId: query.internalId,
      subjectContact: query['subject[contact]'],
      subjectUser: subjectId === undefined ? undefined : (userNumberOfDid(ctx, subjectId) ?? -1),
      subjectInternalId: query['subject[internalId]'],
    })
    const now = Date.now()
    return c.json(
      pageView(
        rows.map((row) => requestSummaryView(ctx, row, now)),
        total,
        query.pageSize,
      ),
    )
  })

  app.get('/request/:requestId', (c) => {
    const request = findRequest(ctx, c.get('org').id, c.req.param('requestId'))
    return c.json(requestDetailView(ctx, request, Date.now()))
  })

  app.delete('/request/:requestId', async (c) => {
    await expectNoBody(ctx, c.get('rawBody'))
    const request = findRequest(ctx, c.get('org').id, c.req.param('requestId'))
    const now = Date.now()
    ctx.db.transaction(() => {
      if (request.canceled_at !== null) {
        throw new DomainError(DomainCodes.REQUEST_CANCELED, 'The request is already canceled')
      }
      if (!credentialsOf(ctx.db, request.id).some((row) => row.status === 'DRAFT')) {
        throw new DomainError(
          DomainCodes.REQUEST_NOT_CANCELABLE,
          'The request can no longer be canceled: no credential is DRAFT',
        )
      }
      settleDraftCredentials(ctx.db, request.id, 'CANCELED', now)
      markRequestCanceled(ctx.db, request.id, now)
      recordActivity(ctx.db, {
        orgId: request.org_id,
        type: 'REQUEST_CANCELED',
        entityType: 'REQUEST',
        entityId: request.id,
        actorDid: issuerDidOf(ctx.platformDid, request.org_id),
        subjectDid: null,
        payload: {},
        now,
      })
    })()
    return c.json({ success: true })
  })

  app.patch('/request/resend/:requestId', (c) =>
    idempotent(
      ctx,
      c,
      async () => {
        await expectNoBody(ctx, c.get('rawBody'))
        const query = await validate(subjectSelectorSchema, c.req.query(), 'query')
        const org = c.get('org')
        const request = findRequest(ctx, org.id, c.req.param('requestId'))
        const sessions = sessionsOf(ctx.db, request.id)
        const selector = query.contact ?? query.id ?? query.internalId ?? ''
        let session
        if (query.contact !== undefined) {
          const contact = query.contact
          session = sessions.find(
            (s) => s.contact === contact || s.contact === contact.toLowerCase(),
          )
        } else if (query.id !== undefined) {
          const n = userNumberOfDid(ctx, query.id)
          session = sessions.find((s) => s.user_id === n)
        } else if (query.internalId !== undefined) {
          const user = getUserByInternalId(ctx.db, org.id, query.internalId)
          session = sessions.find((s) => s.user_id === user?.id)
        }
        if (!session) {
          throw new DomainError(
            DomainCodes.NOT_FOUND,
            `${selector} is not a subject of request ${request.id}`,
          )
        }
        const pair = { request, session }
        return () => {
          const sent = resendFromApi(ctx, pair, Date.now())
          // With otpDelivery `none` the organization delivers the code, so it gets it here.
          const body = sent.selfDelivered ? { success: true, code: sent.code } : { success: true }
          return { status: 200, body }
        }
      },
      kick,
    ),
  )

  return app
}
