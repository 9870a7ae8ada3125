// The Humanos API endpoints of humanos-mandates.md: actions, presentations, verification,
// revocation, receipts and activity. Mounted behind `apiAuth`; every lookup is scoped to the
// caller's organization.
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { SandboxContext } from '../context.js'
import {
  findAction,
  latestPublishedVersion,
  listPublishedActions,
  listPublishedVersions,
} from '../db/actionStore.js'
import { listActivity } from '../db/activityStore.js'
import { getMandate } from '../db/mandateStore.js'
import { getReceipt } from '../db/receiptStore.js'
import type { AppEnv } from '../http/appEnv.js'
import { HttpError, errorBody } from '../http/httpError.js'
import { parseJsonBody, validate } from '../http/jsonBody.js'
import { callerOf } from './caller.js'
import { credentialUrn } from './mandateContext.js'
import type { MandateContext } from './mandateContext.js'
import { MandateError } from './mandateError.js'
import {
  activityQuerySchema,
  actionsQuerySchema,
  gatherQuery,
  issuePresentationSchema,
  revokeMandateSchema,
  verifySchema,
  versionsQuerySchema,
} from './mandateSchemas.js'
import { actionSummaryView, actionVersionView, activityView } from './mandateViews.js'
import { platformKeyOf } from './platformKey.js'
import { issuePresentation } from './presentations.js'
import { revokeCredential } from './revocation.js'
import { verifyPresentation } from './verification.js'
import { pageView } from '../http/pageView.js'

const DAY_MS = 86_400_000

function mandateContext(ctx: SandboxContext, c: Context<AppEnv>): MandateContext {
  const caller = callerOf(ctx, c)
  return {
    db: ctx.db,
    key: platformKeyOf(ctx),
    orgId: caller.orgId,
    orgDid: caller.orgDid,
    hostDid: caller.hostDid,
    now: Date.now(),
  }
}

function bodyOf(ctx: SandboxContext, c: Context<AppEnv>): unknown {
  const raw = c.get('rawBody')
  return raw.length === 0 ? {} : parseJsonBody(raw, ctx.config.maxJsonDepth)
}

function rethrow(error: unknown): never {
  if (error instanceof MandateError) throw new HttpError(error.status, error.message)
  throw error
}

function denied(c: Context<AppEnv>, extra: Record<string, unknown>, message: string) {
  return c.json({ ...errorBody(403, message), ...extra }, 403)
}

/** `/actions`, `/credential/vp`, `/credential/verify`, `/credential/revoke`, `/receipt`, `/activity`. */
export function mandateRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/actions', async (c) => {
    const query = await validate(actionsQuerySchema, c.req.query(), 'query')
    const { orgId } = callerOf(ctx, c)
    const { rows, total } = listPublishedActions(ctx.db, orgId, query)
    return c.json(pageView(rows.map(actionSummaryView), total, query.pageSize))
  })

  app.get('/actions/version/:id', async (c) => {
    const query = await validate(versionsQuerySchema, c.req.query(), 'query')
    const { orgId } = callerOf(ctx, c)
    const action = findAction(ctx.db, orgId, c.req.param('id'))
    // An action with nothing published is as unknown to API clients as one that does not exist.
    if (!action || !latestPublishedVersion(ctx.db, action.id)) {
      throw new HttpError(404, `Action ${c.req.param('id')} not found`)
    }
    const { rows, total } = listPublishedVersions(ctx.db, action.id, query)
    return c.json(
      pageView(
        rows.map((row) => actionVersionView(action, row)),
        total,
        query.pageSize,
      ),
    )
  })

  app.post('/credential/vp/:vcId', async (c) => {
    const body = await validate(issuePresentationSchema, bodyOf(ctx, c))
    const m = mandateContext(ctx, c)
    const vcId = c.req.param('vcId')
    const urn = credentialUrn(vcId, m.hostDid)
    const row = urn === null ? undefined : getMandate(ctx.db, m.orgId, urn)
    if (!row) throw new HttpError(404, `Credential ${vcId} not found`)
    const outcome = issuePresentation(m, row, body)
    if (!outcome.ok) {
      return denied(c, { reason: outcome.reason, receipt: outcome.receipt }, outcome.message)
    }
    return c.json({ presentation: outcome.presentation, receipt: outcome.receipt })
  })

  app.post('/credential/verify', async (c) => {
    const body = await validate(verifySchema, bodyOf(ctx, c))
    const outcome = verifyPresentation(mandateContext(ctx, c), body)
    if (outcome.decision === 'deny') {
      const { reason, evaluations, receipt, message } = outcome
      return denied(c, { decision: 'deny', reason, evaluations, receipt }, message)
    }
    return c.json(outcome)
  })

  app.delete('/credential/revoke/:credentialId', async (c) => {
    const body = await validate(revokeMandateSchema, bodyOf(ctx, c))
    try {
      return c.json(
        revokeCredential(mandateContext(ctx, c), c.req.param('credentialId'), body.reason),
      )
    } catch (error) {
      rethrow(error)
    }
  })

  app.get('/receipt/:receiptId', (c) => {
    const { orgId } = callerOf(ctx, c)
    const row = getReceipt(ctx.db, orgId, c.req.param('receiptId'))
    if (!row) throw new HttpError(404, `Receipt ${c.req.param('receiptId')} not found`)
    return c.json(JSON.parse(row.body) as unknown)
  })

  app.get('/activity', async (c) => {
    const query = await validate(activityQuerySchema, gatherQuery(c.req.queries()), 'query')
    const { orgId } = callerOf(ctx, c)
    // Whole days in UTC: dateFrom from its first millisecond, dateTo through its last.
    const from = query.dateFrom ? Date.parse(`${query.dateFrom}T00:00:00Z`) : undefined
    const to = query.dateTo ? Date.parse(`${query.dateTo}T00:00:00Z`) + DAY_MS : undefined
    const { rows, total } = listActivity(ctx.db, orgId, {
      types: query.type,
      entityType: query.entityType,
      entityId: query.entityId,
      actorDid: query.actorDid,
      subjectDid: query.subjectDid,
      from,
      to,
      pageIndex: query.pageIndex,
      pageSize: query.pageSize,
    })
    return c.json(pageView(rows.map(activityView), total, query.pageSize))
  })

  return app
}
