import { Hono } from 'hono'
import type { SandboxContext } from '../context.js'
import { getOrganization } from '../db/organizationStore.js'
import {
  issuerDidDocument,
  platformDidDocument,
  platformKeyDid,
  platformKeyDidDocument,
  userDidDocument,
} from '../proof/didDocument.js'
import type { AppEnv } from './appEnv.js'
import { HttpError } from './httpError.js'

/**
 * `/health`, the did:web documents (platform, platform key, issuers, users) and the
 * attestation JWK set. did:web documents are public by design: resolvers fetch them unsigned.
 */
export function wellKnownRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const cached = { 'Cache-Control': 'public, max-age=60' }

  app.get('/health', (c) =>
    c.json({ status: 'ok', baseUrl: ctx.baseUrl, platformDid: ctx.platformDid }),
  )

  app.get('/.well-known/did.json', (c) => c.json(platformDidDocument(ctx.platformDid), 200, cached))

  app.get('/.well-known/jwks.json', (c) => c.json({ keys: [ctx.keys.attestationJwk] }, 200, cached))

  app.get('/platform/:uuid/did.json', (c) => {
    if (c.req.param('uuid') !== ctx.keys.platformUuid) {
      throw new HttpError(404, `Platform key ${c.req.param('uuid')} not found`)
    }
    const keyDid = platformKeyDid(ctx.platformDid, ctx.keys.platformUuid)
    return c.json(
      platformKeyDidDocument(keyDid, ctx.platformDid, ctx.keys.issuerMultikey),
      200,
      cached,
    )
  })

  app.get('/issuer/:orgId/did.json', (c) => {
    const org = getOrganization(ctx.db, c.req.param('orgId'))
    if (!org) throw new HttpError(404, `Issuer ${c.req.param('orgId')} not found`)
    return c.json(issuerDidDocument(ctx.platformDid, org.id), 200, cached)
  })

  // did:web resolves `<platform DID>:user:<n>` to `/user/<n>/did.json`.
  app.get('/user/:n/did.json', (c) => {
    const n = c.req.param('n')
    const exists =
      /^\d{1,12}$/.test(n) &&
      ctx.db.prepare<[number], { id: number }>('SELECT id FROM users WHERE id = ?').get(Number(n))
    if (!exists) throw new HttpError(404, `User ${n} not found`)
    return c.json(userDidDocument(ctx.platformDid, Number(n)))
  })

  return app
}
