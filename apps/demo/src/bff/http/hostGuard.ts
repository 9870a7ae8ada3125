/*
 * DNS-rebinding guard, the sandbox's rule (apps/sandbox/src/http/hostGuard.ts) applied to the
 * BFF. A page on any website can point a name of its own at 127.0.0.1 and then call a local BFF
 * as its own origin, with its own cookies, past SameSite and CORS. Such requests name the
 * attacker's domain in the Host header, so the BFF answers only requests addressed to an IP
 * literal (which cannot be rebound), `localhost` or a `*.localhost` name, a host of one of its
 * page origins (`DEMO_ORIGIN`: the Vite proxy keeps the page's Host) or a host named in
 * `BFF_ALLOWED_HOSTS`. The rule is the sandbox's own, shared through `@humanos-link/core/protocol`
 * (`isRebindingSafeHost`), which the BFF already depends on: it must run where the sandbox is
 * not installed.
 */
import { hostnameOfHostHeader, isRebindingSafeHost } from '@humanos-link/core/protocol'
import type { MiddlewareHandler } from 'hono'
import type { BffConfig } from '../config.js'
import { ApiError } from './apiError.js'

/** Refuses, with a `403` that says how to allow it, a request addressed to any other host. */
export function hostGuard(config: BffConfig): MiddlewareHandler {
  const allowed = new Set([
    ...config.demoOrigins.map((origin) => new URL(origin).hostname),
    ...config.allowedHosts.map((host) => host.toLowerCase()),
  ])
  return async (c, next) => {
    // The raw header, not c.req.url: a name that does not parse as a URL host (invalid
    // punycode such as `xn--a`) must be refused here, not crash URL parsing later.
    const hostname = hostnameOfHostHeader(c.req.header('host') ?? '')
    if (!isRebindingSafeHost(hostname, allowed)) {
      throw new ApiError(
        403,
        'forbidden_host',
        `The demo BFF does not answer requests addressed to "${hostname.slice(0, 100)}". Use localhost or an IP address, or add the name to BFF_ALLOWED_HOSTS.`,
      )
    }
    return next()
  }
}
