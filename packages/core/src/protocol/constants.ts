/** Namespace every Link message carries in `ns` (spec section 5). */
export const PROTOCOL_NAMESPACE = 'humanos-link'
/** Protocol version every Link message carries in `v`. */
export const PROTOCOL_VERSION = 1
/** The only `alg` an encrypted result may name (spec section 6). */
export const RESULT_ALG = 'ECDH-P256+HKDF-SHA256+A256GCM'
/** How far a result's `ts` may be from the host's clock (spec section 6, step 4). */
export const MAX_RESULT_AGE_MS = 10 * 60 * 1000
/** Default time to wait for `ready` before failing with `load_timeout` (spec section 8). */
export const DEFAULT_LOAD_TIMEOUT_MS = 15_000

/** Progress events a frame reports; hosts ignore names they do not know. */
// `@__PURE__` lets bundlers drop this list from host bundles that never import it.
export const EVENT_NAMES = /* @__PURE__ */ Object.freeze([
  'OTP_SENT',
  'OTP_VERIFIED',
  'OTP_FAILED',
  'STEP_VIEWED',
  'DECISION_MADE',
  'KYC_STARTED',
  'KYC_FINISHED',
] as const)
/** The name of a frame `event` message: one of {@link EVENT_NAMES}. */
export type LinkEventName = (typeof EVENT_NAMES)[number]

/** Why a flow ended without completing. */
export const EXIT_REASONS = Object.freeze(['user_closed', 'expired', 'canceled'] as const)
/**
 * Why a flow ended without completing: one of {@link EXIT_REASONS}. The SDK reports `expired`
 * as the error `session_expired`, so `onExit` only ever gets `user_closed` or `canceled`.
 */
export type ExitReason = (typeof EXIT_REASONS)[number]

/** Languages the hosted flow speaks (the `lang` query parameter). */
export type LinkLanguage = 'ENG' | 'PRT' | (string & {})
/** Where the frame renders: in a container of the page (`inline`) or in an overlay (`modal`). */
export type LinkMode = 'inline' | 'modal'
/** The hosted flow's colour scheme (the `theme` query parameter). */
export type LinkTheme = 'light' | 'dark'
