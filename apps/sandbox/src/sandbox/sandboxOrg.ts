import type { MiddlewareHandler } from 'hono'
import type { SandboxContext } from '../context.js'
import { organizationByApiKey, primaryOrganization } from '../db/organizationStore.js'
import type { AppEnv } from '../http/appEnv.js'
import { HttpError } from '../http/httpError.js'

/**
 * Chooses the organization a `/_sandbox` route acts for: the owner of the
 * `Authorization: Bearer <API key>` it is given (no signature: the sandbox is a loopback tool),
 * else the first organization. An unknown key is a 401, never a silent fallback.
 */
export function sandboxOrg(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization')
    if (header === undefined) {
      c.set('org', primaryOrganization(ctx.db))
    } else {
      const key = /^Bearer (\S+)$/.exec(header)?.[1]
      const org = key === undefined ? undefined : organizationByApiKey(ctx.db, key)
      if (!org) {
        throw new HttpError(
          401,
          'Unknown API key: send an organization\'s "Authorization: Bearer <API key>", or none to act for the first organization',
        )
      }
      c.set('org', org)
    }
    await next()
  }
}
