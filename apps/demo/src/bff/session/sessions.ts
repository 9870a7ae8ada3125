/*
 * Browser sessions. A session is a random 256-bit token in an `HttpOnly`, `SameSite=Strict`
 * cookie; the database keeps only its SHA-256, so a copy of the database does not let anyone
 * act as a session. A browser without a valid cookie gets a new session on its first `/api`
 * call. New sessions cost a row each, so issuing them is limited per TCP peer; what a session
 * may then do (create requests) is limited per session.
 */
import { createHash, randomBytes } from 'node:crypto'
import { getCookie, setCookie } from 'hono/cookie'
import type { MiddlewareHandler } from 'hono'
import type { BffConfig } from '../config.js'
import type { BffContext, BffEnv } from '../context.js'
import { ApiError } from '../http/apiError.js'
import { peerOf } from '../http/peer.js'

/** One browser session; `id` is the hash of its cookie, the owner stored on its rows. */
export interface Session {
  id: string
}

const SESSION_DAYS = 30
const TOKEN = /^[A-Za-z0-9_-]{43}$/

/**
 * The cookie's name: `__Host-` (Secure, host-only, path `/`) when every page origin is HTTPS,
 * as a deployment should be; plain on `http://localhost`, where browsers may not keep a
 * Secure cookie that the Vite proxy passes on.
 */
export function sessionCookieName(config: BffConfig): string {
  return secureOrigins(config) ? '__Host-demo_session' : 'demo_session'
}

const secureOrigins = (config: BffConfig) =>
  config.demoOrigins.every((origin) => origin.startsWith('https://'))

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url')

/** Finds the session of the request's cookie, or starts one; sets `c.var.session`. */
export function sessionMiddleware(ctx: BffContext): MiddlewareHandler<BffEnv> {
  const name = sessionCookieName(ctx.config)
  const find = ctx.db.prepare<[string, number], { id_hash: string }>(
    'SELECT id_hash FROM sessions WHERE id_hash = ? AND expires_at > ?',
  )
  const insert = ctx.db.prepare<[string, number, number]>(
    'INSERT INTO sessions (id_hash, created_at, expires_at) VALUES (?, ?, ?)',
  )
  const sweep = ctx.db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?')

  return async (c, next) => {
    const now = Date.now()
    const token = getCookie(c, name)
    if (token !== undefined && TOKEN.test(token)) {
      const row = find.get(hashOf(token), now)
      if (row) {
        c.set('session', { id: row.id_hash })
        return next()
      }
    }
    const retryAfter = ctx.sessionLimiter.take(peerOf(c))
    if (retryAfter !== null) {
      throw new ApiError(429, 'rate_limited', `Too many new sessions; retry in ${retryAfter} s`, {
        headers: { 'Retry-After': String(retryAfter) },
      })
    }
    const fresh = randomBytes(32).toString('base64url')
    const maxAge = SESSION_DAYS * 24 * 3600
    sweep.run(now)
    insert.run(hashOf(fresh), now, now + maxAge * 1000)
    setCookie(c, name, fresh, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: secureOrigins(ctx.config),
      path: '/',
      maxAge,
    })
    c.set('session', { id: hashOf(fresh) })
    return next()
  }
}
