import { Hono } from 'hono'
import type { SandboxContext } from '../context.js'
import { getCredential } from '../db/credentialStore.js'
import type { CredentialRow } from '../db/rows.js'
import { DomainCodes, DomainError } from '../flow/domainError.js'
import { credentialView } from '../flow/views.js'
import type { AppEnv } from '../http/appEnv.js'

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

  // `DELETE /credential/revoke/:credentialId` is a mandate step: mandates/mandateRoutes.ts.

  return app
}
