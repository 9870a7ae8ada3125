/*
 * DNS-rebinding guard. A page on any website can point a host name of its own at 127.0.0.1 and
 * then call a local sandbox as its own origin: read the one-time codes `/_sandbox/outbox` lists,
 * or sign API calls with the well-known default secret. Such requests give themselves away in
 * the Host header, which names the attacker's domain. So the sandbox answers only requests
 * addressed to an IP literal (which cannot be rebound), `localhost` or a `*.localhost` name, or
 * the host of its public URL (`SANDBOX_PUBLIC_URL`): the rule the demo BFF shares
 * (`isRebindingSafeHost` in `@humanos-link/core/protocol`). Vite's dev server guards the same way.
 */
import { hostnameOfHostHeader, isRebindingSafeHost } from '@humanos-link/core/protocol'
import type { MiddlewareHandler } from 'hono'
import type { SandboxContext } from '../context.js'
import type { AppEnv } from './appEnv.js'
import { HttpError } from './httpError.js'

/** True when a request addressed to `hostname` may be answered (see the module comment). */
export function isAllowedHost(hostname: string, baseUrl: string): boolean {
  const known = new Set(URL.canParse(baseUrl) ? [new URL(baseUrl).hostname] : [])
  return isRebindingSafeHost(hostname, known)
}

/** Refuses, with a 403 that says how to allow it, a request addressed to any other host. */
export function hostGuard(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The raw header, not `new URL(c.req.url)`: a name the URL parser refuses (invalid punycode
    // such as `xn--a`) would throw there and answer 500; here it is simply not allowed.
    const hostname = hostnameOfHostHeader(c.req.header('host') ?? '')
    if (!isAllowedHost(hostname, ctx.baseUrl)) {
      throw new HttpError(
        403,
        `The sandbox does not answer requests addressed to "${hostname.slice(0, 100)}". Use localhost or an IP address, or set SANDBOX_PUBLIC_URL to the URL you reach it by.`,
      )
    }
    await next()
  }
}
