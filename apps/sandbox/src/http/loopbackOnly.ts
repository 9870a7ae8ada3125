/*
 * The sandbox's developer tools (`/_sandbox/*`: the inbox with the one-time codes, settings,
 * decide-without-a-person, reset) answer only callers on this machine, whatever address the
 * sandbox listens on: bound to 0.0.0.0 for a phone on the LAN, the Link pages and the API are
 * reachable, but nobody else there can read codes or decide (`SANDBOX_REMOTE_DEV_TOOLS=true`
 * opens them, for a sandbox in a container reached through a port mapping).
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import type { SandboxContext } from '../context.js'
import type { AppEnv } from './appEnv.js'
import { HttpError } from './httpError.js'

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopbackAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1'
}

/** The TCP peer of a request (not `X-Forwarded-For`, which any caller can write). */
export function peerOf(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address
  } catch {
    // Not served by node:http (app.request() in a test): no network peer at all.
    return '127.0.0.1'
  }
}

/** Refuses, with a 403 that says why and how to allow it, a caller from another machine. */
export function loopbackOnly(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const peer = peerOf(c)
    if (!ctx.config.remoteDevTools && (peer === undefined || !isLoopbackAddress(peer))) {
      throw new HttpError(
        403,
        'The sandbox tools (/_sandbox/*) answer only this machine. Set SANDBOX_REMOTE_DEV_TOOLS=true to open them to the network.',
        { code: 'loopback_only' },
      )
    }
    await next()
  }
}
