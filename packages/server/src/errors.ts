// Every failure of this package is one of three typed errors (plus `TypeError` for misuse), so a
// caller can branch on `instanceof` and a `reason` union instead of parsing messages.

/**
 * The Humanos API answered with a non-2xx status. Built from the error body
 * `{ statusCode, message, error }`; when the body is not that shape, `message` and `error`
 * fall back to the HTTP status.
 */
export class HumanosApiError extends Error {
  /** HTTP status of the answer (for example `401`, `409`, `503`). */
  readonly status: number
  /** The error name from the body (for example `Unauthorized`), or the HTTP status text. */
  readonly error: string
  /** The request id the server sent in `x-request-id` / `request-id`, if any. */
  readonly requestId: string | undefined
  /** The parsed error body as received, for logging. */
  readonly body: unknown
  /** How many attempts were made before giving up (1 when the call was not retried). */
  readonly attempts: number

  constructor(init: {
    status: number
    message: string
    error: string
    requestId?: string | undefined
    body?: unknown
    attempts?: number
  }) {
    super(init.message)
    this.name = 'HumanosApiError'
    this.status = init.status
    this.error = init.error
    this.requestId = init.requestId
    this.body = init.body
    this.attempts = init.attempts ?? 1
  }
}

/** Why a call got no usable answer from the API. */
export type HumanosRequestErrorReason = 'timeout' | 'network' | 'invalid_response'

/**
 * The API could not be reached, did not answer within `timeoutMs` (after the allowed retries),
 * or answered 2xx with a body that is not the documented shape.
 */
export class HumanosRequestError extends Error {
  readonly reason: HumanosRequestErrorReason
  /** HTTP status, for `invalid_response` only. */
  readonly status: number | undefined
  readonly attempts: number

  constructor(
    reason: HumanosRequestErrorReason,
    message: string,
    init: { attempts: number; status?: number; cause?: unknown },
  ) {
    super(message, { cause: init.cause })
    this.name = 'HumanosRequestError'
    this.reason = reason
    this.status = init.status
    this.attempts = init.attempts
  }
}

/** Why a webhook delivery was refused. */
export type WebhookVerificationReason =
  /** Missing or malformed `x-timestamp` / `x-signature` / `x-webhook-id`, or a body that is not `{ iv, data, tag }`. */
  | 'malformed'
  /** The signature does not match the raw body and timestamp under the signature secret. */
  | 'bad_signature'
  /** Correctly signed, but the timestamp is outside the tolerance window (a replay or a skewed clock). */
  | 'stale'
  /** AES-256-GCM refused the ciphertext: wrong encryption secret or salt, or tampered data. */
  | 'undecryptable'
  /** Decrypted, but the plaintext is not a known event of the documented shape. */
  | 'invalid_event'

/** A webhook delivery failed verification. Nothing of its content is returned or attached. */
export class WebhookVerificationError extends Error {
  readonly reason: WebhookVerificationReason

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message)
    this.name = 'WebhookVerificationError'
    this.reason = reason
  }
}

/** Why an attestation was refused. */
export type AttestationReason =
  /** Not a compact JWS / JWT, or a header that is not allowed (alg other than ES256). */
  | 'malformed'
  /** The signature does not verify under the key named by `kid`. */
  | 'bad_signature'
  /** No key of the JWK set matches the token's `kid` (or several do). */
  | 'unknown_key'
  /** The JWK set could not be fetched or parsed. */
  | 'jwks_unavailable'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'expired'
  /** `nbf` or `iat` in the future. */
  | 'not_yet_valid'
  /** A required claim is missing or does not have the shape of link-protocol section 7. */
  | 'invalid_claims'
  /** The `jti` was already used (only when a replay store is given). */
  | 'replayed'

/** An attestation failed verification. */
export class AttestationError extends Error {
  readonly reason: AttestationReason

  constructor(reason: AttestationReason, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AttestationError'
    this.reason = reason
  }
}
