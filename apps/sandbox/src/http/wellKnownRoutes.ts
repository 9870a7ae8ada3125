import { Hono } from 'hono'
import type { SandboxContext } from '../context'
import { issuerDidDocument, userDidDocument } from '../proof/didDocument'
import type { AppEnv } from './appEnv'
import { HttpError } from './httpError'

/** `/health`, the issuer's DID documents and the attestation JWK set. */
export function wellKnownRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/health', (c) =>
    c.json({ status: 'ok', baseUrl: ctx.baseUrl, issuerDid: ctx.issuerDid }),
  )

  app.get('/.well-known/did.json', (c) => {
    c.header('Cache-Control', 'public, max-age=60')
    return c.json(issuerDidDocument(ctx.issuerDid, ctx.keys.issuerMultikey))
  })

  app.get('/.well-known/jwks.json', (c) => {
    c.header('Cache-Control', 'public, max-age=60')
    return c.json({ keys: [ctx.keys.attestationJwk] })
  })

  // did:web resolves `<issuer DID>:user:<n>` to `/user/<n>/did.json`.
  app.get('/user/:n/did.json', (c) => {
    const n = c.req.param('n')
    const exists =
      /^\d{1,12}$/.test(n) &&
      ctx.db.prepare<[number], { id: number }>('SELECT id FROM users WHERE id = ?').get(Number(n))
    if (!exists) throw new HttpError(404, `User ${n} not found`)
    return c.json(userDidDocument(ctx.issuerDid, Number(n)))
  })

  return app
}
