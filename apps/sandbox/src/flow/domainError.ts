// The sandbox's domain knows no HTTP: a flow step that cannot go on throws a DomainError with a
// code, and the HTTP layer (http/domainStatus.ts) decides the status and the error body.

/** Every reason a flow step can refuse. */
export const DomainCodes = Object.freeze({
  /** Any resource the caller's organization does not have (or that does not exist). */
  NOT_FOUND: 'not_found',
  SESSION_NOT_FOUND: 'session_not_found',
  SESSION_CANCELED: 'session_canceled',
  SESSION_EXPIRED: 'session_expired',
  SESSION_FINISHED: 'session_finished',
  OTP_LOCKED: 'otp_locked',
  OTP_EXPIRED: 'otp_expired',
  OTP_INVALID: 'otp_invalid',
  /** A new code was asked for before the cool-down since the last one ended. */
  OTP_COOLDOWN: 'otp_cooldown',
  /** The integrator's server resent a subject's code too often. */
  RESEND_LIMIT: 'resend_limit',
  IDENTITY_REQUIRED: 'identity_required',
  IDENTITY_FAILED: 'identity_failed',
  IDENTITY_NOT_REQUIRED: 'identity_not_required',
  IDENTITY_DONE: 'identity_done',
  NOTHING_TO_DECIDE: 'nothing_to_decide',
  /** The request was canceled, or can no longer be. */
  REQUEST_CANCELED: 'request_canceled',
  REQUEST_NOT_CANCELABLE: 'request_not_cancelable',
  /** The request (or this subject's part of it) has expired or is answered. */
  REQUEST_CLOSED: 'request_closed',
  /** Input that is well-formed but names something unusable (an inactive approval, ...). */
  INVALID_INPUT: 'invalid_input',
  ALREADY_EXISTS: 'already_exists',
  CREDENTIAL_NOT_ACTIVE: 'credential_not_active',
})

export type DomainCode = (typeof DomainCodes)[keyof typeof DomainCodes]

/** Facts that come with a refusal, for whoever answers it. */
export interface DomainErrorDetails {
  /** Wrong codes the subject may still enter. */
  attemptsLeft?: number
  /** Whole seconds until the refused step may be tried again. */
  retryAfterSeconds?: number
}

/** A refusal by a flow step; `message` is safe to show to whoever asked. */
export class DomainError extends Error {
  readonly code: DomainCode
  readonly details: DomainErrorDetails

  constructor(code: DomainCode, message: string, details: DomainErrorDetails = {}) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }
}
