/*
 * DNS-rebinding guard, the sandbox's rule (apps/sandbox/src/http/hostGuard.ts) applied to the
 * BFF. A page on any website can point a name of its own at 127.0.0.1 and then call a local BFF
 * as its own origin, with its own cookies, past SameSite and CORS. Such requests name the
 * attacker's domain in the Host header, so the BFF answers only requests addressed to an IP
 * literal (which cannot be rebound), `localhost` or a `*.localhost` name, a host of one of its
 * page origins (`DEMO_ORIGIN`: the Vite proxy keeps the page's Host) or a host named in
 * `BFF_ALLOWED_HOSTS`. The rule is written again rather than imported: the BFF must run where
 * the sandbox is not installed.
 */
import type { MiddlewareHandler } from 'hono'
import type { BffConfig } from '../config.js'
import { ApiError } from './apiError.js'

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

/** The host name of a `Host` header value (`name`, `name:port`, `[v6]:port`), lower case. */
export function hostnameOf(host: string): string {
  const value = host.trim().toLowerCase()
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1)
  const colon = value.lastIndexOf(':')
  return colon === -1 ? value : value.slice(0, colon)
}

/** True when a request addressed to `hostname` may be answered (see the module comment). */
export function isAllowedHost(hostname: string, allowed: ReadonlySet<string>): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true
  if (IPV4.test(hostname) || hostname.startsWith('[')) return true
  return allowed.has(hostname)
}

/** Refuses, with a `403` that says how to allow it, a request addressed to any other host. */
export function hostGuard(config: BffConfig): MiddlewareHandler {
  const allowed = new Set([
    ...config.demoOrigins.map((origin) => new URL(origin).hostname),
    ...config.allowedHosts.map((host) => host.toLowerCase()),
  ])
  return async (c, next) => {
    // The raw header, not c.req.url: a name that does not parse as a URL host (invalid
    // punycode such as `xn--a`) must be refused here, not crash URL parsing later.
    const hostname = hostnameOf(c.req.header('host') ?? '')
    if (!isAllowedHost(hostname, allowed)) {
      throw new ApiError(
        403,
        'forbidden_host',
        `The demo BFF does not answer requests addressed to "${hostname.slice(0, 100)}". Use localhost or an IP address, or add the name to BFF_ALLOWED_HOSTS.`,
      )
    }
    return next()
  }
}
