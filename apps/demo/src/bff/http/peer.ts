import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/**
 * The TCP peer: the browser, or the Vite proxy in development (so every browser behind the
 * proxy shares it). `X-Forwarded-For` is not trusted, since anyone can send it; a deployment
 * behind a known proxy would read it from that proxy only.
 */
export function peerOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
