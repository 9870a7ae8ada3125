import type { MiddlewareHandler } from 'hono'
import { checkRequestSignature } from '../auth/signing'
import { API_VERSION } from '../constants'
import type { SandboxContext } from '../context'
import { expireCredentials } from '../db/credentialStore'
import type { AppEnv } from '../http/appEnv'
import { HttpError } from '../http/httpError'

const JSON_TYPE = /^application\/json\s*(;|$)/i

/**
 * Guards every Humanos API route: checks the signature (401), the body's content type (415) and
 * `API-Version` (400), stores the raw body for the handler, and expires what time has run out on
 * so every answer is current.
 */
export function apiAuth(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const rawBody = new Uint8Array(await c.req.arrayBuffer())
    const now = Date.now()
    const failure = checkRequestSignature(
      {
        authorization: c.req.header('authorization'),
        timestamp: c.req.header('x-timestamp'),
        signature: c.req.header('x-signature'),
        body: rawBody,
      },
      {
        apiKey: ctx.config.apiKey,
        secret: ctx.config.signatureSecret,
        toleranceMs: ctx.config.timestampToleranceMs,
        now,
      },
    )
    if (failure) throw new HttpError(401, failure)
    if (rawBody.length > 0 && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      throw new HttpError(415, 'Content-Type must be application/json when there is a body')
    }
    const version = c.req.header('api-version')
    if (version !== undefined && version !== API_VERSION) {
      const why = /^\d{4}-\d{2}-\d{2}$/.test(version) ? 'is not supported' : 'must be YYYY-MM-DD'
      throw new HttpError(
        400,
        `API-Version "${version}" ${why}; this sandbox speaks ${API_VERSION}`,
      )
    }
    c.set('rawBody', rawBody)
    expireCredentials(ctx.db, now)
    await next()
    c.header('API-Version', API_VERSION)
    c.header('Cache-Control', 'no-store')
  }
}
