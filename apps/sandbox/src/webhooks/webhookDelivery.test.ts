import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../config.js'
import { startWebhookReceiver } from '../testing/webhookReceiver.js'
import type { WebhookReceiver } from '../testing/webhookReceiver.js'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

const secrets = {
  signatureSecret: DEFAULT_CONFIG.webhookSignatureSecret,
  encryptionSecret: DEFAULT_CONFIG.webhookEncryptionSecret,
  encryptionSalt: DEFAULT_CONFIG.webhookEncryptionSalt,
}
const fast = { webhookBackoffMs: 30, webhookTimeoutMs: 1000 }

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function receiver(answer?: (index: number) => number | null): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver(secrets, answer)
  cleanups.push(() => started.close())
  return started
}

async function sandbox(options: Parameters<typeof startTestSandbox>[0]): Promise<TestSandbox> {
  const started = await startTestSandbox({ ...fast, ...options })
  cleanups.push(() => started.close())
  return started
}

async function acceptOne(t: TestSandbox, body = requestBody()) {
  const created = await t.api('POST', '/request', { body })
  const sessionId = new URL(created.json.subjects[0].link).pathname.split('/').pop()
  const decided = await t.post(`/_sandbox/sessions/${sessionId}/decide`, { action: 'accept' })
  expect(decided.status).toBe(200)
  return created.json as { id: string; credentials: Array<{ id: string }> }
}

async function deliveryLog(t: TestSandbox) {
  const res = await fetch(`${t.url}/_sandbox/webhooks`)
  return (await res.json()).data as Array<Record<string, unknown>>
}

/** Waits until the sandbox has recorded the newest delivery as `expected` (it does so after answering). */
async function expectLogged(t: TestSandbox, expected: Record<string, unknown>) {
  await expect
    .poll(async () => (await deliveryLog(t))[0], { timeout: 5000 })
    .toMatchObject(expected)
}

describe('webhook delivery', () => {
  it('delivers a decision encrypted and signed as specified', async () => {
    const hooks = await receiver()
    const t = await sandbox({ webhookUrl: hooks.url })
    const created = await acceptOne(t)
    const [delivery] = await hooks.waitFor(1)
    expect(delivery!.signatureValid).toBe(true)
    expect(delivery!.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(Math.abs(Number(delivery!.timestamp) - Date.now())).toBeLessThan(10_000)
    expect(Object.keys(JSON.parse(delivery!.rawBody))).toEqual(['iv', 'data', 'tag'])
    expect(delivery!.event).toMatchObject({
      eventType: 'credential',
      api_version: '2026-05-17',
      requestId: created.id,
      user: { contact: 'ana@example.com' },
      credential: { id: created.credentials[0]!.id, status: 'ACTIVE', resourceType: 'CONSENT' },
      decision: { action: 'accept' },
    })
  })

  it('retries after two 500s with backoff, keeping the same event id', async () => {
    const hooks = await receiver((n) => (n < 2 ? 500 : 200))
    const t = await sandbox({ webhookUrl: hooks.url })
    await acceptOne(t)
    const deliveries = await hooks.waitFor(3)
    expect(deliveries.map((d) => d.answered)).toEqual([500, 500, 200])
    expect(new Set(deliveries.map((d) => d.id)).size).toBe(1)
    expect(deliveries.every((d) => d.signatureValid && d.event?.eventType === 'credential')).toBe(
      true,
    )
    // Each attempt is encrypted and signed afresh: a new IV and timestamp every time.
    expect(new Set(deliveries.map((d) => JSON.parse(d.rawBody).iv)).size).toBe(3)
    const gaps = [1, 2].map(
      (i) => Number(deliveries[i]!.timestamp) - Number(deliveries[i - 1]!.timestamp),
    )
    expect(gaps[0]).toBeGreaterThanOrEqual(30)
    expect(gaps[1]).toBeGreaterThanOrEqual(60)
    await expectLogged(t, { status: 'delivered', attempts: 3, lastStatus: 200 })
    expect(hooks.deliveries).toHaveLength(3)
  })

  it('gives up after the configured attempts and records why', async () => {
    const hooks = await receiver(() => 503)
    const t = await sandbox({ webhookUrl: hooks.url, webhookMaxAttempts: 3 })
    await acceptOne(t)
    await hooks.waitFor(3)
    // Once the log says `failed`, nothing is scheduled any more: no fourth attempt can follow.
    await expectLogged(t, { status: 'failed', attempts: 3, lastStatus: 503, lastError: 'HTTP 503' })
    expect(hooks.deliveries).toHaveLength(3)
  })

  it('counts a receiver that does not answer in time as a failure and retries', async () => {
    const hooks = await receiver((n) => (n === 0 ? null : 200))
    const t = await sandbox({ webhookUrl: hooks.url, webhookTimeoutMs: 150 })
    await acceptOne(t)
    const deliveries = await hooks.waitFor(2)
    expect(deliveries[0]!.id).toBe(deliveries[1]!.id)
    await expectLogged(t, { status: 'delivered', attempts: 2 })
  })

  it('sends otp.failed for an undeliverable contact, with the resend endpoint', async () => {
    const hooks = await receiver()
    const t = await sandbox({ webhookUrl: hooks.url })
    const created = await t.api('POST', '/request', {
      body: requestBody({ contacts: ['nobody@undeliverable.test'] }),
    })
    const [delivery] = await hooks.waitFor(1)
    expect(delivery!.event).toMatchObject({
      eventType: 'otp.failed',
      requestId: created.json.id,
      user: { contact: 'nobody@undeliverable.test' },
      otp: {
        resendEndpoint: `${t.url}/request/resend/${created.json.id}?contact=nobody%40undeliverable.test`,
        // Humanos spells these codes in upper case.
        error: { code: 'UNDELIVERABLE', message: expect.any(String) },
      },
    })
    const outbox = await fetch(`${t.url}/_sandbox/outbox?contact=nobody@undeliverable.test`).then(
      (r) => r.json(),
    )
    expect(outbox.data[0]).toMatchObject({ status: 'failed' })
  })

  it('uses the settings changed at run time, and sends test events', async () => {
    const t = await sandbox({})
    const other = {
      signatureSecret: 'rotated-secret',
      encryptionSecret: Buffer.alloc(32, 7).toString('base64'),
      encryptionSalt: 'rotated-salt',
    }
    const hooks = await startWebhookReceiver(other)
    cleanups.push(() => hooks.close())
    const put = await fetch(`${t.url}/_sandbox/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        webhookUrl: hooks.url,
        webhookSignatureSecret: other.signatureSecret,
        webhookEncryptionSecret: other.encryptionSecret,
        webhookEncryptionSalt: other.encryptionSalt,
      }),
    })
    expect(put.status).toBe(200)
    const sent = await t.post('/_sandbox/webhooks/test', { message: 'ping' })
    expect(sent.status).toBe(202)
    const [delivery] = await hooks.waitFor(1)
    expect(delivery!.signatureValid).toBe(true)
    expect(delivery!.id).toBe(sent.json.id)
    expect(delivery!.event).toMatchObject({
      eventType: 'test',
      message: 'ping',
      api_version: '2026-05-17',
    })
  })

  it('records events without delivering them when no URL is set', async () => {
    const t = await sandbox({})
    await acceptOne(t)
    const [logged] = await deliveryLog(t)
    expect(logged).toMatchObject({ status: 'skipped', attempts: 0, eventType: 'credential' })
  })
})

describe('webhook persistence', () => {
  it('resumes a pending retry after a restart, with the same event id', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-hooks-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const dataFile = path.join(dir, 'sandbox.sqlite')
    const failing = await startWebhookReceiver(secrets, () => 500)
    const first = await startTestSandbox({
      dataFile,
      webhookUrl: failing.url,
      webhookBackoffMs: 200,
    })
    await acceptOne(first)
    const [failed] = await failing.waitFor(1)
    // Close only once the sandbox has recorded the failed attempt and scheduled a retry.
    await expect
      .poll(async () => (await deliveryLog(first))[0], { timeout: 3000, interval: 20 })
      .toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500 })
    await first.close()
    await failing.close()

    const hooks = await receiver()
    const second = await sandbox({ dataFile, webhookUrl: hooks.url, webhookBackoffMs: 200 })
    const [resumed] = await hooks.waitFor(1)
    expect(resumed!.id).toBe(failed!.id)
    expect(resumed!.event).toEqual(failed!.event)
    await expectLogged(second, { status: 'delivered', attempts: 2 })
  })
})
