// `/api/agent` and `/api/mandates`: the agent story. The integrator picks limits, the person
// approves the mandate in the embedded flow, and the demo's "agent" acts under it: each attempt
// asks Humanos for a fresh presentation and verifies it (as the shop would), through the BFF,
// which keeps the API key and the presentations; the browser sees decisions, evaluations and
// receipts only.
import { Hono } from 'hono'
import type { Context } from 'hono'
import { HumanosApiError } from '@humanos-link/server'
import type { VerifiablePresentation } from '@humanos-link/server'
import type {
  ActivityList,
  AgentActionView,
  AttemptView,
  CreatedMandate,
  MandateList,
  MandateView,
  RevocationView,
} from '../../shared/apiTypes.js'
import { DEMO_VERIFIER, SHOPPING_CATEGORIES, shoppingAction } from '../agent/shoppingAction.js'
import type { BffContext, BffEnv } from '../context.js'
import type { MandateRow } from '../db/mandateStore.js'
import {
  getMandateRow,
  insertMandate,
  listMandateRows,
  setLastPresentation,
} from '../db/mandateStore.js'
import { getRequestRow, insertRequest } from '../db/requestStore.js'
import { ApiError } from '../http/apiError.js'
import { readJson, validate } from '../http/jsonBody.js'
import { upstreamError } from '../http/upstream.js'
import { attemptSchema, createMandateSchema, requestParamsSchema } from '../schemas.js'
import { owned } from '../session/ownership.js'
import { takeCreation } from '../session/creationLimit.js'

const MANDATE_NAME = 'Shopping agent mandate'

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

async function upstream<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw error instanceof ApiError ? error : upstreamError(error)
  }
}

function ownedMandate(ctx: BffContext, c: Context<BffEnv>): MandateRow {
  const { requestId } = validate(requestParamsSchema, { requestId: c.req.param('requestId') })
  return owned(getMandateRow(ctx.db, requestId), c.get('session'), `No mandate ${requestId}`)
}

async function mandateView(ctx: BffContext, row: MandateRow): Promise<MandateView> {
  const request = getRequestRow(ctx.db, row.request_id)
  const credential = await upstream(() => ctx.humanos.getCredential(row.credential_id))
  return {
    requestId: row.request_id,
    credentialId: row.credential_id,
    link: request?.link ?? '',
    contact: request?.contact ?? '',
    status: credential.status,
    userParams: JSON.parse(row.user_params) as MandateView['userParams'],
    createdAt: new Date(row.created_at).toISOString(),
  }
}

/** What the browser may see of a presentation: its dates and audience, not its proofs. */
function presentationSummary(vp: VerifiablePresentation): AttemptView['presentation'] {
  return {
    created: vp.proof.created,
    expires: vp.proof.expires ?? '',
    domain: vp.proof.domain ?? null,
  }
}

/** The reason and receipt of a refused presentation (a 403 of `POST /credential/vp`). */
function refusal(error: unknown) {
  if (!(error instanceof HumanosApiError) || error.status !== 403 || !isObj(error.body)) {
    return null
  }
  const { reason, receipt } = error.body
  if (typeof reason !== 'string' || !isObj(receipt) || typeof receipt.id !== 'string') return null
  return {
    reason,
    message: error.message,
    receipt: { id: receipt.id, timestamp: String(receipt.timestamp) },
  }
}

export function mandateRoutes(ctx: BffContext): Hono<BffEnv> {
  const app = new Hono<BffEnv>()

  app.get('/api/agent', async (c) => {
    const version = await upstream(() => shoppingAction(ctx))
    const params = (record: Record<string, { type: string; description?: string }>) =>
      Object.entries(record).map(([name, p]) => ({
        name,
        type: p.type,
        description: p.description,
      }))
    const view: AgentActionView = {
      id: version.id,
      version: version.version,
      name: version.content.name,
      description: version.content.description,
      userParams: params(version.content.userParams),
      executionParams: params(version.content.executionParams),
      rules: version.content.rules,
      categories: [...SHOPPING_CATEGORIES],
    }
    return c.json(view)
  })

  app.post('/api/mandates', async (c) => {
    const session = c.get('session')
    takeCreation(ctx, session)
    const body = validate(createMandateSchema, await readJson(c, ctx.config.maxJsonDepth))
    const action = await upstream(() => shoppingAction(ctx))
    const userParams = { maxAmount: body.maxAmount, allowedCategories: body.allowedCategories }
    const created = await upstream(() =>
      ctx.humanos.createRequest({
        contacts: [body.contact],
        name: MANDATE_NAME,
        credentials: [
          {
            type: 'POLICY',
            name: MANDATE_NAME,
            scope: 'agent.execute',
            description: 'What the demo shopping agent may do for you',
            action: { id: action.id, userParams },
          },
        ],
      }),
    )
    const subject = created.subjects[0]
    const credential = created.credentials[0]
    if (!subject || !credential) {
      throw new ApiError(502, 'humanos_error', 'Humanos did not return a Link and a credential')
    }
    const detail = await upstream(() => ctx.humanos.getRequest(created.id))
    const expiresAt = typeof detail.expiresAt === 'string' ? detail.expiresAt : null
    const now = Date.now()
    ctx.db.transaction(() => {
      // The request row makes the approval's attestation and webhooks this session's, as for
      // any request; the mandate row adds what the agent needs.
      insertRequest(ctx.db, {
        id: created.id,
        credential_name: MANDATE_NAME,
        credential_description: null,
        security_level: 'CONTACT',
        contacts: JSON.stringify([body.contact]),
        contact: subject.contact,
        link: subject.link,
        expires_at: expiresAt,
        created_at: now,
        owner: session.id,
      })
      insertMandate(ctx.db, {
        request_id: created.id,
        credential_id: credential.id,
        action_id: action.id,
        user_params: JSON.stringify(userParams),
        last_presentation: null,
        owner: session.id,
        created_at: now,
      })
    })()
    const answer: CreatedMandate = {
      requestId: created.id,
      link: subject.link,
      expiresAt,
      credentialId: credential.id,
    }
    return c.json(answer, 201)
  })

  app.get('/api/mandates', async (c) => {
    const rows = listMandateRows(ctx.db, c.get('session').id, 20)
    const list: MandateList = { data: await Promise.all(rows.map((row) => mandateView(ctx, row))) }
    c.header('Cache-Control', 'no-store')
    return c.json(list)
  })

  app.get('/api/mandates/:requestId', async (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json(await mandateView(ctx, ownedMandate(ctx, c)))
  })

  app.post('/api/mandates/:requestId/attempts', async (c) => {
    const row = ownedMandate(ctx, c)
    const body = validate(attemptSchema, await readJson(c, ctx.config.maxJsonDepth))
    const replayed = 'replay' in body
    let presentation: VerifiablePresentation
    let executionParams: AttemptView['executionParams']
    if (replayed) {
      if (!row.last_presentation) {
        throw new ApiError(409, 'nothing_to_replay', 'The agent has not presented this mandate yet')
      }
      const last = JSON.parse(row.last_presentation) as {
        presentation: VerifiablePresentation
        executionParams: AttemptView['executionParams']
      }
      presentation = last.presentation
      executionParams = last.executionParams
    } else {
      executionParams = { amount: body.amount, category: body.category }
      try {
        presentation = (
          await ctx.humanos.issuePresentation(row.credential_id, { targetVerifier: DEMO_VERIFIER })
        ).presentation
      } catch (error) {
        const refused = refusal(error)
        if (!refused) throw upstreamError(error)
        const view: AttemptView = {
          decision: 'deny',
          stage: 'presentation',
          ...refused,
          evaluations: [],
          executionParams,
          replayed,
          presentation: null,
        }
        return c.json(view)
      }
      setLastPresentation(ctx.db, row.request_id, JSON.stringify({ presentation, executionParams }))
    }
    const result = await upstream(() =>
      ctx.humanos.verifyPresentation({
        presentation,
        executionParams,
        verifier: DEMO_VERIFIER,
        challenge: presentation.proof.challenge,
      }),
    )
    const view: AttemptView = {
      decision: result.decision,
      stage: 'verification',
      reason: result.decision === 'deny' ? result.reason : null,
      message: result.decision === 'deny' ? result.message : null,
      evaluations: result.evaluations,
      receipt: result.receipt,
      executionParams,
      replayed,
      presentation: presentationSummary(presentation),
    }
    return c.json(view)
  })

  app.post('/api/mandates/:requestId/revoke', async (c) => {
    const row = ownedMandate(ctx, c)
    const revocation = await upstream(() =>
      ctx.humanos.revokeCredential(row.credential_id, { reason: 'user_initiated' }),
    )
    const view: RevocationView = revocation
    return c.json(view)
  })

  app.get('/api/mandates/:requestId/activity', async (c) => {
    const row = ownedMandate(ctx, c)
    const [mandate, request] = await Promise.all([
      upstream(() => ctx.humanos.listActivity({ entityId: row.credential_id, pageSize: 100 })),
      upstream(() => ctx.humanos.listActivity({ entityId: row.request_id, pageSize: 100 })),
    ])
    const list: ActivityList = {
      data: [...mandate.data, ...request.data]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((event) => ({
          id: event.id,
          type: event.type,
          createdAt: event.createdAt,
          actorDid: event.actorDid,
          reason: typeof event.payload.reason === 'string' ? event.payload.reason : null,
          receiptId: typeof event.payload.receiptId === 'string' ? event.payload.receiptId : null,
        })),
    }
    c.header('Cache-Control', 'no-store')
    return c.json(list)
  })

  return app
}
