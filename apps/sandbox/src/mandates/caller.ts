import type { Context } from 'hono'
import type { SandboxContext } from '../context.js'
import type { AppEnv } from '../http/appEnv.js'
import { issuerDidOf } from '../proof/didDocument.js'

/**
 * Who calls: the organization of the API key (set by `apiAuth`, or by `sandboxOrg` on
 * `/_sandbox` routes), its issuer DID, and the sandbox's platform DID (`did:web:<host>`).
 */
export function callerOf(ctx: SandboxContext, c: Context<AppEnv>) {
  const orgId = c.get('org').id
  return { orgId, orgDid: issuerDidOf(ctx.platformDid, orgId), hostDid: ctx.platformDid }
}
