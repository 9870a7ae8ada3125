import { Hono } from 'hono'
import type { Context } from 'hono'
import { HumanosApiError } from '@humanos-link/server'
import type { RequestDetail } from '@humanos-link/server'
import type { CreatedRequest, RequestDetailView, RequestList } from '../../shared/apiTypes.js'
import type { BffContext, BffEnv } from '../context.js'
import { decisionsOf } from '../db/decisionStore.js'
import { insertRequest } from '../db/requestStore.js'
import { ApiError } from '../http/apiError.js'
import { readJson, validate } from '../http/jsonBody.js'
import { upstreamError } from '../http/upstream.js'
import { credentialView } from '../credentialView.js'
import { requestItem } from '../requestViews.js'
import { createRequestSchema } from '../schemas.js'
import { ownedRequest, ownedRequestParam, ownedRequests } from '../session/ownership.js'
import type { Session } from '../session/sessions.js'
import { takeCreation } from '../session/creationLimit.js'
import type { CreateRequestInput } from '../schemas.js'

const LIST_LIMIT = 50

function expiresAtOf(detail: RequestDetail): string | null {
  const value = detail.expiresAt
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null
}

// A random key per form submission (a UUID), never derived from the content: two people
// sending the same form must not share one.
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/

/** The browser's `Idempotency-Key`, if any: its retries of one submission create one request. */
function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header('idempotency-key')
  if (key === undefined || IDEMPOTENCY_KEY.test(key)) return key
  throw ApiError.invalid([
    { field: 'Idempotency-Key', reason: 'must be 16-128 letters, digits, - or _ (a UUID)' },
  ])
}

/**
 * Creates the request in Humanos: one consent credential, one Link per contact. With a key,
 * Humanos answers a repeat (after a crash or a lost answer) with the first creation.
 */
async function createInHumanos(ctx: BffContext, body: CreateRequestInput, key?: string) {
  try {
    const created = await ctx.humanos.createRequest(
      {
        contacts: body.contacts,
        name: body.credentialName,
        securityLevel: body.securityLevel,
        credentials: [
          { type: 'CONSENT', name: body.credentialName, description: body.credentialDescription },
        ],
      },
      key === undefined ? undefined : { idempotencyKey: key },
    )
    // POST /request does not say when the links expire; the request detail does.
    const detail = await ctx.humanos.getRequest(created.id)
    return { created, expiresAt: expiresAtOf(detail) }
  } catch (error) {
    if (key !== undefined && error instanceof HumanosApiError && error.status === 409) {
      throw new ApiError(
        409,
        'idempotency_conflict',
        'This Idempotency-Key belongs to another request, or to one still being created',
      )
    }
    throw upstreamError(error)
  }
}

async function detailFromHumanos(ctx: BffContext, id: string): Promise<RequestDetail> {
  try {
    return await ctx.humanos.getRequest(id)
  } catch (error) {
    throw upstreamError(error)
  }
}

function ownedOrConflict(ctx: BffContext, session: Session, id: string) {
  try {
    ownedRequest(ctx, session, id)
  } catch {
    throw new ApiError(
      409,
      'idempotency_conflict',
      'This Idempotency-Key belongs to another request',
    )
  }
}

/**
 * `/api/requests`: create one, list them, and one request with its sealed credentials; each
 * session only ever sees the requests it created.
 */
export function requestRoutes(ctx: BffContext): Hono<BffEnv> {
  const app = new Hono<BffEnv>()

  app.post('/api/requests', async (c) => {
    const session = c.get('session')
    takeCreation(ctx, session)
    const body = validate(createRequestSchema, await readJson(c, ctx.config.maxJsonDepth))
    const key = idempotencyKeyOf(c)
    const chosen = body.contact ?? body.contacts[0]
    const { created, expiresAt } = await createInHumanos(ctx, body, key)
    const subject = created.subjects.find((s) => s.contact === chosen)
    if (!subject) {
      throw new ApiError(502, 'humanos_error', 'Humanos did not return a Link for the contact')
    }
    const answer: CreatedRequest = {
      requestId: created.id,
      link: subject.link,
      expiresAt,
    }
    insertRequest(ctx.db, {
      id: created.id,
      credential_name: body.credentialName,
      credential_description: body.credentialDescription ?? null,
      security_level: body.securityLevel,
      contacts: JSON.stringify(body.contacts),
      contact: subject.contact,
      link: subject.link,
      expires_at: answer.expiresAt,
      created_at: Date.now(),
      owner: session.id,
    })
    // A retried creation finds the row stored the first time; it must be this session's, or a
    // key learned from someone else would hand over their Link.
    ownedOrConflict(ctx, session, created.id)
    ctx.log(`request ${created.id} created for ${body.contacts.length} contact(s)`)
    return c.json(answer, 201)
  })

  app.get('/api/requests', (c) => {
    const rows = ownedRequests(ctx, c.get('session'), LIST_LIMIT)
    const decisions = decisionsOf(
      ctx.db,
      rows.map((r) => r.id),
    )
    const now = Date.now()
    const list: RequestList = {
      data: rows.map((row) =>
        requestItem(
          row,
          decisions.filter((d) => d.request_id === row.id),
          now,
        ),
      ),
    }
    c.header('Cache-Control', 'no-store')
    return c.json(list)
  })

  app.get('/api/requests/:requestId', ownedRequestParam(ctx), async (c) => {
    const row = c.get('request')
    const id = row.id
    const detail = await detailFromHumanos(ctx, id)
    const view: RequestDetailView = {
      request: requestItem(row, decisionsOf(ctx.db, [id]), Date.now()),
      credentials: detail.credentials.map(credentialView),
    }
    c.header('Cache-Control', 'no-store')
    return c.json(view)
  })

  return app
}
