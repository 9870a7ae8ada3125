import { Hono } from 'hono'
import type { SandboxContext } from '../context'
import { getCredential, updateCredential } from '../db/credentialStore'
import type { CredentialRow } from '../db/rows'
import { DomainCodes, DomainError } from '../flow/domainError'
import { credentialView } from '../flow/views'
import type { AppEnv } from '../http/appEnv'
import { parseJsonBody, validate } from '../http/jsonBody'
import { revokeSchema } from './requestSchemas'

/** A credential of the caller's organization; another organization's is not found. */
export function findCredential(ctx: SandboxContext, orgId: string, id: string): CredentialRow {
  const row = getCredential(ctx.db, orgId, id)
  if (!row) throw new DomainError(DomainCodes.NOT_FOUND, `Credential ${id} not found`)
  return row
}

/** `/credential` endpoints of humanos-api.md. Mounted behind {@link apiAuth}. */
export function credentialRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/credential/:credentialId', (c) => {
    const row = findCredential(ctx, c.get('org').id, c.req.param('credentialId'))
    return c.json(credentialView(ctx, row))
  })

  app.delete('/credential/revoke/:credentialId', async (c) => {
    const raw = c.get('rawBody')
    const body =
      raw.length > 0
        ? await validate(revokeSchema, parseJsonBody(raw, ctx.config.maxJsonDepth))
        : {}
    const orgId = c.get('org').id
    const row = findCredential(ctx, orgId, c.req.param('credentialId'))
    if (row.status !== 'ACTIVE') {
      throw new DomainError(
        DomainCodes.CREDENTIAL_NOT_ACTIVE,
        `Only an ACTIVE credential can be revoked; this one is ${row.status}`,
      )
    }
    updateCredential(ctx.db, row.id, {
      status: 'REVOKED',
      revokedReason: body.reason ?? null,
      at: Date.now(),
    })
    return c.json(credentialView(ctx, findCredential(ctx, orgId, row.id)))
  })

  return app
}
