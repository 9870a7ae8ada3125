/*
 * Idempotency-Key (humanos-api.md): the same key with the same request answers the first
 * response again, without new side effects; the same key with another request is a 409.
 * 1. The key is scoped to the API key and fingerprinted with method, path, query and raw body.
 * 2. A key whose first request is still running is a 409, so two racing retries cannot both act.
 * 3. Only successful answers are stored: a request refused by validation may be fixed and
 *    retried with the same key.
 */
import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SandboxContext } from '../context'
import { findIdempotent, saveIdempotent } from '../db/idempotencyStore'
import type { AppEnv } from '../http/appEnv'
import { HttpError } from '../http/httpError'

const inFlight = new WeakMap<SandboxContext, Set<string>>()

function sha256(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex')
}

/** What a create-style handler answers. */
export interface HandlerAnswer {
  status: ContentfulStatusCode
  body: unknown
}

/** Runs `handler` once per `Idempotency-Key` (when the request carries one). */
export async function idempotent(
  ctx: SandboxContext,
  c: Context<AppEnv>,
  handler: () => Promise<HandlerAnswer>,
): Promise<Response> {
  const key = c.req.header('idempotency-key')
  if (key === undefined) {
    const answer = await handler()
    return c.json(answer.body, answer.status)
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new HttpError(400, 'Idempotency-Key must be 1-255 visible ASCII characters')
  }
  const url = new URL(c.req.url)
  const fingerprint = sha256(
    `${c.req.method} ${url.pathname}${url.search}\n${sha256(c.get('rawBody'))}`,
  )
  const scope = sha256(ctx.config.apiKey)
  const slot = `${scope}:${key}`
  const running = inFlight.get(ctx) ?? new Set<string>()
  inFlight.set(ctx, running)
  if (running.has(slot)) {
    throw new HttpError(409, 'A request with this Idempotency-Key is still being processed')
  }
  const stored = findIdempotent(ctx.db, scope, key, Date.now())
  if (stored) {
    if (stored.fingerprint !== fingerprint) {
      throw new HttpError(409, 'This Idempotency-Key was already used with a different request')
    }
    c.header('Idempotent-Replayed', 'true')
    return c.body(stored.body, stored.status as ContentfulStatusCode, {
      'Content-Type': 'application/json',
    })
  }
  running.add(slot)
  try {
    const answer = await handler()
    const body = JSON.stringify(answer.body)
    if (answer.status >= 200 && answer.status < 300) {
      saveIdempotent(ctx.db, scope, key, { fingerprint, status: answer.status, body }, Date.now())
    }
    return c.body(body, answer.status, { 'Content-Type': 'application/json' })
  } finally {
    running.delete(slot)
  }
}
