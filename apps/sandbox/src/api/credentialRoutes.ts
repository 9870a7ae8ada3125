import { Hono } from 'hono'
import type { SandboxContext } from '../context'
import { getCredential, updateCredential } from '../db/credentialStore'
import { credentialView } from '../flow/views'
import type { AppEnv } from '../http/appEnv'
import { HttpError } from '../http/httpError'
import { parseJsonBody, validate } from '../http/jsonBody'
import { revokeSchema } from './requestSchemas'

function findCredential(ctx: SandboxContext, id: string) {
  const row = getCredential(ctx.db, id)
  if (!row) throw new HttpError(404, `Credential ${id} not found`)
  return row
}

/** `/credential` endpoints of humanos-api.md. Mounted behind {@link apiAuth}. */
export function credentialRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/credential/:credentialId', (c) => {
    const row = findCredential(ctx, c.req.param('credentialId'))
    return c.json(credentialView(ctx.db, row))
  })

  app.delete('/credential/revoke/:credentialId', async (c) => {
    const raw = c.get('rawBody')
    const body =
      raw.length > 0
        ? await validate(revokeSchema, parseJsonBody(raw, ctx.config.maxJsonDepth))
        : {}
    const row = findCredential(ctx, c.req.param('credentialId'))
    if (row.status !== 'ACTIVE') {
      throw new HttpError(
        409,
        `Only an ACTIVE credential can be revoked; this one is ${row.status}`,
      )
    }
    updateCredential(ctx.db, row.id, {
      status: 'REVOKED',
      revokedReason: body.reason ?? null,
      at: Date.now(),
    })
    return c.json(credentialView(ctx.db, findCredential(ctx, row.id)))
  })

  return app
}
