import type { Context } from 'hono'
import type { SandboxContext } from '../context'
import type { AppEnv } from '../http/appEnv'

/** Who calls: the organization of the API key, its DID, and the sandbox's host DID. */
export function callerOf(ctx: SandboxContext, _c: Context<AppEnv>) {
  return { orgId: 'primary', orgDid: ctx.issuerDid, hostDid: ctx.issuerDid }
}
