// Attestation verification (link-protocol.md, section 7):
// 1. The token is a compact JWS with `alg` ES256 and a `kid`.
// 2. jose's `jwtVerify` checks the signature with the key named by `kid` from the JWK set
//    (remote sets are cached per URL, so keys are not fetched on every call), and `iss`, `aud`,
//    `exp` (required), `nbf`.
// 3. The claims must carry the decision: `sub`, `jti`, `iat`, `requestId`, `sessionId`,
//    `eventType`, `decision`, and `credentialId` / `credentialStatus` for credentials.
// 4. Only then, with a replay store, the `jti` is marked used until `exp` + the clock
//    tolerance (as long as the token can be accepted); a second use is refused.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
} from 'jose'
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from 'jose'
import { AttestationError } from './errors.js'
import { isCredentialDecision, isIdentityDecision, isStr } from './guards.js'
import type { ReplayStore } from './replayStore.js'
import type { CredentialDecision, IdentityDecision } from './types.js'

/** Options of {@link verifyAttestation}. Give exactly one of `jwksUrl` and `jwks`. */
export interface VerifyAttestationOptions {
  /** Where the Link service publishes its keys: `<API base>/.well-known/jwks.json`. */
  jwksUrl?: string | URL
  /** The key set itself, when you pin or fetch it yourself. */
  jwks?: JSONWebKeySet
  /** Expected `aud`: the origin of your page that hosts the Link frame (`postMessageOrigin`). */
  audience: string | string[]
  /** Expected `iss`: the Link service (the API base URL). */
  issuer: string
  /** When given, each `jti` is accepted once; see {@link createMemoryReplayStore}. */
  replayStore?: ReplayStore
  /** Clock skew allowed for `exp` / `nbf` / `iat`. Default 0. */
  clockToleranceMs?: number
  /** The clock to check against. Default: now. */
  currentDate?: Date
}

interface AttestationClaimsBase {
  iss: string
  aud: string | string[]
  /** The user's DID. */
  sub: string
  jti: string
  iat: number
  exp: number
  requestId: string
  sessionId: string
}

/** Verified claims of a credential decision. */
export interface CredentialAttestationClaims extends AttestationClaimsBase {
  eventType: 'credential'
  decision: CredentialDecision
  credentialId: string
  credentialStatus: string
}

/** Verified claims of an identity check. */
export interface IdentityAttestationClaims extends AttestationClaimsBase {
  eventType: 'identity'
  decision: IdentityDecision
}

/** The verified claims of an attestation: the decision and what it is about. */
export type AttestationClaims = CredentialAttestationClaims | IdentityAttestationClaims

/** Marks failures to obtain the key set, so they are told apart from bad tokens. */
class JwksUnavailable extends Error {}

const remoteSets = new Map<string, JWTVerifyGetKey>()
const localSets = new WeakMap<JSONWebKeySet, JWTVerifyGetKey>()

function remoteKeys(url: string | URL): JWTVerifyGetKey {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new TypeError('verifyAttestation: jwksUrl must be a valid URL')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TypeError('verifyAttestation: jwksUrl must be an http(s) URL')
  }
  const cached = remoteSets.get(parsed.href)
  if (cached) return cached
  const remote = createRemoteJWKSet(parsed)
  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remote(header, token)
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys
      ) {
        throw error
      }
      throw new JwksUnavailable('The JWK set could not be loaded', { cause: error })
    }
  }
  remoteSets.set(parsed.href, getKey)
  return getKey
}

function localKeys(jwks: JSONWebKeySet): JWTVerifyGetKey {
  const cached = localSets.get(jwks)
  if (cached) return cached
  let getKey: JWTVerifyGetKey
  try {
    getKey = createLocalJWKSet(jwks)
  } catch (error) {
    throw new TypeError('verifyAttestation: jwks must be a JSON Web Key Set ({ keys: [...] })', {
      cause: error,
    })
  }
  localSets.set(jwks, getKey)
  return getKey
}

function keySource(options: VerifyAttestationOptions): JWTVerifyGetKey {
  const hasUrl = options.jwksUrl !== undefined
  const hasSet = options.jwks !== undefined
  if (hasUrl === hasSet)
    throw new TypeError('verifyAttestation: give exactly one of jwksUrl and jwks')
  return hasUrl
    ? remoteKeys(options.jwksUrl as string | URL)
    : localKeys(options.jwks as JSONWebKeySet)
}

// The client accepts a base URL with a trailing '/', so the issuer (that same base URL) and the
// audience (an origin, which never ends in '/') do too: a copied `http://host/` must not fail.
function withoutTrailingSlash(value: string): string {
  return value.replace(/\/+$/, '')
}

function checkOptions(options: VerifyAttestationOptions) {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('verifyAttestation: options must be an object')
  }
  const { replayStore, clockToleranceMs = 0 } = options
  const audiences = Array.isArray(options.audience) ? options.audience : [options.audience]
  if (audiences.length === 0 || !audiences.every((a) => isStr(a) && a.length > 0)) {
    throw new TypeError('verifyAttestation: audience must be a non-empty string (or strings)')
  }
  if (!isStr(options.issuer) || options.issuer.length === 0)
    throw new TypeError('verifyAttestation: issuer must be a non-empty string')
  const audience = audiences.map(withoutTrailingSlash)
  const issuer = withoutTrailingSlash(options.issuer)
  if (replayStore !== undefined && typeof replayStore?.markUsed !== 'function') {
    throw new TypeError(
      'verifyAttestation: replayStore must have a markUsed(jti, expiresAt) method',
    )
  }
  if (
    typeof clockToleranceMs !== 'number' ||
    !Number.isFinite(clockToleranceMs) ||
    clockToleranceMs < 0
  ) {
    throw new TypeError('verifyAttestation: clockToleranceMs must be a non-negative number')
  }
  return { getKey: keySource(options), audience, issuer, replayStore, clockToleranceMs }
}

function isAttestationClaims(p: JWTPayload): p is JWTPayload & AttestationClaims {
  const common =
    isStr(p.sub) &&
    isStr(p.jti) &&
    p.jti.length > 0 &&
    typeof p.iat === 'number' &&
    typeof p.exp === 'number' &&
    isStr(p.requestId) &&
    isStr(p.sessionId)
  if (!common) return false
  if (p.eventType === 'credential') {
    return isCredentialDecision(p.decision) && isStr(p.credentialId) && isStr(p.credentialStatus)
  }
  return p.eventType === 'identity' && isIdentityDecision(p.decision)
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.map(shown).join(', ')
  return typeof value === 'string' ? `"${value}"` : 'none'
}

function claimMismatch(
  error: errors.JWTClaimValidationFailed,
  expected: { issuer: string; audience: string[] },
) {
  const wrap = (reason: AttestationError['reason'], message: string) =>
    new AttestationError(reason, message, { cause: error })
  if (error.claim === 'iss') {
    return wrap(
      'wrong_issuer',
      `The attestation was issued by ${shown(error.payload.iss)}, but issuer is ${shown(expected.issuer)}. ` +
        'Pass the base URL of the Humanos API your server calls as issuer.',
    )
  }
  return wrap(
    'wrong_audience',
    `The attestation is meant for ${shown(error.payload.aud)}, but audience is ${shown(expected.audience)}. ` +
      'Pass the origin of the page that hosts the Link frame (its postMessageOrigin) as audience.',
  )
}

function toAttestationError(
  error: unknown,
  expected: { issuer: string; audience: string[] },
): unknown {
  if (error instanceof AttestationError) return error
  if (error instanceof JwksUnavailable) {
    return new AttestationError('jwks_unavailable', error.message, { cause: error.cause })
  }
  const wrap = (reason: AttestationError['reason'], message: string) =>
    new AttestationError(reason, message, { cause: error })
  if (error instanceof errors.JWTExpired) return wrap('expired', 'The attestation has expired')
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss' || error.claim === 'aud') return claimMismatch(error, expected)
    if (error.claim === 'nbf') return wrap('not_yet_valid', 'The attestation is not valid yet')
    return wrap('invalid_claims', `The attestation's claims are invalid: ${error.message}`)
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return wrap('bad_signature', 'The attestation signature is invalid')
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return wrap('unknown_key', 'No single key of the JWK set matches the attestation')
  }
  if (error instanceof errors.JOSEError) {
    return wrap('malformed', `The attestation is malformed: ${error.message}`)
  }
  return error
}

function protectedHeader(jws: string) {
  try {
    return decodeProtectedHeader(jws)
  } catch (error) {
    throw new AttestationError('malformed', 'The attestation is not a compact JWS', {
      cause: error,
    })
  }
}

// Handing over the whole Link result (or webhook event) is the easy mistake: it is a misuse of
// the API, so a TypeError that says what to pass, not a verification failure.
function checkToken(jws: unknown): asserts jws is string {
  if (typeof jws === 'object' && jws !== null && 'attestation' in jws) {
    throw new TypeError(
      'verifyAttestation: got the result payload object, not its attestation. ' +
        'Pass payload.attestation (the compact JWS string) as the first argument.',
    )
  }
  if (typeof jws !== 'string') {
    throw new TypeError(
      `verifyAttestation: the attestation must be the compact JWS string (payload.attestation), got ${jws === null ? 'null' : typeof jws}`,
    )
  }
  if (jws.length === 0) {
    throw new AttestationError(
      'malformed',
      'The attestation is empty: pass payload.attestation exactly as the browser received it',
    )
  }
}

/**
 * Verifies an attestation from a Link result (or a webhook) and returns its decision claims.
 *
 * @param jws - the compact JWS from `payload.attestation`, as the browser sent it.
 * @param options - `jwksUrl` or `jwks`, `audience`, `issuer`, optional `replayStore`,
 *   `clockToleranceMs`, `currentDate`. See {@link VerifyAttestationOptions}.
 * @returns the verified claims; nothing the browser sent outside the JWS is trusted.
 * @throws AttestationError with a `reason`: `malformed`, `bad_signature`, `unknown_key`,
 *   `jwks_unavailable`, `wrong_issuer`, `wrong_audience`, `expired`, `not_yet_valid`,
 *   `invalid_claims`, `replayed`.
 * @throws TypeError for invalid options, or when `jws` is not a string (for example the whole
 *   result payload instead of its `attestation`).
 */
export async function verifyAttestation(
  jws: string,
  options: VerifyAttestationOptions,
): Promise<AttestationClaims> {
  const opts = checkOptions(options)
  checkToken(jws)
  try {
    const header = protectedHeader(jws)
    if (header.alg !== 'ES256' || !isStr(header.kid)) {
      throw new AttestationError(
        'malformed',
        'The attestation header must have alg ES256 and a kid',
      )
    }
    const { payload } = await jwtVerify(jws, opts.getKey, {
      algorithms: ['ES256'],
      issuer: opts.issuer,
      audience: opts.audience,
      requiredClaims: ['exp', 'iat', 'jti', 'sub'],
      clockTolerance: opts.clockToleranceMs / 1000,
      currentDate: options.currentDate,
    })
    if (!isAttestationClaims(payload)) {
      throw new AttestationError(
        'invalid_claims',
        'The attestation does not carry a decision of the documented shape',
      )
    }
    const now = options.currentDate?.getTime() ?? Date.now()
    if (payload.iat * 1000 > now + opts.clockToleranceMs) {
      throw new AttestationError('not_yet_valid', 'The attestation is issued in the future')
    }
    // Remembered for as long as the token can be accepted: `exp` plus the tolerance.
    const acceptedUntil = payload.exp * 1000 + opts.clockToleranceMs
    if (opts.replayStore && !(await opts.replayStore.markUsed(payload.jti, acceptedUntil))) {
      throw new AttestationError('replayed', 'The attestation was already used')
    }
    return payload
  } catch (error) {
    throw toAttestationError(error, opts)
  }
}
