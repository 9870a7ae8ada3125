import { randomInt, randomUUID } from 'node:crypto'
import type { SandboxContext } from '../context.js'
import { insertOutboxMessage } from '../db/outboxStore.js'
import { getSession, setOtp } from '../db/sessionStore.js'
import { channelOf, undeliverableReason } from './contacts.js'
import { DomainCodes, DomainError } from './domainError.js'
import { otpFailedEvent } from './events.js'
import { linkFor } from './views.js'
import type { SessionPair } from './sessionGuards.js'
import { sessionClosedReason } from './sessionGuards.js'

/** What issuing a code did. */
export interface IssuedOtp {
  /** False when the sandbox tried to send it and the contact was undeliverable. */
  delivered: boolean
  code: string
  /** True when the organization delivers codes itself (`otpDelivery: none`): nothing was sent. */
  selfDelivered: boolean
}

/** Puts one "sent" code in the outbox (the sandbox's stand-in for an email or SMS). */
export function recordSent(
  ctx: SandboxContext,
  { request, session }: SessionPair,
  code: string,
  sent: { reason: 'created' | 'resend'; now: number; error: string | null },
): void {
  insertOutboxMessage(ctx.db, request.org_id, {
    id: randomUUID(),
    requestId: request.id,
    sessionId: session.id,
    contact: session.contact,
    channel: channelOf(session.contact),
    code,
    link: linkFor(ctx.baseUrl, session.id),
    reason: sent.reason,
    status: sent.error === null ? 'sent' : 'failed',
    error: sent.error,
    createdAt: sent.now,
  })
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
  recordSent(ctx, { request, session }, code, { ...options, error })
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

/**
 * The cool-down runs from the last code sent: issued (at creation, by a resend) or sent again
 * at a Link page's request.
 * @throws DomainError `otp_cooldown` while it runs
 */
export function assertCooledDown(ctx: SandboxContext, pair: SessionPair, now: number): void {
  const last = Math.max(pair.session.otp_issued_at ?? 0, pair.session.last_resend_at ?? 0)
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
