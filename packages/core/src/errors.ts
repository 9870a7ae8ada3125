/** The codes a Link frame may send in an `error` message (spec section 5). */
const FRAME_CODES = [
  'session_not_found',
  'session_expired',
  'session_canceled',
  'origin_not_allowed',
  'invalid_pub_key',
  'pub_key_mismatch',
  'otp_locked',
  'internal',
] as const

// Every code in one list, frame-side then host-side (section 8). `ErrorCodes` is derived from
// it (`SESSION_EXPIRED: 'session_expired'`), so each code is written once: this module ships to
// every host page.
const HOST_CODES = [
  'load_timeout',
  'decryption_failed',
  'invalid_payload',
  'insecure_context',
  'invalid_link',
] as const
// `@__PURE__`: a bundle that never asks whether a value is a code drops the list.
const ALL_CODES: readonly ErrorCode[] = /* @__PURE__ */ (
  FRAME_CODES as readonly ErrorCode[]
).concat(HOST_CODES)

/** A code a Link frame may report; see {@link FRAME_ERROR_CODES}. */
export type FrameErrorCode = (typeof FRAME_CODES)[number]

/** One of the SDK's error codes; see {@link ErrorCodes}. */
export type ErrorCode = FrameErrorCode | (typeof HOST_CODES)[number]

// Built in a `@__PURE__` function so host bundles that never import it drop it; the SDK itself
// writes codes as typed string literals.
/**
 * Every error code the SDK can report, frame-side (spec section 5) and host-side (section 8),
 * keyed by its upper-case name. Frozen and exported so script-tag users can compare
 * `error.code === ErrorCodes.SESSION_EXPIRED`.
 */
// The type spells each code out so each one carries its own TSDoc (the API reference shows it);
// errors.types.test.ts checks it equals `{ [C in ErrorCode as Uppercase<C>]: C }`, so a code
// added to the lists above cannot be missing here. Types only: nothing of it reaches a bundle.
export const ErrorCodes = /* @__PURE__ */ (() =>
  Object.freeze(Object.fromEntries(ALL_CODES.map((code) => [code.toUpperCase(), code]))))() as {
  /** The frame knows no session with this id: ask your server for a new link. */
  readonly SESSION_NOT_FOUND: 'session_not_found'
  /** The link expired, before or during the flow: ask your server for a new link. */
  readonly SESSION_EXPIRED: 'session_expired'
  /** The requester canceled the request (`DELETE /request/:id`). */
  readonly SESSION_CANCELED: 'session_canceled'
  /** This page's origin is not one the organization registered for the Link frame. */
  readonly ORIGIN_NOT_ALLOWED: 'origin_not_allowed'
  /** The frame could not use the host's public key. */
  readonly INVALID_PUB_KEY: 'invalid_pub_key'
  /** The host's key differs from the `pubKey` pre-registered with the request. */
  readonly PUB_KEY_MISMATCH: 'pub_key_mismatch'
  /** Too many wrong one-time codes: the session is locked. */
  readonly OTP_LOCKED: 'otp_locked'
  /** Something failed that the person cannot fix; SDK-side ones keep the cause on `error.cause`. */
  readonly INTERNAL: 'internal'
  /** The frame did not report `ready` within `loadTimeoutMs`; `restart()` can retry. */
  readonly LOAD_TIMEOUT: 'load_timeout'
  /** A result could not be opened (one fixed message, whatever the cause). */
  readonly DECRYPTION_FAILED: 'decryption_failed'
  /** A decrypted result did not have the shape of a decision. */
  readonly INVALID_PAYLOAD: 'invalid_payload'
  /** No Web Crypto on this page: serve it over https (or from localhost). */
  readonly INSECURE_CONTEXT: 'insecure_context'
  /** The link is not a Link URL (`https://app.humanos.id/link/<id>`). */
  readonly INVALID_LINK: 'invalid_link'
}

/** The codes a Link frame may send in an `error` message (spec section 5). */
// `@__PURE__` lets bundlers drop this list from host bundles that never import it.
export const FRAME_ERROR_CODES: readonly FrameErrorCode[] = /* @__PURE__ */ (() =>
  Object.freeze([...FRAME_CODES]))()

/**
 * True when `value` is a code a frame may send (spec section 5). Anything else in a frame's
 * `error` becomes `internal`: a frame cannot claim a host-side failure such as
 * `decryption_failed`, whose message must be the SDK's own.
 */
export function isFrameErrorCode(value: unknown): value is FrameErrorCode {
  return (FRAME_CODES as readonly unknown[]).includes(value)
}

/** True when `value` is one of the known {@link ErrorCodes}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return (ALL_CODES as readonly unknown[]).includes(value)
}

/**
 * The one error class of the SDK. Runtime and protocol failures arrive as a `HumanosLinkError`
 * in the flow state and through `onError`; misuse of the API throws a `TypeError` instead.
 */
export class HumanosLinkError extends Error {
  /** Machine-readable reason, one of {@link ErrorCodes}. */
  // `declare`: set by the constructor below, so no class field is emitted for it.
  declare readonly code: ErrorCode

  /**
   * @param options.cause the underlying failure, for developers (an `internal` error keeps the
   *   exception that caused it); never shown to the person, whose message stays plain.
   */
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'HumanosLinkError'
    this.code = code
  }
}

/**
 * Throws the SDK's answer to API misuse: a `TypeError` whose message starts with
 * "Humanos Link:" and says what was wrong and what to do (production builds name only the
 * option: the full sentence is a development diagnostic, see `dev.ts`).
 */
export function misuse(message: string): never {
  throw new TypeError(`Humanos Link: ${message}`)
}

/** The one message every decryption failure carries: it must not reveal which check failed. */
export const DECRYPTION_FAILED_MESSAGE = 'The result could not be decrypted.'

/** A new `decryption_failed` error with the one fixed message. */
export function decryptionFailed(): HumanosLinkError {
  return new HumanosLinkError('decryption_failed', DECRYPTION_FAILED_MESSAGE)
}
