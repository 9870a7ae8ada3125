import { Hono } from 'hono'
import type { SandboxContext } from '../context.js'
import { getEvidence } from '../db/evidenceStore.js'
import { DomainCodes, DomainError } from '../flow/domainError.js'
import type { AppEnv } from '../http/appEnv.js'

/**
 * `GET /evidences/:evidenceId`: one evidence document of a credential, byte for byte what its
 * entry's `digestSRI` hashes. The id is the `<uuid>` the entry's `location` ends with.
 */
export function evidenceRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/evidences/:evidenceId', (c) => {
    const id = c.req.param('evidenceId')
    const row = getEvidence(ctx.db, c.get('org').id, id)
    if (!row) throw new DomainError(DomainCodes.NOT_FOUND, `Evidence ${id} not found`)
    return c.body(row.body, 200, { 'Content-Type': 'application/json; charset=utf-8' })
  })
  return app
}
