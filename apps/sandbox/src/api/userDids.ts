import type { SandboxContext } from '../context.js'
import { userDid } from '../proof/didDocument.js'

/** The user number of one of this sandbox's user DIDs (`<platform DID>:user:<n>`), else null. */
export function userNumberOfDid(ctx: SandboxContext, did: string): number | null {
  const prefix = userDid(ctx.platformDid, 0).slice(0, -1)
  if (!did.startsWith(prefix)) return null
  const n = did.slice(prefix.length)
  return /^\d{1,12}$/.test(n) ? Number(n) : null
}
