// `/_sandbox/actions` (humanos-mandates.md section 2.2): authoring, which Humanos does in its
// dashboard. No signature, like every `/_sandbox` route; the organization is the caller's.
import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { SandboxContext } from '../context.js'
import type { AppEnv } from '../http/appEnv.js'
import { HttpError } from '../http/httpError.js'
import { parseJsonBody, validate } from '../http/jsonBody.js'
import { actionContentSchema } from './actionContent.js'
import { addActionVersion, createAction, publishVersion, removeAction } from './actions.js'
import { callerOf } from './caller.js'
import { MandateError } from './mandateError.js'

const createSchema = z.strictObject({
  content: actionContentSchema,
  publish: z.boolean().default(false),
})
const versionSchema = z.strictObject({ content: actionContentSchema })

async function body(ctx: SandboxContext, c: Context<AppEnv>): Promise<unknown> {
  const raw = new Uint8Array(await c.req.arrayBuffer())
  return raw.length === 0 ? {} : parseJsonBody(raw, ctx.config.maxJsonDepth)
}

function answer<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof MandateError) throw new HttpError(error.status, error.message)
    throw error
  }
}

/** The action authoring routes of the sandbox. */
export function actionAuthoringRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.post('/_sandbox/actions', async (c) => {
    const input = await validate(createSchema, await body(ctx, c))
    const { orgId } = callerOf(ctx, c)
    return c.json(
      answer(() => createAction(ctx.db, orgId, input.content, input.publish, Date.now())),
      201,
    )
  })

  app.post('/_sandbox/actions/:id/versions', async (c) => {
    const input = await validate(versionSchema, await body(ctx, c))
    const { orgId } = callerOf(ctx, c)
    const ref = c.req.param('id')
    return c.json(
      answer(() => addActionVersion(ctx.db, orgId, ref, input.content, false, Date.now())),
      201,
    )
  })

  app.post('/_sandbox/actions/:id/versions/:version/publish', async (c) => {
    await validate(z.strictObject({}), await body(ctx, c))
    const { orgId } = callerOf(ctx, c)
    const version = c.req.param('version')
    if (!/^[1-9]\d{0,8}$/.test(version)) {
      throw new HttpError(400, 'version: must be a version number (1, 2, ...)')
    }
    return c.json(
      answer(() => publishVersion(ctx.db, orgId, c.req.param('id'), Number(version), Date.now())),
    )
  })

  app.delete('/_sandbox/actions/:id', (c) => {
    const { orgId } = callerOf(ctx, c)
    answer(() => removeAction(ctx.db, orgId, c.req.param('id')))
    return c.json({ success: true })
  })

  return app
}
