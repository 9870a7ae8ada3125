// Webhooks survive the sandbox being killed: deliveries are stored before they are sent, so a
// SIGKILL while retries are pending (and while one delivery is already stored by the receiver
// but not yet acknowledged) loses nothing. After a restart on the same database every event
// reaches the receiver, which stores each event id exactly once.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { signedClient } from '@humanos-link/test-kit/node'
import { startSandboxProcess } from './support/processes.js'
import type { ServerProcess } from './support/processes.js'
import { startWebhookSink } from './support/webhookSink.js'
import type { WebhookSink } from './support/webhookSink.js'

const REQUESTS = 4
const cleanups: Array<() => Promise<void> | void> = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function createAndDecide(sandbox: ServerProcess, index: number): Promise<number> {
  const api = signedClient(sandbox.url, {
    apiKey: 'sandbox-api-key',
    secret: 'sandbox-signature-secret',
  })
  const created = await api('POST', '/request', {
    body: {
      contacts: [`crash-${index}@example.com`],
      credentials: [
        { type: 'CONSENT', name: `Consent ${index}` },
        { type: 'JSON', name: `Data ${index}` },
      ],
    },
  })
  expect(created.status, created.text).toBe(200)
  const sessionId = String(created.json.subjects[0].link).split('/').pop()
  const decided = await fetch(`${sandbox.url}/_sandbox/sessions/${sessionId}/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: index % 2 === 0 ? 'accept' : 'reject' }),
  })
  expect(decided.status).toBe(200)
  const { events } = (await decided.json()) as { events: unknown[] }
  return events.length
}

async function deliveryStatuses(sandbox: ServerProcess) {
  const res = await fetch(`${sandbox.url}/_sandbox/webhooks`)
  const { data } = (await res.json()) as { data: Array<{ id: string; status: string }> }
  return data
}

describe('webhook delivery across a SIGKILL of the sandbox', () => {
  it('delivers every event, exactly once per event id at the receiver', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'humanos-webhook-crash-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const sink: WebhookSink = await startWebhookSink()
    cleanups.push(() => sink.close())
    const env = {
      SANDBOX_DATA: path.join(dir, 'sandbox.sqlite'),
      SANDBOX_WEBHOOK_URL: sink.url,
      SANDBOX_WEBHOOK_BACKOFF_MS: '100',
      SANDBOX_WEBHOOK_MAX_ATTEMPTS: '40',
      SANDBOX_WEBHOOK_TIMEOUT_MS: '3000',
    }
    let sandbox = await startSandboxProcess(env)
    cleanups.push(() => sandbox.kill())

    // The receiver is down (500): every event is tried, refused, and waits for a retry.
    sink.mode = 'fail'
    let expected = 0
    for (let i = 0; i < REQUESTS; i++) expected += await createAndDecide(sandbox, i)
    expect(expected).toBe(REQUESTS * 2)
    await sink.until(() => sink.attempts.size === expected)
    expect(sink.stored.size).toBe(0)

    // The receiver recovers; the sandbox dies after the receiver stored the first delivery and
    // before it could hear the 200, so that delivery is still pending in its database.
    let killedId = ''
    sink.beforeAnswer = async (id) => {
      killedId = id
      await sandbox.kill()
    }
    sink.mode = 'accept'
    await sink.until(() => killedId !== '' && sandbox.child.signalCode === 'SIGKILL')

    sandbox = await startSandboxProcess(env)
    await sink.until(() => sink.stored.size === expected, 40_000)
    // Every delivery is recorded as delivered, so nothing more will come.
    await expect
      .poll(async () => (await deliveryStatuses(sandbox)).map((d) => d.status), {
        timeout: 20_000,
      })
      .toEqual(Array(expected).fill('delivered'))
    const statuses = await deliveryStatuses(sandbox)
    expect([...sink.stored.keys()].sort()).toEqual(statuses.map((d) => d.id).sort())
    // The interrupted delivery came again after the restart and was dropped as a duplicate.
    expect(sink.attempts.get(killedId)).toBeGreaterThanOrEqual(3)
    expect(sink.duplicates).toBeGreaterThanOrEqual(1)
    expect(sink.rejected).toBe(0)
    const names = [...sink.stored.values()].map((event) =>
      event.eventType === 'credential' ? event.credential.name : event.eventType,
    )
    expect(names.sort()).toEqual(
      Array.from({ length: REQUESTS }, (_, i) => [`Consent ${i}`, `Data ${i}`])
        .flat()
        .sort(),
    )
  })
})
