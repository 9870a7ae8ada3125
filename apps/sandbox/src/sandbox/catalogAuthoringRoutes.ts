// `POST /_sandbox/approvals` and `POST /_sandbox/workflows`: the sandbox's stand-in for the
// Humanos dashboard, where an organization authors its approval templates and workflows.
// Mounted after the `/_sandbox` middlewares (JSON only, organization from the Bearer key).
import { Hono } from 'hono'
import { z } from 'zod'
import type { SandboxContext } from '../context.js'
import { createApproval, createWorkflow } from '../flow/catalogAuthoring.js'
import type { AppEnv } from '../http/appEnv.js'
import { parseJsonBody, validate } from '../http/jsonBody.js'

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max)

const approvalSchema = z.strictObject({
  type: z.enum(['DOCUMENT', 'CONSENT', 'FORM', 'JSON']),
  name: text(200),
  description: z.string().max(5000).optional(),
  content: z.json().optional(),
  internalId: text(200).optional(),
  active: z.boolean().default(true),
})

const workflowSchema = z.strictObject({
  name: text(200),
  description: z.string().max(5000).optional(),
  approvalIds: z
    .array(text(100))
    .min(1, 'must list at least 1 approval')
    .max(10, 'must list at most 10 approvals')
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an approval'),
  active: z.boolean().default(true),
})

export function catalogAuthoringRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const body = async (raw: ArrayBuffer) =>
    raw.byteLength === 0 ? {} : parseJsonBody(new Uint8Array(raw), ctx.config.maxJsonDepth)

  app.post('/_sandbox/approvals', async (c) => {
    const input = await validate(approvalSchema, await body(await c.req.arrayBuffer()))
    return c.json(createApproval(ctx.db, c.get('org').id, input), 201)
  })

  app.post('/_sandbox/workflows', async (c) => {
    const input = await validate(workflowSchema, await body(await c.req.arrayBuffer()))
    return c.json(createWorkflow(ctx.db, c.get('org').id, input), 201)
  })

  return app
}
