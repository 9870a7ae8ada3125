import { Hono } from 'hono'
import { AttestationError, verifyAttestation } from '@humanos-link/server'
import type { AttestationClaims } from '@humanos-link/server'
import type { AttestationAccepted } from '../../shared/apiTypes.js'
import type { BffContext, BffEnv } from '../context.js'
import { decisionsOf, recordDecision } from '../db/decisionStore.js'
import type { DecisionInput } from '../db/decisionStore.js'
import { ApiError } from '../http/apiError.js'
import { readJson, validate } from '../http/jsonBody.js'
import { decisionView, requestStatus } from '../requestViews.js'
import { attestationSchema } from '../schemas.js'
import { ownedRequest } from '../session/ownership.js'

function decisionFrom(claims: AttestationClaims): DecisionInput {
  const common = { requestId: claims.requestId, subject: claims.sub, contact: null }
  if (claims.eventType === 'credential') {
    return {
      ...common,
      eventType: 'credential',
      credentialId: claims.credentialId,
      outcome: claims.decision.action,
      credentialStatus: claims.credentialStatus,
      decidedAt: claims.decision.date,
    }
  }
  return {
    ...common,
    eventType: 'identity',
    credentialId: null,
    outcome: claims.decision.success ? 'passed' : 'failed',
    credentialStatus: null,
    decidedAt: claims.decision.date,
  }
}

// Clocks of the Link service and this BFF may differ a little; the jti is remembered for the
// same extra time, so a token accepted late cannot be replayed in that margin.
const CLOCK_TOLERANCE_MS = 30_000

function refusal(error: AttestationError): ApiError {
  if (error.reason === 'replayed') {
    return new ApiError(409, 'attestation_replayed', 'This attestation was already recorded')
  }
  if (error.reason === 'jwks_unavailable') {
    return new ApiError(502, 'humanos_unreachable', 'The Link service keys could not be loaded')
  }
  return new ApiError(422, 'invalid_attestation', `The attestation was refused: ${error.message}`, {
    issues: [{ field: 'attestation', reason: error.reason }],
  })
}

/**
 * `POST /api/attestations`: the browser hands over the attestation of a Link result; only what
 * verifies (signature, issuer, audience = the demo's origin, expiry) and is about a request this
 * session created is recorded, once. The `jti` is spent only after the ownership check, so a
 * session that got hold of someone else's attestation cannot burn it.
 */
export function attestationRoutes(ctx: BffContext): Hono<BffEnv> {
  const app = new Hono<BffEnv>()
  const { humanosBaseUrl, demoOrigins } = ctx.config

  app.post('/api/attestations', async (c) => {
    const { attestation } = validate(attestationSchema, await readJson(c, ctx.config.maxJsonDepth))
    let claims: AttestationClaims
    try {
      claims = await verifyAttestation(attestation, {
        jwksUrl: `${humanosBaseUrl}/.well-known/jwks.json`,
        issuer: humanosBaseUrl,
        audience: demoOrigins,
        clockToleranceMs: CLOCK_TOLERANCE_MS,
      })
    } catch (error) {
      if (error instanceof AttestationError) throw refusal(error)
      throw error
    }
    const request = ownedRequest(ctx, c.get('session'), claims.requestId)
    if (!(await ctx.replayStore.markUsed(claims.jti, claims.exp * 1000 + CLOCK_TOLERANCE_MS))) {
      throw refusal(new AttestationError('replayed', 'The attestation was already used'))
    }
    const row = recordDecision(ctx.db, decisionFrom(claims), {
      channel: 'attestation',
      at: Date.now(),
      jti: claims.jti,
    })
    const status = requestStatus(request, decisionsOf(ctx.db, [request.id]), Date.now())
    ctx.log(`attestation ${claims.eventType} for request ${claims.requestId} verified`)
    const answer: AttestationAccepted = {
      requestId: claims.requestId,
      status,
      decision: decisionView(row),
    }
    return c.json(answer)
  })

  return app
}
