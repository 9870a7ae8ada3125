// The demo BFF's webhook receiver answers 200 only once the event is stored, and drops repeats
// by event id. Its database is locked from outside (another connection holds the write lock)
// while deliveries arrive: a delivery it cannot store is not acknowledged, so the sender tries
// again; a store that is merely slow makes the sandbox retry, and the BFF still keeps one event
// and one decision. The BFF and the sandbox run as real processes.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { credentialDecision, webhookEventOf } from '@humanos-link/test-kit'
import { openDatabase } from '../apps/demo/src/bff/db/database.js'
import { bffSession } from '../apps/demo/src/bff/testing/sessionClient.js'
import type { BffSession } from '../apps/demo/src/bff/testing/sessionClient.js'
import { sealWebhook } from '../apps/demo/src/bff/testing/webhookSeal.js'
import { startBffProcess, startSandboxProcess } from './support/processes.js'
import type { ServerProcess } from './support/processes.js'
import { SANDBOX_WEBHOOK_SECRETS } from './support/webhookSink.js'

let dir: string
let dataFile: string
let sandbox: ServerProcess
let bff: ServerProcess
let browser: BffSession

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'humanos-bff-webhooks-'))
  dataFile = path.join(dir, 'demo.sqlite')
  sandbox = await startSandboxProcess({
    SANDBOX_DATA: ':memory:',
    SANDBOX_WEBHOOK_BACKOFF_MS: '100',
    SANDBOX_WEBHOOK_TIMEOUT_MS: '1000',
    SANDBOX_WEBHOOK_MAX_ATTEMPTS: '40',
  })
  bff = await startBffProcess({ HUMANOS_BASE_URL: sandbox.url, DEMO_DATA: dataFile })
  browser = bffSession(() => bff.url, 'http://localhost:5173')
  const settings = await fetch(`${sandbox.url}/_sandbox/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ webhookUrl: `${bff.url}/webhooks/humanos` }),
  })
  expect(settings.status).toBe(200)
})

afterAll(async () => {
  await bff?.kill()
  await sandbox?.kill()
  rmSync(dir, { recursive: true, force: true })
})

/** The sandbox's delivery log entry of `requestId`'s webhook, once there is one. */
async function deliveryOf(requestId: string) {
  const { data } = (await fetch(`${sandbox.url}/_sandbox/webhooks`).then((r) => r.json())) as {
    data: Array<{ id: string; status: string; attempts: number; event: { requestId: string } }>
  }
  return data.find((d) => d.event.requestId === requestId)
}

/** Takes the BFF database's write lock from another connection; returns the release. */
function lockDatabase(): () => void {
  const db = openDatabase(dataFile)
  db.exec('BEGIN IMMEDIATE')
  return () => {
    db.exec('ROLLBACK')
    db.close()
  }
}

interface WebhookRow {
  webhookId: string | null
  requestId: string | null
  deliveries: number
}

async function storedEvents(): Promise<WebhookRow[]> {
  const res = await browser.call('GET', '/api/webhooks')
  return (res.json as { data: WebhookRow[] }).data
}

/** What the BFF stored for webhook `id`, read from its database (the event's request is not
 * one any browser session created, so no session's `GET /api/webhooks` lists it). */
function storedInDb(id: string): Array<{ requestId: string | null; deliveries: number }> {
  const db = openDatabase(dataFile)
  try {
    return db
      .prepare<[string], { requestId: string | null; deliveries: number }>(
        'SELECT request_id AS requestId, deliveries FROM webhook_events WHERE webhook_id = ?',
      )
      .all(id)
  } finally {
    db.close()
  }
}

function deliver(sealed: { body: string; headers: Record<string, string> }) {
  return fetch(`${bff.url}/webhooks/humanos`, {
    method: 'POST',
    headers: sealed.headers,
    body: sealed.body,
  }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }))
}

describe('the demo BFF as a webhook receiver', () => {
  it('does not acknowledge what it could not store; stores the retry once and drops repeats', async () => {
    const id = randomUUID()
    const requestId = `req-${id}`
    const sealed = sealWebhook(
      webhookEventOf(
        credentialDecision({
          requestId,
          credentialId: `urn:via:credential:${id}`,
          name: 'Locked out',
          date: new Date().toISOString(),
        }),
      ),
      SANDBOX_WEBHOOK_SECRETS,
      { id },
    )
    const release = lockDatabase()
    let refused
    try {
      refused = await deliver(sealed)
    } finally {
      release()
    }
    expect(refused.status).toBe(500)
    expect(refused.json).toEqual({
      error: 'internal',
      message: 'Something went wrong in the demo BFF',
    })
    expect(storedInDb(id)).toEqual([])

    expect(await deliver(sealed)).toEqual({
      status: 200,
      json: { received: true, duplicate: false },
    })
    expect(await deliver(sealed)).toEqual({
      status: 200,
      json: { received: true, duplicate: true },
    })
    expect(storedInDb(id)).toEqual([{ requestId, deliveries: 2 }])
  })

  it('a slow store makes the sandbox retry: one event, one decision', async () => {
    const created = (
      await browser.call('POST', '/api/requests', {
        contacts: ['slow@example.com'],
        credentialName: 'Slow store',
      })
    ).json as { requestId: string; link: string }
    const sessionId = created.link.split('/').pop()
    // Locked until the sandbox has given up on the first delivery (its 1 s answer timeout),
    // while the BFF still waits for the lock (5 s): that delivery is stored late.
    const release = lockDatabase()
    try {
      const decided = await fetch(`${sandbox.url}/_sandbox/sessions/${sessionId}/decide`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'accept' }),
      })
      expect(decided.status).toBe(200)
      await expect
        .poll(async () => (await deliveryOf(created.requestId))?.attempts ?? 0, { timeout: 10_000 })
        .toBeGreaterThanOrEqual(1)
    } finally {
      release()
    }

    await expect
      .poll(async () => (await deliveryOf(created.requestId))?.status, { timeout: 20_000 })
      .toBe('delivered')
    const delivery = await deliveryOf(created.requestId)
    expect(delivery?.attempts).toBeGreaterThanOrEqual(2)
    const events = (await storedEvents()).filter((e) => e.requestId === created.requestId)
    expect(events).toHaveLength(1)
    expect(events[0]?.webhookId).toBe(delivery?.id)
    expect(events[0]?.deliveries).toBeGreaterThanOrEqual(2)
    const { data } = (await browser.call('GET', '/api/requests')).json as {
      data: Array<{ requestId: string; decisions: Array<{ firstChannel: string }> }>
    }
    const item = data.find((r) => r.requestId === created.requestId)
    expect(item?.decisions).toMatchObject([{ firstChannel: 'webhook' }])
  })
})
