import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'
import type { SandboxKeys } from './sandboxKeys.js'

/** Life of an attestation (link-protocol section 7: `exp` = `iat` + 300 s). */
export const ATTESTATION_TTL_SECONDS = 300

/** The decision-specific claims of an attestation. */
export interface AttestationClaims {
  /** The user's DID. */
  sub: string
  /** `postMessageOrigin`, the host that receives the result. */
  aud: string
  requestId: string
  sessionId: string
  eventType: 'credential' | 'identity'
  decision: Record<string, unknown>
  credentialId?: string
  credentialStatus?: string
}

/**
 * Signs an attestation: a compact ES256 JWS with `kid`, `iss` = the sandbox's base URL, `jti`,
 * `iat` and `exp`, plus the claims above (link-protocol section 7).
 */
export async function signAttestation(
  keys: SandboxKeys,
  issuer: string,
  claims: AttestationClaims,
): Promise<string> {
  const { sub, aud, ...rest } = claims
  const iat = Math.floor(Date.now() / 1000)
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'ES256', kid: keys.attestationJwk.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(aud)
    .setSubject(sub)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + ATTESTATION_TTL_SECONDS)
    .sign(keys.attestationKey)
}
