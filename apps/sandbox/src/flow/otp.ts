import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import type { SandboxContext } from '../context.js'
import { insertOutboxMessage } from '../db/outboxStore.js'
import { consumeOtp, getSession, recordOtpFailure, setOtp } from '../db/sessionStore.js'
import { channelOf, undeliverableReason } from './contacts.js'
import { DomainCodes, DomainError } from './domainError.js'
import { otpFailedEvent } from './events.js'
import { linkFor } from './views.js'
import type { SessionPair } from './sessionGuards.js'
import { assertSessionOpen, sessionClosedReason } from './sessionGuards.js'

/** What issuing a code did. */
export interface IssuedOtp {
  /** False when the sandbox tried to send it and the contact was undeliverable. */
  delivered: boolean
  code: string
  /** True when the organization delivers codes itself (`otpDelivery: none`): nothing was sent. */
  selfDelivered: boolean
}

/**
 * Makes a fresh six-digit code the session's only valid one. With the organization's
 * `otpDelivery` `humanos` (the default) it is "sent": recorded in the outbox; for an
 * undeliverable contact the message is recorded as `failed`, no code is valid, and an
 * `otp.failed` webhook is queued. With `none` nothing is sent: the caller hands the code to the
 * organization. Call inside a transaction, then kick webhooks.
 * @param options.unlock clears failures and the lock (a resend by the integrator's server)
 * @param options.counted counts a delivered code against the API's resend limit
 */
export function issueOtp(
  ctx: SandboxContext,
  { request, session }: SessionPair,
  options: { reason: 'created' | 'resend'; unlock: boolean; now: number; counted?: boolean },
): IssuedOtp {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const selfDelivered = ctx.settings(request.org_id).otpDelivery === 'none'
  const failure = selfDelivered ? null : undeliverableReason(session.contact)
  const delivered = failure === null
  setOtp(ctx.db, session.id, {
    code: delivered ? code : null,
    at: options.now,
    resend: options.reason === 'resend',
    unlock: options.unlock,
    counted: delivered && options.counted === true,
  })
  if (selfDelivered) return { delivered, code, selfDelivered }
  const error = delivered ? null : 'The contact could not be reached (sandbox: undeliverable).'
  insertOutboxMessage(ctx.db, request.org_id, {
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
  if (failure !== null) {
    const resendEndpoint = `${ctx.baseUrl}/request/resend/${request.id}?contact=${encodeURIComponent(session.contact)}`
    const event = otpFailedEvent(
      { platformDid: ctx.platformDid, request, session },
      { resendEndpoint, code: failure, message: error ?? '' },
    )
    ctx.webhooks.enqueue(request.org_id, 'otp.failed', event)
  }
  return { delivered, code, selfDelivered }
}

function sameCode(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/**
 * Checks a code typed on the Link page. A right code is single-use; a wrong one counts, and
 * the last allowed failure locks the session.
 * @throws DomainError `otp_invalid` (with the attempts left), `otp_expired`, `otp_locked`, and
 *   the session refusals of {@link assertSessionOpen}
 */
export function verifyOtp(ctx: SandboxContext, pair: SessionPair, code: string, now: number) {
  assertSessionOpen(pair, now)
  const { session } = pair
  if (session.otp_code === null || (session.otp_issued_at ?? 0) + ctx.config.otpTtlMs <= now) {
    throw new DomainError(DomainCodes.OTP_EXPIRED, 'This code is no longer valid. Send a new one.')
  }
  if (sameCode(session.otp_code, code)) {
    consumeOtp(ctx.db, session.id)
    return
  }
  const failures = recordOtpFailure(ctx.db, session.id, ctx.config.otpMaxAttempts)
  const left = Math.max(ctx.config.otpMaxAttempts - failures, 0)
  if (left === 0) {
    throw new DomainError(DomainCodes.OTP_LOCKED, 'Too many wrong codes: this link is locked.')
  }
  throw new DomainError(DomainCodes.OTP_INVALID, `Wrong code. Attempts left: ${left}.`, {
    attemptsLeft: left,
  })
}

/** @throws DomainError `otp_cooldown` while the cool-down since the last code runs */
function assertCooledDown(ctx: SandboxContext, pair: SessionPair, now: number): void {
  const last = pair.session.otp_issued_at ?? 0
  const wait = last + ctx.config.otpResendCooldownMs - now
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000)
    throw new DomainError(
      DomainCodes.OTP_COOLDOWN,
      `Wait ${seconds} s before asking for a new code.`,
      {
        retryAfterSeconds: seconds,
      },
    )
  }
}

/**
 * A resend asked for on the Link page: allowed once the cool-down since the last code has
 * passed; it does not lift a lock.
 * @throws DomainError `otp_cooldown` (with the seconds to wait), and the session refusals
 */
export function resendFromPage(ctx: SandboxContext, pair: SessionPair, now: number) {
  assertSessionOpen(pair, now)
  assertCooledDown(ctx, pair, now)
  const sent = ctx.db.transaction(() =>
    issueOtp(ctx, pair, { reason: 'resend', unlock: false, now }),
  )()
  ctx.webhooks.kick()
  return { ...sent, session: getSession(ctx.db, pair.session.id) ?? pair.session }
}

/**
 * `PATCH /request/resend`: the integrator's server sends a subject a new code. Refused when
 * the request is canceled, expired or answered by this subject, within the cool-down since the
 * last code, or once `otpMaxResends` resends were delivered (failed sends do not count). It
 * lifts a lock: the integrator vouches for the subject.
 * @throws DomainError `request_canceled`, `request_closed` (expired, or answered by this
 *   subject), `otp_cooldown` (with the seconds to wait), `resend_limit`
 */
export function resendFromApi(ctx: SandboxContext, pair: SessionPair, now: number): IssuedOtp {
  const sent = ctx.db.transaction(() => {
    const session = getSession(ctx.db, pair.session.id) ?? pair.session
    const fresh = { request: pair.request, session }
    const closed = sessionClosedReason(fresh, now)
    if (closed === 'session_canceled') {
      throw new DomainError(
        DomainCodes.REQUEST_CANCELED,
        'The request is canceled: no code can be sent',
      )
    }
    if (closed !== null) {
      const why =
        closed === 'session_expired' ? 'has expired' : 'was already answered by this subject'
      throw new DomainError(DomainCodes.REQUEST_CLOSED, `The request ${why}: no code can be sent`)
    }
    assertCooledDown(ctx, fresh, now)
    if (session.resend_count >= ctx.config.otpMaxResends) {
      throw new DomainError(
        DomainCodes.RESEND_LIMIT,
        `This subject's code was already resent ${session.resend_count} times, the most allowed; create a new request`,
      )
    }
    return issueOtp(ctx, fresh, { reason: 'resend', unlock: true, now, counted: true })
  })()
  ctx.webhooks.kick()
  return sent
}
