/*
 * Idempotency-Key (humanos-api.md): the same key with the same request answers the first
 * response again, without new side effects; the same key with another request is a 409.
 * 1. The key is scoped to the organization and fingerprinted with method, path, query and raw
 *    body.
 * 2. A key whose first request is still running is a 409, so two racing retries cannot both act.
 * 3. The resource and the idempotency record are written in ONE SQLite transaction: a crash
 *    or failure between them rolls both back, so a retry can never act a second time.
 * 4. Only successful answers are stored: a request refused by validation may be fixed and
 *    retried with the same key.
 */
import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SandboxContext } from '../context.js'
import { findIdempotent, saveIdempotent } from '../db/idempotencyStore.js'
import type { AppEnv } from '../http/appEnv.js'
import { HttpError } from '../http/httpError.js'

const inFlight = new WeakMap<SandboxContext, Set<string>>()

function sha256(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex')
}

/** What a create-style handler answers. */
export interface HandlerAnswer {
  status: ContentfulStatusCode
  body: unknown
}

/**
 * A create-style handler in two parts: `prepare` does the asynchronous checks (validation,
 * rate limit) and returns `act`, the synchronous writes, which run in the transaction that
 * also stores the idempotency record.
 */
export type IdempotentHandler = () => Promise<() => HandlerAnswer>

/** Runs a handler once per `Idempotency-Key` (when the request carries one). */
export async function idempotent(
  ctx: SandboxContext,
  c: Context<AppEnv>,
  prepare: IdempotentHandler,
  after?: () => void,
): Promise<Response> {
  const key = c.req.header('idempotency-key')
  const respond = (answer: HandlerAnswer, body = JSON.stringify(answer.body)) => {
    after?.()
    return c.body(body, answer.status, { 'Content-Type': 'application/json' })
  }
  if (key === undefined) {
    const act = await prepare()
    return respond(ctx.db.transaction(act)())
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new HttpError(400, 'Idempotency-Key must be 1-255 visible ASCII characters')
  }
  const url = new URL(c.req.url)
  const fingerprint = sha256(
    `${c.req.method} ${url.pathname}${url.search}\n${sha256(c.get('rawBody'))}`,
  )
  const orgId = c.get('org').id
  const slot = `${orgId}:${key}`
  const running = inFlight.get(ctx) ?? new Set<string>()
  inFlight.set(ctx, running)
  if (running.has(slot)) {
    throw new HttpError(409, 'A request with this Idempotency-Key is still being processed')
  }
  const stored = findIdempotent(ctx.db, orgId, key, Date.now())
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
    const act = await prepare()
    const { answer, body } = ctx.db.transaction(() => {
      const made = act()
      const text = JSON.stringify(made.body)
      if (made.status >= 200 && made.status < 300) {
        saveIdempotent(
          ctx.db,
          orgId,
          key,
          { fingerprint, status: made.status, body: text },
          Date.now(),
        )
      }
      return { answer: made, body: text }
    })()
    return respond(answer, body)
  } finally {
    running.delete(slot)
  }
}
