import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import type { JSONWebKeySet, JWTPayload } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { json, startServer } from '../test/httpServer.js'
import type { TestServer } from '../test/httpServer.js'
import { AttestationError } from './errors.js'
import { createMemoryReplayStore } from './replayStore.js'
import { verifyAttestation } from './verifyAttestation.js'
import type { VerifyAttestationOptions } from './verifyAttestation.js'

const ISSUER = 'http://127.0.0.1:4010'
const AUDIENCE = 'http://localhost:5173'

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey']
let linkKey: SigningKey
let otherKey: SigningKey
let jwks: JSONWebKeySet
let jwksServer: TestServer

beforeAll(async () => {
  const pair = await generateKeyPair('ES256')
  linkKey = pair.privateKey
  otherKey = (await generateKeyPair('ES256')).privateKey
  jwks = {
    keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'link-1', alg: 'ES256', use: 'sig' }],
  }
  jwksServer = await startServer((req, res) =>
    req.url === '/.well-known/jwks.json' ? json(res, 200, jwks) : json(res, 404, {}),
  )
})
afterAll(() => jwksServer.close())

function claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    sub: 'did:web:127.0.0.1%3A4010:user:1',
    jti: crypto.randomUUID(),
    requestId: 'req_1',
    sessionId: 'sess_1',
    eventType: 'credential',
    decision: { action: 'accept', date: '2026-11-24T12:00:00.000Z' },
    credentialId: 'urn:via:credential:1',
    credentialStatus: 'ACTIVE',
    ...overrides,
  }
}

interface TokenOptions {
  key?: SigningKey
  kid?: string
  iss?: string
  aud?: string
  iat?: number
  exp?: number
}

async function attestation(payload = claims(), o: TokenOptions = {}) {
  const now = Math.floor(Date.now() / 1000)
  const iat = o.iat ?? now
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: o.kid ?? 'link-1' })
    .setIssuer(o.iss ?? ISSUER)
    .setAudience(o.aud ?? AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(o.exp ?? iat + 300)
    .sign(o.key ?? linkKey)
}

function options(extra: Partial<VerifyAttestationOptions> = {}): VerifyAttestationOptions {
  return {
    jwksUrl: `${jwksServer.url}/.well-known/jwks.json`,
    audience: AUDIENCE,
    issuer: ISSUER,
    ...extra,
  }
}

async function reason(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AttestationError)
  return (error as AttestationError).reason
}

describe('verifyAttestation', () => {
  it('returns the verified decision claims, fetching the keys from jwksUrl', async () => {
    const payload = claims()
    const result = await verifyAttestation(await attestation(payload), options())
    expect(result).toMatchObject({ ...payload, iss: ISSUER, aud: AUDIENCE })
    expect(result.eventType === 'credential' && result.credentialStatus).toBe('ACTIVE')
    expect(jwksServer.requests.some((r) => r.url === '/.well-known/jwks.json')).toBe(true)
  })

  it('verifies an identity decision against a JWK set given inline', async () => {
    const decision = {
      success: true,
      isFraud: false,
      date: '2026-11-24T12:00:00.000Z',
      riskScore: 3,
      message: 'ok',
      outcome: 'APPROVED',
    }
    const payload = claims({
      eventType: 'identity',
      decision,
      credentialId: undefined,
      credentialStatus: undefined,
    })
    const result = await verifyAttestation(await attestation(payload), {
      jwks,
      audience: [AUDIENCE, 'https://shop.example'],
      issuer: ISSUER,
    })
    expect(result.eventType).toBe('identity')
    expect(result.decision).toEqual(decision)
  })

  it('refuses a token for another audience, naming both and what to pass', async () => {
    const jws = await attestation(claims(), { aud: 'https://evil.example' })
    const error = await verifyAttestation(jws, options()).catch((e: unknown) => e)
    expect(error).toMatchObject({ reason: 'wrong_audience' })
    expect((error as Error).message).toContain('"https://evil.example"')
    expect((error as Error).message).toContain(`"${AUDIENCE}"`)
    expect((error as Error).message).toContain('postMessageOrigin')
  })

  it('refuses a token from another issuer, naming both and what to pass', async () => {
    const jws = await attestation(claims(), { iss: 'https://evil.example' })
    const error = await verifyAttestation(jws, options()).catch((e: unknown) => e)
    expect(error).toMatchObject({ reason: 'wrong_issuer' })
    expect((error as Error).message).toContain('"https://evil.example"')
    expect((error as Error).message).toContain(`"${ISSUER}"`)
  })

  it('accepts an issuer and an audience written with a trailing slash', async () => {
    const jws = await attestation()
    await expect(
      verifyAttestation(jws, options({ issuer: `${ISSUER}/`, audience: `${AUDIENCE}/` })),
    ).resolves.toMatchObject({ requestId: 'req_1' })
  })

  it('says to pass payload.attestation when given the whole result payload', async () => {
    const payload = { eventType: 'credential', attestation: await attestation() }
    const call = verifyAttestation(payload as unknown as string, options())
    await expect(call).rejects.toThrow(TypeError)
    await expect(call).rejects.toThrow(/payload\.attestation/)
    await expect(verifyAttestation(undefined as unknown as string, options())).rejects.toThrow(
      /got undefined/,
    )
  })

  it('refuses an expired token, unless within the allowed clock tolerance', async () => {
    const now = Math.floor(Date.now() / 1000)
    const jws = await attestation(claims(), { iat: now - 400, exp: now - 100 })
    expect(await reason(verifyAttestation(jws, options()))).toBe('expired')
    await expect(
      verifyAttestation(jws, options({ clockToleranceMs: 200_000 })),
    ).resolves.toMatchObject({ requestId: 'req_1' })
  })

  it('refuses a token issued in the future', async () => {
    const jws = await attestation(claims(), { iat: Math.floor(Date.now() / 1000) + 120 })
    expect(await reason(verifyAttestation(jws, options()))).toBe('not_yet_valid')
  })

  it('refuses a token signed by another key under the published kid', async () => {
    const jws = await attestation(claims(), { key: otherKey })
    expect(await reason(verifyAttestation(jws, options()))).toBe('bad_signature')
  })

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await attestation()).split('.')
    const forged = Buffer.from(
      JSON.stringify({ ...claims(), iss: ISSUER, aud: AUDIENCE, iat: 1, exp: 9e9 }),
    ).toString('base64url')
    expect(await reason(verifyAttestation(`${header}.${forged}.${signature}`, options()))).toBe(
      'bad_signature',
    )
  })

  it('refuses a token whose kid is not in the key set', async () => {
    const jws = await attestation(claims(), { key: otherKey, kid: 'rogue' })
    expect(await reason(verifyAttestation(jws, { ...options(), jwksUrl: undefined, jwks }))).toBe(
      'unknown_key',
    )
  })

  it('refuses a second use of the same jti when a replay store is given', async () => {
    const jws = await attestation()
    const replayStore = createMemoryReplayStore()
    await expect(verifyAttestation(jws, options({ replayStore }))).resolves.toBeDefined()
    expect(await reason(verifyAttestation(jws, options({ replayStore })))).toBe('replayed')
  })

  it('refuses a replay after exp but inside the clock tolerance (memory store)', async () => {
    // Issue 15 item 4: the jti must be remembered for as long as the token can be accepted.
    const exp = Math.floor(Date.now() / 1000) + 2
    const token = await attestation(claims(), { exp })
    let clock = (exp - 1) * 1000
    const replayStore = createMemoryReplayStore({ now: () => clock })
    const at = (ms: number) =>
      options({ replayStore, clockToleranceMs: 60_000, currentDate: new Date(ms) })
    await expect(verifyAttestation(token, at(clock))).resolves.toBeDefined()
    // 30 s after exp: still accepted by the tolerance, so it must still be remembered.
    clock = exp * 1000 + 30_000
    expect(await reason(verifyAttestation(token, at(clock)))).toBe('replayed')
  })

  it('does not burn the jti of a token that failed verification', async () => {
    const payload = claims()
    const replayStore = createMemoryReplayStore()
    const wrongAud = await attestation(payload, { aud: 'https://evil.example' })
    expect(await reason(verifyAttestation(wrongAud, options({ replayStore })))).toBe(
      'wrong_audience',
    )
    await expect(
      verifyAttestation(await attestation(payload), options({ replayStore })),
    ).resolves.toBeDefined()
  })

  it('refuses claims without the decision, and tokens that are not ES256 compact JWS', async () => {
    const noDecision = await attestation(claims({ decision: undefined }))
    expect(await reason(verifyAttestation(noDecision, options()))).toBe('invalid_claims')
    const noJti = await attestation(claims({ jti: undefined }))
    expect(await reason(verifyAttestation(noJti, options()))).toBe('invalid_claims')
    const hs256 = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'link-1' })
      .sign(new Uint8Array(32))
    expect(await reason(verifyAttestation(hs256, options()))).toBe('malformed')
    expect(await reason(verifyAttestation('not.a.jws', options()))).toBe('malformed')
    expect(await reason(verifyAttestation('', options()))).toBe('malformed')
  })

  it('reports an unreachable key set as jwks_unavailable', async () => {
    const down = await startServer((_req, res) => json(res, 500, {}))
    const url = `${down.url}/.well-known/jwks.json`
    expect(await reason(verifyAttestation(await attestation(), options({ jwksUrl: url })))).toBe(
      'jwks_unavailable',
    )
    await down.close()
  })

  it('throws a TypeError for invalid options', async () => {
    const jws = await attestation()
    await expect(verifyAttestation(jws, { jwks, ...options() })).rejects.toThrow(TypeError)
    await expect(verifyAttestation(jws, options({ jwksUrl: 'nope' }))).rejects.toThrow(TypeError)
    await expect(verifyAttestation(jws, options({ audience: '' }))).rejects.toThrow(TypeError)
    await expect(verifyAttestation(jws, options({ issuer: '' }))).rejects.toThrow(TypeError)
  })
})
