import { Hono } from 'hono'
import type { SandboxContext } from '../context.js'
import { getCredential } from '../db/credentialStore.js'
import { getOrganization } from '../db/organizationStore.js'
import { getUserById } from '../db/userStore.js'
import { DomainCodes, DomainError } from '../flow/domainError.js'
import type { AppEnv } from '../http/appEnv.js'
import {
  credentialDidDocument,
  issuerDidDocument,
  issuerDidOf,
  platformDidDocument,
  platformKeyDid,
  platformKeyDidDocument,
  userDidDocument,
} from '../proof/didDocument.js'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/**
 * The DID document of one of the sandbox's DIDs, or `undefined`. The platform, its key and the
 * issuers are public (they verify credentials); a user's or a credential's DID resolves only
 * for the organization it belongs to.
 */
export function resolveDid(ctx: SandboxContext, orgId: string, did: string): unknown {
  const platform = ctx.platformDid
  if (did === platform) return platformDidDocument(platform)
  if (!did.startsWith(`${platform}:`)) return undefined
  const rest = did.slice(platform.length + 1)
  const keyDid = platformKeyDid(platform, ctx.keys.platformUuid)
  if (did === keyDid) return platformKeyDidDocument(keyDid, platform, ctx.keys.issuerMultikey)
  const issuer = new RegExp(`^issuer:(${UUID})$`).exec(rest)
  if (issuer && getOrganization(ctx.db, issuer[1]!)) return issuerDidDocument(platform, issuer[1]!)
  const user = /^user:(\d{1,12})$/.exec(rest)
  if (user && getUserById(ctx.db, orgId, Number(user[1]))) {
    return userDidDocument(platform, Number(user[1]))
  }
  const credential = new RegExp(`^credential:(${UUID})$`).exec(rest)
  if (credential) {
    const id = `urn:via:credential:${credential[1]!}`
    const row = getCredential(ctx.db, orgId, id)
    if (row) {
      const url = `${ctx.baseUrl}/credential/${id}`
      return credentialDidDocument(did, issuerDidOf(platform, row.org_id), url)
    }
  }
  return undefined
}

/** `GET /did/:did`: resolves the platform's, an issuer's, a user's or a credential's DID. */
export function didRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/did/:did', (c) => {
    const did = c.req.param('did')
    const document = resolveDid(ctx, c.get('org').id, did)
    if (document === undefined) throw new DomainError(DomainCodes.NOT_FOUND, `DID ${did} not found`)
    return c.json(document)
  })
  return app
}
