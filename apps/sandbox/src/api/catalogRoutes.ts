import { Hono } from 'hono'
import { z } from 'zod'
import type { SandboxContext } from '../context.js'
import { listApprovals, listWorkflows } from '../db/approvalStore.js'
import { approvalView, workflowView } from '../flow/catalogViews.js'
import type { AppEnv } from '../http/appEnv.js'
import { validate } from '../http/jsonBody.js'
import { pageQueryShape } from './requestSchemas.js'
import { pageView } from '../http/pageView.js'

const APPROVAL_TYPES = ['DOCUMENT', 'CONSENT', 'FORM', 'JSON'] as const

const activeSchema = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .transform((value) => value === 'true')
  .optional()

const approvalsQuery = z.strictObject({
  ...pageQueryShape,
  active: activeSchema,
  // `types=DOCUMENT,CONSENT` (comma-separated).
  types: z
    .string()
    .transform((value) => value.split(',').map((type) => type.trim()))
    .pipe(
      z.array(
        z.enum(APPROVAL_TYPES, { message: `each must be one of ${APPROVAL_TYPES.join(', ')}` }),
      ),
    )
    .optional(),
})

const workflowsQuery = z.strictObject({ ...pageQueryShape, active: activeSchema })

/** `GET /approvals` and `GET /workflows`: the organization's catalog, paginated. */
export function catalogRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/approvals', async (c) => {
    const query = await validate(approvalsQuery, c.req.query(), 'query')
    const { rows, total } = listApprovals(ctx.db, c.get('org').id, query)
    return c.json(
      pageView(
        rows.map((row) => approvalView(ctx.db, row)),
        total,
        query.pageSize,
      ),
    )
  })

  app.get('/workflows', async (c) => {
    const query = await validate(workflowsQuery, c.req.query(), 'query')
    const { rows, total } = listWorkflows(ctx.db, c.get('org').id, query)
    return c.json(
      pageView(
        rows.map((row) => workflowView(ctx.db, row)),
        total,
        query.pageSize,
      ),
    )
  })

  return app
}
