// The endpoints the Link page's own script calls (same origin; not part of the Humanos API).
// Each call names its frame token, which ties it to the origin and key the page was opened
// with; results are sealed here, so the page only forwards envelopes it cannot read.
import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { SandboxContext } from '../context.js'
import { expireCredentials } from '../db/credentialStore.js'
import type { FrameRow } from '../db/rows.js'
import { getFrame, markFrameVerified } from '../db/frameStore.js'
import { decideSession } from '../flow/decide.js'
import { recordIdentity } from '../flow/identity.js'
import { resendFromPage, verifyOtp } from '../flow/pageOtp.js'
import type { SessionPair } from '../flow/sessionGuards.js'
import { loadSession } from '../flow/sessionGuards.js'
import type { AppEnv } from '../http/appEnv.js'
import { HttpError } from '../http/httpError.js'
import { parseJsonBody, validate } from '../http/jsonBody.js'
import { resultMessages } from './frameResults.js'
import { pageApiRateLimit } from './linkRateLimit.js'

const JSON_TYPE = /^application\/json\s*(;|$)/i
const MAX_IMAGE_BYTES = 512 * 1024

const frameField = z.string().min(1).max(100)
const verifySchema = z.strictObject({
  frame: frameField,
  code: z.string().regex(/^\d{6}$/, 'must be 6 digits'),
})
const frameOnlySchema = z.strictObject({ frame: frameField })
const decisionSchema = z.strictObject({ frame: frameField, action: z.enum(['accept', 'reject']) })
const identitySchema = z.strictObject({
  frame: frameField,
  image: z
    .string()
    .max(Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 32, 'is too large')
    .regex(/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/]+=*$/, 'must be a JPEG or PNG data URL'),
})

/** True when the bytes start like a JPEG or a PNG: the camera frame is at least an image. */
function looksLikeImage(dataUrl: string): boolean {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
  const png = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  return bytes.length >= 64 && (jpeg || png)
}

async function readBody<T extends z.ZodType>(
  ctx: SandboxContext,
  c: Context<AppEnv>,
  schema: T,
): Promise<z.infer<T>> {
  // A JSON content type forces a CORS preflight, which the sandbox never grants: other sites
  // cannot post here from a browser.
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new HttpError(415, 'Content-Type must be application/json')
  }
  const raw = new Uint8Array(await c.req.arrayBuffer())
  return validate(schema, parseJsonBody(raw, ctx.config.maxJsonDepth))
}

function frameFor(
  ctx: SandboxContext,
  sessionId: string,
  token: string,
): { frame: FrameRow; pair: SessionPair } {
  const frame = getFrame(ctx.db, token)
  if (!frame || frame.session_id !== sessionId) {
    throw new HttpError(403, 'This page is out of date: reload it.', { code: 'invalid_frame' })
  }
  expireCredentials(ctx.db, Date.now())
  return { frame, pair: loadSession(ctx, sessionId) }
}

function requireVerified(frame: FrameRow): void {
  if (frame.verified_at === null) {
    throw new HttpError(403, 'Enter the one-time code first.', { code: 'otp_required' })
  }
}

/** `POST /link/:sessionId/{otp/verify,otp/resend,identity,decision}`. */
export function pageApiRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.use('/link/:sessionId/*', pageApiRateLimit(ctx))

  app.post('/link/:sessionId/otp/verify', async (c) => {
    const body = await readBody(ctx, c, verifySchema)
    const { frame, pair } = frameFor(ctx, c.req.param('sessionId'), body.frame)
    const now = Date.now()
    verifyOtp(ctx, pair, frame, body.code, now)
    markFrameVerified(ctx.db, frame.token, now)
    return c.json({ ok: true })
  })

  app.post('/link/:sessionId/otp/resend', async (c) => {
    const body = await readBody(ctx, c, frameOnlySchema)
    const { frame, pair } = frameFor(ctx, c.req.param('sessionId'), body.frame)
    const sent = resendFromPage(ctx, pair, frame, Date.now())
    return c.json({
      ok: true,
      delivered: sent.delivered,
      waitSeconds: Math.ceil(ctx.config.otpResendCooldownMs / 1000),
    })
  })

  app.post('/link/:sessionId/identity', async (c) => {
    const body = await readBody(ctx, c, identitySchema)
    if (!looksLikeImage(body.image)) throw new HttpError(400, 'image: is not a JPEG or PNG image')
    const { frame, pair } = frameFor(ctx, c.req.param('sessionId'), body.frame)
    requireVerified(frame)
    const event = recordIdentity(ctx, pair, Date.now())
    const finished = loadSession(ctx, pair.session.id).session.decided_at !== null
    return c.json({
      ok: true,
      success: event.decision.success,
      finished,
      messages: await resultMessages(ctx, frame, [event]),
    })
  })

  app.post('/link/:sessionId/decision', async (c) => {
    const body = await readBody(ctx, c, decisionSchema)
    const { frame, pair } = frameFor(ctx, c.req.param('sessionId'), body.frame)
    requireVerified(frame)
    const events = decideSession(ctx, pair, body.action, Date.now())
    return c.json({
      ok: true,
      action: body.action,
      messages: await resultMessages(ctx, frame, events),
    })
  })

  return app
}
