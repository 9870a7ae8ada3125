import { ErrorCodes } from '@humanos-link/core'
import type { SandboxContext } from '../context'
import { getRequest } from '../db/requestStore'
import type { RequestRow, SessionRow } from '../db/rows'
import { getSession } from '../db/sessionStore'
import { HttpError } from '../http/httpError'

/** A session with its request. */
export interface SessionPair {
  request: RequestRow
  session: SessionRow
}

/** @throws HttpError 404 `session_not_found` */
export function loadSession(ctx: SandboxContext, sessionId: string): SessionPair {
  const session = getSession(ctx.db, sessionId)
  const request = session && getRequest(ctx.db, session.request_id)
  if (!session || !request) {
    throw new HttpError(404, 'This link does not exist.', { code: ErrorCodes.SESSION_NOT_FOUND })
  }
  return { request, session }
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
 * @throws HttpError 410 `session_canceled` / `session_expired`, 409 `session_finished`, and,
 *   unless `allowLocked`, 423 `otp_locked`
 */
export function assertSessionOpen(pair: SessionPair, now: number, allowLocked = false): void {
  const reason = sessionClosedReason(pair, now)
  if (reason === 'session_canceled') {
    throw new HttpError(410, 'This request was canceled.', { code: ErrorCodes.SESSION_CANCELED })
  }
  if (reason === 'session_expired') {
    throw new HttpError(410, 'This link has expired.', { code: ErrorCodes.SESSION_EXPIRED })
  }
  if (reason === 'session_finished') {
    throw new HttpError(409, 'This request has already been answered.', {
      code: 'session_finished',
    })
  }
  if (!allowLocked && pair.session.otp_locked === 1) {
    throw new HttpError(423, 'Too many wrong codes: this link is locked.', {
      code: ErrorCodes.OTP_LOCKED,
    })
  }
}
