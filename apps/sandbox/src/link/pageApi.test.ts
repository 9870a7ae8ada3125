import { generateHostKeyPair } from '@humanos-link/core'
import { openResult } from '@humanos-link/core/protocol'
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { TEST_HOST as HOST, useLinkPageSandbox } from '../testing/linkPageClient.js'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'

const { ctx, createRequest, open, codeFor, page } = useLinkPageSandbox()

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
    const jwks = createRemoteJWKSet(new URL(`${ctx.t.url}/.well-known/jwks.json`))
    const payloads = []
    for (const message of messages) {
      expect(message).toMatchObject({ ns: 'humanos-link', v: 1, type: 'result', sessionId })
      const payload = (await openResult(message.enc, {
        sessionId,
        origin: HOST,
        id: message.id as string,
        ts: message.ts as number,
        privateKey: ctx.keys.privateKey,
      })) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- checked below
      payloads.push(payload)
      expect(payload).toMatchObject({
        eventType: 'credential',
        requestId: id,
        decision: { action: 'accept' },
        credential: { status: 'ACTIVE' },
      })
      const { payload: claims, protectedHeader } = await jwtVerify(payload.attestation, jwks, {
        issuer: ctx.t.url,
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
    const res = await fetch(`${ctx.t.url}/link/${sessionId}/otp/resend`, {
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
      const url = `${created.json.subjects[0].link}?pubKey=${encodeURIComponent(ctx.keys.publicKey)}&postMessageOrigin=${encodeURIComponent(HOST)}`
      const html = await fetch(url).then((r) => r.text())
      const frame = JSON.parse(/id="link-boot">(.*?)<\/script>/s.exec(html)![1]!).frame
      const outbox = () => fetch(`${quick.url}/_sandbox/outbox`).then((r) => r.json())
      const oldCode = (await outbox()).data[0].code
      const resent = await quick.post(`/link/${sessionId}/otp/resend`, { frame })
      expect(resent).toMatchObject({ status: 200, json: { ok: true, delivered: true } })
      const { data } = await outbox()
      expect(data.map((m: { reason: string }) => m.reason)).toEqual(['resend', 'created'])
      // The page that can decide never gets the code: it is in the inbox only.
      expect(resent.json).not.toHaveProperty('code')
      expect(JSON.stringify(resent.json)).not.toContain(data[0].code)
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
    const form = await fetch(`${ctx.t.url}/link/${a.sessionId}/otp/verify`, {
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
    expect((await ctx.t.api('GET', `/request/${id}`)).json.credentials[0].status).toBe('REJECTED')
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
      privateKey: ctx.keys.privateKey,
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
