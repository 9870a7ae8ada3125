import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_ALLOWED_ORIGINS } from '../config.js'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

let t: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox({ otpResendCooldownMs: 0 })
})
afterAll(() => t.close())

const json = (path: string) => fetch(`${t.url}${path}`).then((r) => r.json())
const put = (body: unknown) =>
  fetch(`${t.url}/_sandbox/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, json: await r.json() }))

describe('/_sandbox/outbox', () => {
  it('lists the messages sent, newest first, filtered by contact', async () => {
    const first = await t.api('POST', '/request', {
      body: requestBody({ contacts: ['ana@example.com', 'bo@example.com'] }),
    })
    await t.api('PATCH', `/request/resend/${first.json.id}?contact=ana%40example.com`)
    const ana = await json('/_sandbox/outbox?contact=ANA@example.com')
    expect(ana.data.map((m: { reason: string }) => m.reason)).toEqual(['resend', 'created'])
    expect(ana.data[0]).toEqual({
      id: expect.any(String),
      requestId: first.json.id,
      sessionId: first.json.subjects[0].link.split('/').pop(),
      contact: 'ana@example.com',
      channel: 'email',
      code: expect.stringMatching(/^\d{6}$/),
      link: first.json.subjects[0].link,
      reason: 'resend',
      status: 'sent',
      error: null,
      createdAt: expect.any(String),
    })
    expect(ana.data[0].code).not.toBe(ana.data[1].code)
    expect((await json('/_sandbox/outbox?limit=1')).data).toHaveLength(1)
    expect((await fetch(`${t.url}/_sandbox/outbox?limit=0`)).status).toBe(400)
  })
})

describe('/_sandbox/sessions/:id/decide', () => {
  it('validates the action and the session', async () => {
    const created = await t.api('POST', '/request', { body: requestBody() })
    const sessionId = created.json.subjects[0].link.split('/').pop()
    const bad = await t.post(`/_sandbox/sessions/${sessionId}/decide`, { action: 'maybe' })
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(/^action: /)
    const missing = await t.post('/_sandbox/sessions/nope/decide', { action: 'accept' })
    expect(missing).toMatchObject({ status: 404, json: { code: 'session_not_found' } })
  })

  it('records a passed identity check first for KYC requests', async () => {
    const created = await t.api('POST', '/request', {
      body: requestBody({ securityLevel: 'HUMANOS_KYC' }),
    })
    const sessionId = created.json.subjects[0].link.split('/').pop()
    const decided = await t.post(`/_sandbox/sessions/${sessionId}/decide`, { action: 'accept' })
    expect(decided.json.events.map((e: { eventType: string }) => e.eventType)).toEqual([
      'identity',
      'credential',
    ])
    expect(decided.json.events[0].decision).toMatchObject({ success: true, outcome: 'APPROVED' })
    const detail = await t.api('GET', `/request/${created.json.id}`)
    expect(detail.json.subjects[0]).toMatchObject({
      status: 'COMPLETED',
      identity: { success: true },
    })
  })

  it('treats reject as a failed check for an identity-only request', async () => {
    const created = await t.api('POST', '/request', {
      body: requestBody({ securityLevel: 'HUMANOS_KYC', credentials: undefined }),
    })
    const sessionId = created.json.subjects[0].link.split('/').pop()
    const decided = await t.post(`/_sandbox/sessions/${sessionId}/decide`, { action: 'reject' })
    expect(decided.json.events).toHaveLength(1)
    expect(decided.json.events[0]).toMatchObject({
      eventType: 'identity',
      decision: { success: false },
    })
  })
})

describe('/_sandbox/settings and /_sandbox/reset', () => {
  it('changes the allowlist, validating every origin', async () => {
    const ok = await put({ allowedOrigins: ['https://shop.example', 'http://localhost:3000/'] })
    expect(ok.json.allowedOrigins).toEqual(['https://shop.example', 'http://localhost:3000'])
    for (const [origins, message] of [
      [['http://shop.example'], /must use https/],
      [['https://shop.example/app'], /not a bare origin/],
      [Array.from({ length: 11 }, (_, i) => `https://s${i}.example`), /at most 10/],
    ] as const) {
      const bad = await put({ allowedOrigins: origins })
      expect(bad.status).toBe(400)
      expect(bad.json.message).toMatch(message)
    }
    expect((await put({ webhookUrl: 'not a url' })).status).toBe(400)
    expect((await put({ colour: 'red' })).status).toBe(400)
    expect((await json('/_sandbox/settings')).allowedOrigins).toEqual([
      'https://shop.example',
      'http://localhost:3000',
    ])
  })

  it('wants a JSON content type for writes, so other sites cannot post from a browser', async () => {
    const res = await fetch(`${t.url}/_sandbox/reset`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
    })
    expect(res.status).toBe(415)
  })

  it('wipes requests, outbox and settings changes, but keeps the signing keys', async () => {
    await t.api('POST', '/request', { body: requestBody() })
    await put({ allowedOrigins: ['https://shop.example'] })
    const jwks = await json('/.well-known/jwks.json')
    expect((await t.post('/_sandbox/reset')).json).toEqual({ success: true })
    expect((await t.api('GET', '/request')).json).toEqual({ data: [], totalPages: 0 })
    expect((await json('/_sandbox/outbox')).data).toEqual([])
    expect((await json('/_sandbox/settings')).allowedOrigins).toEqual(DEFAULT_ALLOWED_ORIGINS)
    expect(await json('/.well-known/jwks.json')).toEqual(jwks)
    const next = await t.api('POST', '/request', { body: requestBody() })
    expect(next.json.subjects[0].id).toMatch(/:user:1$/)
  })
})

describe('well-known documents', () => {
  it('publishes the DID documents (platform, platform key, issuer, users) and the JWK set', async () => {
    const did = await json('/.well-known/did.json')
    const platform = `did:web:${new URL(t.url).host.replace(':', '%3A')}`
    expect(did.id).toBe(platform)
    const created0 = await t.api('POST', '/request', { body: requestBody() })
    const sessionId = created0.json.subjects[0].link.split('/').pop()
    await t.post(`/_sandbox/sessions/${sessionId}/decide`, { action: 'accept' })
    const credential = await t.api('GET', `/credential/${created0.json.credentials[0].id}`)
    const method: string = credential.json.w3cCredential.proofs[0].verificationMethod
    const uuid = /:platform:([0-9a-f-]{36})#key-1$/.exec(method)?.[1]
    const keyDoc = await json(`/platform/${uuid}/did.json`)
    expect(keyDoc.id).toBe(`${platform}:platform:${uuid}`)
    expect(keyDoc.verificationMethod[0]).toMatchObject({
      id: method,
      type: 'Multikey',
      publicKeyMultibase: expect.stringMatching(/^z6Mk/),
    })
    expect(
      (await fetch(`${t.url}/platform/00000000-0000-4000-8000-000000000000/did.json`)).status,
    ).toBe(404)
    const org = await json('/_sandbox/organization')
    expect(org.issuerDid).toBe(`${platform}:issuer:${org.id}`)
    expect((await json(`/issuer/${org.id}/did.json`)).id).toBe(org.issuerDid)
    const jwks = await json('/.well-known/jwks.json')
    expect(jwks.keys).toEqual([
      {
        kty: 'EC',
        crv: 'P-256',
        x: expect.any(String),
        y: expect.any(String),
        kid: expect.any(String),
        alg: 'ES256',
        use: 'sig',
      },
    ])
    expect(JSON.stringify(jwks)).not.toContain('"d"')
    const created = await t.api('POST', '/request', { body: requestBody() })
    const n = created.json.subjects[0].id.split(':').pop()
    expect((await json(`/user/${n}/did.json`)).id).toBe(created.json.subjects[0].id)
    expect((await fetch(`${t.url}/user/9999/did.json`)).status).toBe(404)
    expect(await json('/health')).toMatchObject({ status: 'ok', platformDid: platform })
  })
})
