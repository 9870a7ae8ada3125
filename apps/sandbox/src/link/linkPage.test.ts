import { generateHostKeyPair, openResult } from '@humanos-link/core'
import type { HostKeyPair } from '@humanos-link/core'
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestBody, startTestSandbox } from '../testing/testSandbox'
import type { TestSandbox } from '../testing/testSandbox'

const HOST = 'http://localhost:5173'
let t: TestSandbox
let keys: HostKeyPair

beforeAll(async () => {
  t = await startTestSandbox({ otpResendCooldownMs: 60_000 })
  keys = await generateHostKeyPair()
})
afterAll(() => t.close())

interface Boot {
  mode: 'flow' | 'error'
  sessionId: string
  origin: string | null
  code?: string
  message?: string
  frame?: string
  identityStep?: boolean
}

async function createRequest(body: Record<string, unknown> = {}) {
  const res = await t.api('POST', '/request', { body: requestBody(body) })
  expect(res.status).toBe(201)
  const link = res.json.subjects[0].link as string
  return { id: res.json.id as string, link, sessionId: link.split('/').pop()!, json: res.json }
}

async function open(
  link: string,
  params: Record<string, string> = { pubKey: keys.publicKey, postMessageOrigin: HOST },
) {
  const url = new URL(link)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  const res = await fetch(url)
  const html = await res.text()
  const match = /<script type="application\/json" id="link-boot">(.*?)<\/script>/s.exec(html)
  return { res, html, boot: JSON.parse(match?.[1] ?? 'null') as Boot }
}

async function codeFor(sessionId: string): Promise<string> {
  const outbox = await fetch(`${t.url}/_sandbox/outbox`).then((r) => r.json())
  return outbox.data.find((m: { sessionId: string }) => m.sessionId === sessionId).code
}

const page = (sessionId: string, path: string, body: Record<string, unknown>) =>
  t.post(`/link/${sessionId}${path}`, body)

describe('GET /link/:sessionId', () => {
  it('serves the flow with a strict CSP, no inline script and the allowed frame ancestors', async () => {
    const { link } = await createRequest()
    const { res, html, boot } = await open(link)
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain('frame-ancestors http://localhost:5173 http://127.0.0.1:5173')
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])
    expect(scripts).toEqual([
      ' type="module" src="/assets/link/main.js"',
      ' type="application/json" id="link-boot"',
    ])
    expect(boot).toMatchObject({ mode: 'flow', origin: HOST, frame: expect.any(String) })
    // Every postMessage call names the host origin; none can address '*'.
    const calls: string[] = []
    for (const file of ['main.js', 'messenger.js', 'pageApi.js', 'camera.js']) {
      const script = await fetch(`${t.url}/assets/link/${file}`)
      expect(script.status).toBe(200)
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
      const source = await script.text()
      calls.push(...[...source.matchAll(/postMessage\(([^)]*)\)/g)].map((m) => m[1]!))
    }
    expect(calls).toEqual(['message, boot.origin'])
  })

  it('escapes credential data and names, which are user input', async () => {
    const evil = '<img src=x onerror=alert(1)></script>'
    const { link } = await createRequest({
      name: evil,
      credentials: [
        { type: 'FORM', name: evil, description: evil, data: { [evil]: [evil, { deep: evil }] } },
      ],
    })
    const { html } = await open(link)
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;')
  })

  it('answers an origin outside the allowlist with origin_not_allowed, addressed to that origin only', async () => {
    const { link } = await createRequest()
    const { res, boot, html } = await open(link, {
      pubKey: keys.publicKey,
      postMessageOrigin: 'http://127.0.0.1:5182',
    })
    expect(res.status).toBe(403)
    expect(boot).toEqual({
      mode: 'error',
      sessionId: link.split('/').pop(),
      origin: 'http://127.0.0.1:5182',
      code: 'origin_not_allowed',
      message: expect.any(String),
    })
    expect(res.headers.get('content-security-policy')).toContain(
      'frame-ancestors http://127.0.0.1:5182',
    )
    expect(html).not.toContain('Share my profile')
    const malformed = await open(link, {
      pubKey: keys.publicKey,
      postMessageOrigin: 'http://localhost:5173/path',
    })
    expect(malformed.boot).toMatchObject({ code: 'origin_not_allowed', origin: null })
    expect(malformed.res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('checks the pubKey format and a pre-registered key', async () => {
    const { link } = await createRequest()
    expect((await open(link, { pubKey: 'abc', postMessageOrigin: HOST })).boot.code).toBe(
      'invalid_pub_key',
    )
    expect((await open(link, { postMessageOrigin: HOST })).boot.code).toBe('invalid_pub_key')
    const registered = await createRequest({ pubKey: keys.publicKey })
    const other = await generateHostKeyPair()
    const mismatch = await open(registered.link, {
      pubKey: other.publicKey,
      postMessageOrigin: HOST,
    })
    expect(mismatch.boot).toMatchObject({ mode: 'error', code: 'pub_key_mismatch', origin: HOST })
    expect((await open(registered.link)).boot.mode).toBe('flow')
  })

  it('reports a missing, canceled, answered or locked session', async () => {
    expect((await open(`${t.url}/link/nope`)).boot).toMatchObject({
      code: 'session_not_found',
      sessionId: 'nope',
      origin: HOST,
    })
    const canceled = await createRequest()
    await t.api('DELETE', `/request/${canceled.id}`)
    expect((await open(canceled.link)).boot.code).toBe('session_canceled')
    const answered = await createRequest()
    await t.post(`/_sandbox/sessions/${answered.sessionId}/decide`, { action: 'reject' })
    expect((await open(answered.link)).boot.code).toBe('session_expired')
    const locked = await createRequest()
    const { boot } = await open(locked.link)
    for (let i = 0; i < 3; i++)
      await page(locked.sessionId, '/otp/verify', {
        frame: boot.frame,
        code: '000000' === (await codeFor(locked.sessionId)) ? '111111' : '000000',
      })
    const reopened = await open(locked.link)
    expect(reopened.res.status).toBe(423)
    expect(reopened.boot.code).toBe('otp_locked')
  })

  it('speaks Portuguese from lang or the request language, and English otherwise', async () => {
    const { link } = await createRequest({ language: 'PRT' })
    expect((await open(link)).html).toMatch(/<html\s+lang="pt"/)
    expect(
      (await open(link, { pubKey: keys.publicKey, postMessageOrigin: HOST, lang: 'ENG' })).html,
    ).toMatch(/<html\s+lang="en"/)
    const english = await createRequest()
    const pt = await open(english.link, {
      pubKey: keys.publicKey,
      postMessageOrigin: HOST,
      lang: 'PRT',
      theme: 'dark',
    })
    expect(pt.html).toContain('É-lhe pedido que aprove o seguinte')
    expect(pt.html).toContain('data-theme="dark"')
    expect(
      (await open(english.link, { pubKey: keys.publicKey, postMessageOrigin: HOST, lang: 'DEU' }))
        .html,
    ).toMatch(/<html\s+lang="en"/)
  })
})

describe('the page endpoints', () => {
  it('verifies the code, then seals one result per credential that only the host can open', async () => {
    const { link, sessionId, id } = await createRequest({
      credentials: [
        { type: 'CONSENT', name: 'Marketing' },
        { type: 'POLICY', name: 'Privacy policy' },
      ],
    })
    const { boot } = await open(link)
    const early = await page(sessionId, '/decision', { frame: boot.frame, action: 'accept' })
    expect(early.status).toBe(403)
    expect(early.json.code).toBe('otp_required')

    const code = await codeFor(sessionId)
    const wrong = await page(sessionId, '/otp/verify', {
      frame: boot.frame,
      code: code === '123456' ? '654321' : '123456',
    })
    expect(wrong).toMatchObject({
      status: 400,
      json: { code: 'otp_invalid', message: expect.stringContaining('2') },
    })
    expect((await page(sessionId, '/otp/verify', { frame: boot.frame, code })).status).toBe(200)
    // A code is single-use.
    expect((await page(sessionId, '/otp/verify', { frame: boot.frame, code })).json.code).toBe(
      'otp_expired',
    )

    const decided = await page(sessionId, '/decision', { frame: boot.frame, action: 'accept' })
    expect(decided.status).toBe(200)
    const messages = decided.json.messages as Array<Record<string, unknown>>
    expect(messages).toHaveLength(2)
    const jwks = createRemoteJWKSet(new URL(`${t.url}/.well-known/jwks.json`))
    const payloads = []
    for (const message of messages) {
      expect(message).toMatchObject({ ns: 'humanos-link', v: 1, type: 'result', sessionId })
      const payload = (await openResult(message.enc, {
        sessionId,
        origin: HOST,
        id: message.id as string,
        ts: message.ts as number,
        privateKey: keys.privateKey,
      })) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- checked below
      payloads.push(payload)
      expect(payload).toMatchObject({
        eventType: 'credential',
        requestId: id,
        decision: { action: 'accept' },
        credential: { status: 'ACTIVE' },
      })
      const { payload: claims, protectedHeader } = await jwtVerify(payload.attestation, jwks, {
        issuer: t.url,
        audience: HOST,
      })
      expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: expect.any(String) })
      expect(claims).toMatchObject({
        sub: payload.user.id,
        requestId: id,
        sessionId,
        eventType: 'credential',
        decision: payload.decision,
        credentialId: payload.credential.id,
        credentialStatus: 'ACTIVE',
        jti: expect.any(String),
      })
      expect(claims.exp! - claims.iat!).toBe(300)
    }
    expect(payloads.map((p) => p.credential.name)).toEqual(['Marketing', 'Privacy policy'])
    // A fresh ephemeral key for every result.
    expect(new Set(messages.map((m) => (m.enc as { epk: string }).epk)).size).toBe(2)
    const other = await generateHostKeyPair()
    await expect(
      openResult(messages[0]!.enc, {
        sessionId,
        origin: HOST,
        id: messages[0]!.id as string,
        ts: messages[0]!.ts as number,
        privateKey: other.privateKey,
      }),
    ).rejects.toMatchObject({ code: 'decryption_failed' })
    const again = await page(sessionId, '/decision', { frame: boot.frame, action: 'reject' })
    expect(again.status).toBe(409)
  })

  it('locks the session after three wrong codes', async () => {
    const { link, sessionId } = await createRequest()
    const { boot } = await open(link)
    const code = await codeFor(sessionId)
    const wrong = code === '000000' ? '999999' : '000000'
    const answers = []
    for (let i = 0; i < 4; i++)
      answers.push(
        await page(sessionId, '/otp/verify', { frame: boot.frame, code: i === 3 ? code : wrong }),
      )
    expect(answers.map((a) => a.status)).toEqual([400, 400, 423, 423])
    expect(answers.map((a) => a.json.code)).toEqual([
      'otp_invalid',
      'otp_invalid',
      'otp_locked',
      'otp_locked',
    ])
  })

  it('refuses a resend during the cool-down, with Retry-After', async () => {
    const { link, sessionId } = await createRequest()
    const { boot } = await open(link)
    const res = await fetch(`${t.url}/link/${sessionId}/otp/resend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ frame: boot.frame }),
    })
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(50)
  })

  it('resends a new code after the cool-down: the old one stops working', async () => {
    const quick = await startTestSandbox({ otpResendCooldownMs: 0 })
    try {
      const created = await quick.api('POST', '/request', { body: requestBody() })
      const sessionId = created.json.subjects[0].link.split('/').pop()
      const url = `${created.json.subjects[0].link}?pubKey=${encodeURIComponent(keys.publicKey)}&postMessageOrigin=${encodeURIComponent(HOST)}`
      const html = await fetch(url).then((r) => r.text())
      const frame = JSON.parse(/id="link-boot">(.*?)<\/script>/s.exec(html)![1]!).frame
      const outbox = () => fetch(`${quick.url}/_sandbox/outbox`).then((r) => r.json())
      const oldCode = (await outbox()).data[0].code
      const resent = await quick.post(`/link/${sessionId}/otp/resend`, { frame })
      expect(resent).toMatchObject({ status: 200, json: { ok: true, delivered: true } })
      const { data } = await outbox()
      expect(data.map((m: { reason: string }) => m.reason)).toEqual(['resend', 'created'])
      expect(resent.json.code).toBe(data[0].code)
      if (oldCode !== data[0].code) {
        const stale = await quick.post(`/link/${sessionId}/otp/verify`, { frame, code: oldCode })
        expect(stale.json.code).toBe('otp_invalid')
      }
      const fresh = await quick.post(`/link/${sessionId}/otp/verify`, { frame, code: data[0].code })
      expect(fresh.status).toBe(200)
    } finally {
      await quick.close()
    }
  })

  it('refuses a frame token from another session and non-JSON posts', async () => {
    const a = await createRequest()
    const b = await createRequest()
    const { boot } = await open(a.link)
    const res = await page(b.sessionId, '/otp/verify', { frame: boot.frame, code: '123456' })
    expect(res).toMatchObject({ status: 403, json: { code: 'invalid_frame' } })
    const form = await fetch(`${t.url}/link/${a.sessionId}/otp/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `frame=${boot.frame}&code=123456`,
    })
    expect(form.status).toBe(415)
  })

  it('runs standalone without parameters: decisions are recorded but nothing is sealed', async () => {
    const { link, sessionId, id } = await createRequest()
    const { boot, res } = await open(link, {})
    expect(res.status).toBe(200)
    expect(boot).toMatchObject({ mode: 'flow', origin: null })
    await page(sessionId, '/otp/verify', { frame: boot.frame, code: await codeFor(sessionId) })
    const decided = await page(sessionId, '/decision', { frame: boot.frame, action: 'reject' })
    expect(decided.json.messages).toEqual([])
    expect((await t.api('GET', `/request/${id}`)).json.credentials[0].status).toBe('REJECTED')
  })
})

describe('the identity step (KYC)', () => {
  const jpeg = `data:image/jpeg;base64,${Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]).toString('base64')}`

  async function verified(body: Record<string, unknown>) {
    const created = await createRequest(body)
    const { boot } = await open(created.link)
    expect(boot.identityStep).toBe(true)
    await page(created.sessionId, '/otp/verify', {
      frame: boot.frame,
      code: await codeFor(created.sessionId),
    })
    return { ...created, frame: boot.frame! }
  }

  it('requires the identity check before accepting, then seals the identity decision first', async () => {
    const { sessionId, frame, id } = await verified({ securityLevel: 'HUMANOS_KYC' })
    const early = await page(sessionId, '/decision', { frame, action: 'accept' })
    expect(early).toMatchObject({ status: 409, json: { code: 'identity_required' } })
    const notImage = await page(sessionId, '/identity', {
      frame,
      image: 'data:image/jpeg;base64,AAAA',
    })
    expect(notImage.status).toBe(400)
    const checked = await page(sessionId, '/identity', { frame, image: jpeg })
    expect(checked.json).toMatchObject({ ok: true, success: true, finished: false })
    const [message] = checked.json.messages
    const payload = (await openResult(message.enc, {
      sessionId,
      origin: HOST,
      id: message.id,
      ts: message.ts,
      privateKey: keys.privateKey,
    })) as Record<string, unknown>
    expect(payload).toMatchObject({
      eventType: 'identity',
      requestId: id,
      decision: {
        success: true,
        isFraud: false,
        outcome: 'APPROVED',
        riskScore: expect.any(Number),
        date: expect.any(String),
        message: expect.any(String),
      },
    })
    expect(decodeProtectedHeader(String(payload.attestation)).alg).toBe('ES256')
    expect((await page(sessionId, '/identity', { frame, image: jpeg })).json.code).toBe(
      'identity_done',
    )
    expect((await page(sessionId, '/decision', { frame, action: 'accept' })).status).toBe(200)
  })

  it('fails the check for a +kyc-fail contact and ends the session', async () => {
    const { sessionId, frame } = await verified({
      securityLevel: 'ORGANIZATION_KYC',
      contacts: ['ana+kyc-fail@example.com'],
    })
    const checked = await page(sessionId, '/identity', { frame, image: jpeg })
    expect(checked.json).toMatchObject({ success: false, finished: true })
    expect((await page(sessionId, '/decision', { frame, action: 'accept' })).json.code).toBe(
      'session_finished',
    )
  })
})
