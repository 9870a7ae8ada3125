/*
 * Who may see and act on what: every row a browser can reach carries the `owner` of the
 * session that created it, and every route reaches rows only through these helpers. Another
 * session's row is answered exactly like a row that does not exist, so ids cannot be probed.
 */
import type { MiddlewareHandler } from 'hono'
import type { BffContext, BffEnv } from '../context.js'
import { getRequestRow, listRequestRows } from '../db/requestStore.js'
import type { RequestRow } from '../db/requestStore.js'
import { ApiError } from '../http/apiError.js'
import { validate } from '../http/jsonBody.js'
import { requestParamsSchema } from '../schemas.js'
import type { Session } from './sessions.js'

/** `row` when `session` owns it; otherwise the `404` a missing row gets. */
export function owned<T extends { owner: string | null }>(
  row: T | undefined,
  session: Session,
  notFound: string,
): T {
  if (!row || row.owner === null || row.owner !== session.id) {
    throw new ApiError(404, 'not_found', notFound)
  }
  return row
}

/** The request `id` if `session` created it. @throws ApiError 404 otherwise. */
export function ownedRequest(ctx: BffContext, session: Session, id: string): RequestRow {
  return owned(getRequestRow(ctx.db, id), session, `This demo has no request ${id}`)
}

/** The newest requests `session` created. */
export function ownedRequests(ctx: BffContext, session: Session, limit: number): RequestRow[] {
  return listRequestRows(ctx.db, session.id, limit)
}

/**
 * For routes with a `:requestId` parameter (`/api/requests/:requestId/...`): checks the id's
 * shape and that the session owns the request, and sets `c.var.request`, before the handler.
 */
export function ownedRequestParam(ctx: BffContext): MiddlewareHandler<BffEnv> {
  return async (c, next) => {
    const { requestId } = validate(requestParamsSchema, { requestId: c.req.param('requestId') })
    c.set('request', ownedRequest(ctx, c.get('session'), requestId))
    return next()
  }
}
