/*
 * What a Link page frame may do with one-time codes (issue 15 item 8). Whoever holds a Link URL
 * can open the page, so nothing a frame does may lock the person out or take away the code
 * they were sent:
 * 1. Wrong codes count per frame (one page load): `otpMaxAttempts` of them lock that frame
 *    only (`otp_locked`, as the protocol says). They also count for the session, and
 *    `otpSessionMaxFailures` of them from every frame together lock the session for
 *    `otpLockMs` (a cool-down, not forever): the bound on guessing with many page loads. The
 *    integrator's resend lifts that lock early.
 * 2. A resend asked for by a frame sends the code that is valid again, unchanged (same
 *    expiry), so it never invalidates the code the person already has; only when no code is
 *    valid (used, expired, or never delivered) does it issue a new one. It waits out the
 *    cool-down since the last send, and is limited per frame (`FRAME_MAX_RESENDS`) and per
 *    session (`otpMaxResends`, counted apart from the integrator's resends).
 */
import { timingSafeEqual } from 'node:crypto'
import type { SandboxContext } from '../context.js'
import type { FrameRow } from '../db/rows.js'
import { consumeOtp, getSession, recordOtpFailure, recordPageResend } from '../db/sessionStore.js'
import { DomainCodes, DomainError } from './domainError.js'
import { assertCooledDown, issueOtp, recordSent } from './otp.js'
import type { SessionPair } from './sessionGuards.js'
import { assertSessionOpen } from './sessionGuards.js'

/** Resends one frame may ask for. */
export const FRAME_MAX_RESENDS = 3

function sameCode(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

function frameLocked(): DomainError {
  return new DomainError(
    DomainCodes.OTP_LOCKED,
    'Too many wrong codes on this page: open the link again to retry.',
  )
}

/** The session's code while it can still be used, else `null`. */
function validCode(ctx: SandboxContext, pair: SessionPair, now: number): string | null {
  const { otp_code: code, otp_issued_at: issuedAt } = pair.session
  return code !== null && (issuedAt ?? 0) + ctx.config.otpTtlMs > now ? code : null
}

/**
 * Checks a code typed in one frame. A right code is single-use; a wrong one counts for the
 * frame and the session (see the file comment).
 * @throws DomainError `otp_invalid` (with the attempts left in this frame), `otp_expired`,
 *   `otp_locked` (this frame, or the whole session), and the refusals of
 *   {@link assertSessionOpen}
 */
export function verifyOtp(
  ctx: SandboxContext,
  pair: SessionPair,
  frame: FrameRow,
  code: string,
  now: number,
): void {
  assertSessionOpen(pair, now)
  const max = ctx.config.otpMaxAttempts
  if (frame.otp_failures >= max) throw frameLocked()
  const valid = validCode(ctx, pair, now)
  if (valid === null) {
    throw new DomainError(DomainCodes.OTP_EXPIRED, 'This code is no longer valid. Send a new one.')
  }
  if (sameCode(valid, code)) {
    consumeOtp(ctx.db, pair.session.id)
    return
  }
  const counted = recordOtpFailure(
    ctx.db,
    { session: pair.session.id, frame: frame.token },
    { maxFailures: ctx.config.otpSessionMaxFailures, until: now + ctx.config.otpLockMs },
  )
  if (counted.sessionLocked) {
    assertSessionOpen({ ...pair, session: getSession(ctx.db, pair.session.id)! }, now)
  }
  const left = Math.max(max - counted.frameFailures, 0)
  if (left === 0) throw frameLocked()
  throw new DomainError(DomainCodes.OTP_INVALID, `Wrong code. Attempts left: ${left}.`, {
    attemptsLeft: left,
  })
}

/**
 * A resend asked for by a frame: the valid code again, or a new one when none is (see the
 * file comment). It does not lift a lock.
 * @throws DomainError `otp_cooldown` (with the seconds to wait), `resend_limit`, `otp_locked`,
 *   and the session refusals
 */
export function resendFromPage(
  ctx: SandboxContext,
  pair: SessionPair,
  frame: FrameRow,
  now: number,
): { delivered: boolean } {
  assertSessionOpen(pair, now)
  if (frame.otp_failures >= ctx.config.otpMaxAttempts) throw frameLocked()
  assertCooledDown(ctx, pair, now)
  if (frame.resend_count >= FRAME_MAX_RESENDS) {
    throw new DomainError(
      DomainCodes.RESEND_LIMIT,
      `This page already asked for ${FRAME_MAX_RESENDS} codes: open the link again.`,
    )
  }
  if (pair.session.page_resend_count >= ctx.config.otpMaxResends) {
    throw new DomainError(
      DomainCodes.RESEND_LIMIT,
      'The code was already sent again too often: ask the organization for a new one.',
    )
  }
  const sent = ctx.db.transaction(() => {
    const ids = { session: pair.session.id, frame: frame.token }
    const valid = validCode(ctx, pair, now)
    const selfDelivered = ctx.settings(pair.request.org_id).otpDelivery === 'none'
    const outcome =
      valid === null
        ? issueOtp(ctx, pair, { reason: 'resend', unlock: false, now })
        : { delivered: true }
    // The organization delivers its own codes: the sandbox has nothing to send again.
    if (valid !== null && !selfDelivered) {
      recordSent(ctx, pair, valid, { reason: 'resend', now, error: null })
    }
    recordPageResend(ctx.db, ids, now)
    return { delivered: outcome.delivered }
  })()
  ctx.webhooks.kick()
  return sent
}
