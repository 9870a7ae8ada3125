import type { SandboxContext } from '../context.js'
import { getRequest } from '../db/requestStore.js'
import type { RequestRow, SessionRow } from '../db/rows.js'
import { getSession } from '../db/sessionStore.js'
import { DomainCodes, DomainError } from './domainError.js'

/** A session with its request. */
export interface SessionPair {
  request: RequestRow
  session: SessionRow
}

/**
 * Loads a Link session and its request. With `orgId`, a session of another organization is
 * not found either.
 * @throws DomainError `session_not_found`
 */
export function loadSession(ctx: SandboxContext, sessionId: string, orgId?: string): SessionPair {
  const session = getSession(ctx.db, sessionId)
  const request = session && getRequest(ctx.db, orgId ?? null, session.request_id)
  if (!session || !request) {
    throw new DomainError(DomainCodes.SESSION_NOT_FOUND, 'This link does not exist.')
  }
  return { request, session }
}

/**
 * True while too many wrong codes (from every frame together) keep the session locked. The
 * lock ends by itself after `otpLockMs`, or when the integrator's server resends a code.
 */
export function isSessionLocked(session: SessionRow, now: number): boolean {
  return session.otp_locked_until !== null && session.otp_locked_until > now
}

/** Why a session can no longer be used, or `null` while it can. */
export function sessionClosedReason(
  { request, session }: SessionPair,
  now: number,
): 'session_canceled' | 'session_expired' | 'session_finished' | null {
  if (request.canceled_at !== null) return 'session_canceled'
  if (session.decided_at !== null) return 'session_finished'
  if (request.expires_at <= now) return 'session_expired'
  return null
}

/**
 * @throws DomainError `session_canceled` / `session_expired` / `session_finished`, and, unless
 *   `allowLocked`, `otp_locked`
 */
export function assertSessionOpen(pair: SessionPair, now: number, allowLocked = false): void {
  const reason = sessionClosedReason(pair, now)
  if (reason === 'session_canceled') {
    throw new DomainError(DomainCodes.SESSION_CANCELED, 'This request was canceled.')
  }
  if (reason === 'session_expired') {
    throw new DomainError(DomainCodes.SESSION_EXPIRED, 'This link has expired.')
  }
  if (reason === 'session_finished') {
    throw new DomainError(DomainCodes.SESSION_FINISHED, 'This request has already been answered.')
  }
  if (!allowLocked && isSessionLocked(pair.session, now)) {
    const minutes = Math.ceil(((pair.session.otp_locked_until ?? now) - now) / 60_000)
    throw new DomainError(
      DomainCodes.OTP_LOCKED,
      `Too many wrong codes: this link is locked for ${minutes} min, or until a new code is sent.`,
    )
  }
}
