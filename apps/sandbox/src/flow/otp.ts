import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import type { SandboxContext } from '../context'
import { insertOutboxMessage } from '../db/outboxStore'
import { consumeOtp, getSession, recordOtpFailure, setOtp } from '../db/sessionStore'
import { HttpError } from '../http/httpError'
import { channelOf, isUndeliverable } from './contacts'
import { otpFailedEvent } from './events'
import { linkFor } from './views'
import type { SessionPair } from './sessionGuards'
import { assertSessionOpen } from './sessionGuards'

/**
 * "Sends" a fresh six-digit code: records it in the outbox and makes it the session's only
 * valid code. For an undeliverable contact the message is recorded as `failed`, no code is
 * valid, and an `otp.failed` webhook is queued. Call inside a transaction, then kick webhooks.
 * @param options.unlock clears failures and the lock (a resend by the integrator's server)
 */
export function issueOtp(
  ctx: SandboxContext,
  { request, session }: SessionPair,
  options: { reason: 'created' | 'resend'; unlock: boolean; now: number },
): { delivered: boolean; code: string } {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const delivered = !isUndeliverable(session.contact)
  const error = delivered ? null : 'The contact could not be reached (sandbox: undeliverable).'
  setOtp(ctx.db, session.id, {
    code: delivered ? code : null,
    at: options.now,
    resend: options.reason === 'resend',
    unlock: options.unlock,
  })
  insertOutboxMessage(ctx.db, {
    id: randomUUID(),
    requestId: request.id,
    sessionId: session.id,
    contact: session.contact,
    channel: channelOf(session.contact),
    code,
    link: linkFor(ctx.baseUrl, session.id),
    reason: options.reason,
    status: delivered ? 'sent' : 'failed',
    error,
    createdAt: options.now,
  })
  if (!delivered) {
    const resendEndpoint = `${ctx.baseUrl}/request/resend/${request.id}?contact=${encodeURIComponent(session.contact)}`
    const event = otpFailedEvent(
      { issuerDid: ctx.issuerDid, request, session },
      { resendEndpoint, code: 'undeliverable', message: error ?? '' },
    )
    ctx.webhooks.enqueue('otp.failed', event)
  }
  return { delivered, code }
}

function sameCode(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/**
 * Checks a code typed on the Link page. A right code is single-use; a wrong one counts, and
 * the last allowed failure locks the session.
 * @throws HttpError 400 `otp_invalid` (with the attempts left) or `otp_expired`, 423 `otp_locked`,
 *   and the session errors of {@link assertSessionOpen}
 */
export function verifyOtp(ctx: SandboxContext, pair: SessionPair, code: string, now: number) {
  assertSessionOpen(pair, now)
  const { session } = pair
  if (session.otp_code === null || (session.otp_issued_at ?? 0) + ctx.config.otpTtlMs <= now) {
    throw new HttpError(400, 'This code is no longer valid. Send a new one.', {
      code: 'otp_expired',
    })
  }
  if (sameCode(session.otp_code, code)) {
    consumeOtp(ctx.db, session.id)
    return
  }
  const failures = recordOtpFailure(ctx.db, session.id, ctx.config.otpMaxAttempts)
  const left = Math.max(ctx.config.otpMaxAttempts - failures, 0)
  if (left === 0) {
    throw new HttpError(423, 'Too many wrong codes: this link is locked.', { code: 'otp_locked' })
  }
  throw new HttpError(400, `Wrong code. Attempts left: ${left}.`, {
    code: 'otp_invalid',
    headers: { 'X-Attempts-Left': String(left) },
  })
}

/**
 * A resend asked for on the Link page: allowed once the cool-down since the last code has
 * passed; it does not lift a lock.
 * @throws HttpError 429 `otp_cooldown` with `Retry-After`, and the session errors
 */
export function resendFromPage(ctx: SandboxContext, pair: SessionPair, now: number) {
  assertSessionOpen(pair, now)
  const last = pair.session.otp_issued_at ?? 0
  const wait = last + ctx.config.otpResendCooldownMs - now
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000)
    throw new HttpError(429, `Wait ${seconds} s before asking for a new code.`, {
      code: 'otp_cooldown',
      headers: { 'Retry-After': String(seconds) },
    })
  }
  const sent = ctx.db.transaction(() =>
    issueOtp(ctx, pair, { reason: 'resend', unlock: false, now }),
  )()
  ctx.webhooks.kick()
  return { ...sent, session: getSession(ctx.db, pair.session.id) ?? pair.session }
}
