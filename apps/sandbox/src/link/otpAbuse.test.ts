// Issue 15 item 8: whoever holds a Link URL can open the page. Their wrong codes and resends
// must not lock the person out or take away the code the person was sent.
import { generateHostKeyPair } from '@humanos-link/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { linkPageClient } from '../testing/linkPageClient.js'
import { startTestSandbox } from '../testing/testSandbox.js'
import type { SandboxConfig } from '../config.js'

const keys = await generateHostKeyPair()
const started: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  vi.useRealTimers()
  await Promise.all(started.splice(0).map((t) => t.close()))
})

async function sandbox(options: Partial<SandboxConfig> = {}) {
  const t = await startTestSandbox(options)
  started.push(t)
  const client = linkPageClient(t, keys)
  const outbox = async (sessionId: string): Promise<Array<{ code: string; reason: string }>> =>
    (await fetch(`${t.url}/_sandbox/outbox`).then((r) => r.json())).data.filter(
      (m: { sessionId: string }) => m.sessionId === sessionId,
    )
  return { t, ...client, outbox }
}

const otherThan = (code: string) => (code === '000000' ? '111111' : '000000')

describe('wrong codes from a link holder', () => {
  it('lock the holder’s own frame, and the person still verifies in theirs', async () => {
    const { createRequest, open, codeFor, page } = await sandbox()
    const { link, sessionId } = await createRequest()
    const person = (await open(link)).boot.frame
    const attacker = (await open(link)).boot.frame
    const code = await codeFor(sessionId)
    const answers = []
    for (let i = 0; i < 4; i++) {
      answers.push(await page(sessionId, '/otp/verify', { frame: attacker, code: otherThan(code) }))
    }
    expect(answers.map((a) => a.json.code)).toEqual([
      'otp_invalid',
      'otp_invalid',
      'otp_locked',
      'otp_locked',
    ])
    // The locked frame stays locked, even with the right code.
    expect((await page(sessionId, '/otp/verify', { frame: attacker, code })).status).toBe(423)
    expect((await page(sessionId, '/otp/verify', { frame: person, code })).status).toBe(200)
  })

  it('from many frames lock the session for a cool-down only, which the integrator can lift', async () => {
    const { t, createRequest, open, codeFor, page } = await sandbox({
      otpSessionMaxFailures: 4,
      otpLockMs: 60_000,
      otpResendCooldownMs: 0,
    })
    const { id, link, sessionId, json } = await createRequest()
    const wrong = otherThan(await codeFor(sessionId))
    for (let i = 0; i < 4; i++) {
      const frame = (await open(link)).boot.frame
      const answer = await page(sessionId, '/otp/verify', { frame, code: wrong })
      expect(answer.json.code).toBe(i < 3 ? 'otp_invalid' : 'otp_locked')
    }
    const locked = await open(link)
    expect(locked.res.status).toBe(423)
    expect(locked.boot.code).toBe('otp_locked')
    expect((await t.api('GET', `/request/${id}`)).json.subjects[0].status).toBe('LOCKED')

    // The cool-down ends by itself (only the clock is faked: the sockets are real).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_001 })
    expect((await open(link)).boot.mode).toBe('flow')
    vi.useRealTimers()

    // Locked again, the integrator's resend lifts the lock at once with a new code.
    for (let i = 0; i < 4; i++) {
      const frame = (await open(link)).boot.frame
      await page(sessionId, '/otp/verify', { frame, code: wrong })
    }
    expect((await open(link)).res.status).toBe(423)
    const contact = encodeURIComponent(json.subjects[0].contact)
    expect((await t.api('PATCH', `/request/resend/${id}?contact=${contact}`)).status).toBe(200)
    const reopened = await open(link)
    expect(reopened.boot.mode).toBe('flow')
    const fresh = await codeFor(sessionId)
    const verified = await page(sessionId, '/otp/verify', {
      frame: reopened.boot.frame,
      code: fresh,
    })
    expect(verified.status).toBe(200)
  })
})

describe('resends asked for by a frame', () => {
  it('send the person’s code again, so it keeps working', async () => {
    const { createRequest, open, page, outbox } = await sandbox({ otpResendCooldownMs: 0 })
    const { link, sessionId } = await createRequest()
    const person = (await open(link)).boot.frame
    const attacker = (await open(link)).boot.frame
    const [first] = await outbox(sessionId)
    const resent = await page(sessionId, '/otp/resend', { frame: attacker })
    expect(resent).toMatchObject({ status: 200, json: { ok: true, delivered: true } })
    const messages = await outbox(sessionId)
    expect(messages.map((m) => m.reason)).toEqual(['resend', 'created'])
    expect(messages[0]!.code).toBe(first!.code)
    expect(JSON.stringify(resent.json)).not.toContain(first!.code)
    const verified = await page(sessionId, '/otp/verify', { frame: person, code: first!.code })
    expect(verified.status).toBe(200)
  })

  it('issue a new code only when none is valid any more', async () => {
    const { createRequest, open, page, outbox } = await sandbox({ otpResendCooldownMs: 0 })
    const { link, sessionId } = await createRequest()
    const frame = (await open(link)).boot.frame
    const [first] = await outbox(sessionId)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10 * 60_000 + 1 })
    expect((await page(sessionId, '/otp/resend', { frame })).status).toBe(200)
    const [latest] = await outbox(sessionId)
    // A new code was issued (not the old one sent again): `first` expired with its session's
    // ten minutes, the new one verifies.
    expect(await outbox(sessionId)).toHaveLength(2)
    const stale = await page(sessionId, '/otp/verify', { frame, code: first!.code })
    if (first!.code !== latest!.code) expect(stale.json.code).toBe('otp_invalid')
    const verified = await page(sessionId, '/otp/verify', { frame, code: latest!.code })
    expect(verified.status).toBe(200)
  })

  it('are limited per frame and per session, apart from the integrator’s resends', async () => {
    const { t, createRequest, open, page } = await sandbox({
      otpResendCooldownMs: 0,
      otpMaxResends: 5,
    })
    const { id, link, sessionId, json } = await createRequest()
    const one = (await open(link)).boot.frame
    const statuses = []
    for (let i = 0; i < 4; i++)
      statuses.push((await page(sessionId, '/otp/resend', { frame: one })).status)
    expect(statuses).toEqual([200, 200, 200, 409])
    const two = (await open(link)).boot.frame
    const more = []
    for (let i = 0; i < 3; i++) more.push(await page(sessionId, '/otp/resend', { frame: two }))
    expect(more.map((a) => a.status)).toEqual([200, 200, 409])
    expect(more[2]!.json).toMatchObject({ code: 'resend_limit' })
    expect(more[2]!.json.message).toMatch(/ask the organization/)
    // The frames' resends did not use up the integrator's.
    const contact = encodeURIComponent(json.subjects[0].contact)
    expect((await t.api('PATCH', `/request/resend/${id}?contact=${contact}`)).status).toBe(200)
  })

  it('wait out the cool-down since the last send, whoever asked', async () => {
    const { createRequest, open, page } = await sandbox({ otpResendCooldownMs: 30_000 })
    const { link, sessionId } = await createRequest()
    const frame = (await open(link)).boot.frame
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 30_001 })
    expect((await page(sessionId, '/otp/resend', { frame })).status).toBe(200)
    const other = (await open(link)).boot.frame
    const refused = await page(sessionId, '/otp/resend', { frame: other })
    expect(refused).toMatchObject({ status: 429, json: { code: 'otp_cooldown' } })
  })
})
