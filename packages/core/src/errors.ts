/**
 * Every error code the SDK can report, frame-side (spec section 5) and host-side (section 8).
 * Frozen and exported so script-tag users can compare `error.code === ErrorCodes.SESSION_EXPIRED`.
 */
export const ErrorCodes = Object.freeze({
  SESSION_NOT_FOUND: 'session_not_found',
  SESSION_EXPIRED: 'session_expired',
  SESSION_CANCELED: 'session_canceled',
  ORIGIN_NOT_ALLOWED: 'origin_not_allowed',
  INVALID_PUB_KEY: 'invalid_pub_key',
  PUB_KEY_MISMATCH: 'pub_key_mismatch',
  OTP_LOCKED: 'otp_locked',
  INTERNAL: 'internal',
  LOAD_TIMEOUT: 'load_timeout',
  DECRYPTION_FAILED: 'decryption_failed',
  INVALID_PAYLOAD: 'invalid_payload',
  INSECURE_CONTEXT: 'insecure_context',
  INVALID_LINK: 'invalid_link',
} as const)

/** A code from {@link ErrorCodes}. */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes]

/** The codes a Link frame may send in an `error` message (spec section 5). */
// `@__PURE__` lets bundlers drop this list from host bundles that never import it.
export const FRAME_ERROR_CODES: readonly ErrorCode[] = /* @__PURE__ */ Object.freeze([
  ErrorCodes.SESSION_NOT_FOUND,
  ErrorCodes.SESSION_EXPIRED,
  ErrorCodes.SESSION_CANCELED,
  ErrorCodes.ORIGIN_NOT_ALLOWED,
  ErrorCodes.INVALID_PUB_KEY,
  ErrorCodes.PUB_KEY_MISMATCH,
  ErrorCodes.OTP_LOCKED,
  ErrorCodes.INTERNAL,
])

const ALL_CODES = new Set<string>(Object.values(ErrorCodes))

/** True when `value` is one of the known {@link ErrorCodes}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && ALL_CODES.has(value)
}

/**
 * The one error class of the SDK. Runtime and protocol failures arrive as a `HumanosLinkError`
 * in the flow state and through `onError`; misuse of the API throws a `TypeError` instead.
 */
export class HumanosLinkError extends Error {
  /** Machine-readable reason, one of {@link ErrorCodes}. */
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'HumanosLinkError'
    this.code = code
  }
}

/** The one message every decryption failure carries: it must not reveal which check failed. */
export const DECRYPTION_FAILED_MESSAGE = 'The result could not be decrypted.'

export function decryptionFailed(): HumanosLinkError {
  return new HumanosLinkError(ErrorCodes.DECRYPTION_FAILED, DECRYPTION_FAILED_MESSAGE)
}
