// `POST /api/requests/:requestId/resend`: the person did not get their code (or typed it wrong
// too often), so the integrator's server asks Humanos for a new one, for the contact this
// session's request was made for. A new code replaces the old one and lifts an OTP lock: only
// the owner of the request can ask (the route is CSRF-checked like every unsafe `/api` call).
import { Hono } from 'hono'
import { HumanosApiError } from '@humanos-link/server'
import type { CodeResent } from '../../shared/apiTypes.js'
import type { BffContext, BffEnv } from '../context.js'
import { ApiError } from '../http/apiError.js'
import { upstreamError } from '../http/upstream.js'
import { ownedRequestParam } from '../session/ownership.js'

/** Humanos's refusals of a resend, said for the person at the screen. */
function resendRefusal(error: unknown): ApiError {
  if (error instanceof HumanosApiError && error.status === 429) {
    return new ApiError(429, 'resend_too_soon', `A code was sent moments ago. ${error.message}`)
  }
  if (error instanceof HumanosApiError && error.status === 409) {
    return new ApiError(409, 'resend_refused', `No new code can be sent: ${error.message}`)
  }
  return upstreamError(error)
}

export function resendRoutes(ctx: BffContext): Hono<BffEnv> {
  const app = new Hono<BffEnv>()

  app.post('/api/requests/:requestId/resend', ownedRequestParam(ctx), async (c) => {
    const row = c.get('request')
    try {
      // The client that answers at once: a person is waiting, so a cool-down is reported, not
      // waited out.
      await ctx.humanosInteractive.resendOtp(row.id, row.contact)
    } catch (error) {
      throw resendRefusal(error)
    }
    ctx.log(`request ${row.id}: a new code was sent`)
    const answer: CodeResent = { sent: true }
    return c.json(answer)
  })

  return app
}
