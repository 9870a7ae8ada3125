import type { MiddlewareHandler } from 'hono'
import { checkRequestSignature, signedBodyText } from '../auth/signing.js'
import { API_VERSION } from '../constants.js'
import type { SandboxContext } from '../context.js'
import { expireCredentials } from '../db/credentialStore.js'
import { organizationByApiKey } from '../db/organizationStore.js'
import type { AppEnv } from '../http/appEnv.js'
import { HttpError } from '../http/httpError.js'

const JSON_TYPE = /^application\/json\s*(;|$)/i
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isWellFormedVersion(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

/**
 * Guards every Humanos API route: finds the organization of the API key and checks the
 * signature with its secret (401), the body's content type (415) and `API-Version` (400),
 * stores the raw body and the organization for the handler, and expires what time has run
 * out on so every answer is current.
 */
export function apiAuth(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('humanosApi', true)
    const rawBody = new Uint8Array(await c.req.arrayBuffer())
    const now = Date.now()
    const authorization = c.req.header('authorization')
    const bearer = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1]
    const org = bearer === undefined ? undefined : organizationByApiKey(ctx.db, bearer)
    const failure = checkRequestSignature(
      {
        authorization,
        timestamp: c.req.header('x-timestamp'),
        signature: c.req.header('x-signature'),
        body: signedBodyText(rawBody, ctx.config.maxJsonDepth),
      },
      {
        // An unknown key still costs one HMAC, so timing does not tell keys apart.
        apiKey: org?.apiKey ?? '',
        secret: org?.signatureSecret ?? 'no organization has this key',
        toleranceMs: ctx.config.timestampToleranceMs,
        now,
      },
    )
    if (failure || !org) throw new HttpError(401, failure ?? 'Invalid signature')
    if (rawBody.length > 0 && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      throw new HttpError(415, 'Content-Type must be application/json when there is a body')
    }
    const version = c.req.header('api-version')
    if (version !== undefined && !isWellFormedVersion(version)) {
      throw new HttpError(
        400,
        `API-Version "${version}" must be a date written YYYY-MM-DD, such as ${API_VERSION}`,
      )
    }
    c.set('rawBody', rawBody)
    c.set('org', org)
    expireCredentials(ctx.db, now)
    await next()
    c.header('API-Version', API_VERSION)
    c.header('Cache-Control', 'no-store')
  }
}
