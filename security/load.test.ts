// A bounded load run on loopback: while the sandbox's API takes 200 signed requests a second for
// 30 s, 50 approval flows run concurrently (created with the server package's client, decided
// through the sandbox). Nothing may fail and nothing may be lost: every load request answered
// 200, every decision recorded on its credential, every decision's webhook delivered and stored
// once by the receiver, which counts them.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createHumanosClient } from '@humanos-link/server'
import type { HumanosClient } from '@humanos-link/server'
import { signedClient } from '@humanos-link/test-kit/node'
import { startSandboxProcess } from './support/processes.js'
import type { ServerProcess } from './support/processes.js'
import { startWebhookSink } from './support/webhookSink.js'
import type { WebhookSink } from './support/webhookSink.js'

const RATE = 200
const SECONDS = 30
const FLOWS = 50

let dir: string
let sandbox: ServerProcess
let sink: WebhookSink
let client: HumanosClient

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'humanos-load-'))
  sink = await startWebhookSink()
  sandbox = await startSandboxProcess({
    SANDBOX_DATA: path.join(dir, 'sandbox.sqlite'),
    SANDBOX_WEBHOOK_URL: sink.url,
  })
  client = createHumanosClient({
    apiKey: 'sandbox-api-key',
    signatureSecret: 'sandbox-signature-secret',
    baseUrl: sandbox.url,
  })
})

afterAll(async () => {
  await sandbox?.kill()
  await sink?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** One approval: created through the API, decided, then read back. */
async function flow(index: number) {
  const action = index % 3 === 0 ? 'reject' : 'accept'
  const created = await client.createRequest(
    {
      name: `Load flow ${index}`,
      contacts: [`load-${index}@example.com`],
      credentials: [{ type: 'CONSENT', name: `Load consent ${index}` }],
    },
    { idempotencyKey: randomUUID() },
  )
  const sessionId = created.subjects[0]?.link.split('/').pop()
  const decided = await fetch(`${sandbox.url}/_sandbox/sessions/${sessionId}/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action }),
  })
  expect(decided.status).toBe(200)
  const credential = await client.getCredential(created.credentials[0]?.id ?? '')
  return { requestId: created.id, credentialId: credential.id, action, status: credential.status }
}

describe('load', () => {
  it(`${FLOWS} concurrent flows while the API takes ${RATE} requests/s for ${SECONDS} s`, async () => {
    const api = signedClient(sandbox.url, {
      apiKey: 'sandbox-api-key',
      secret: 'sandbox-signature-secret',
    })
    const seed = await flow(-1)
    // What the background load reads: lists, a request, a credential, the keys.
    const reads = [
      () => api('GET', '/request?pageSize=20'),
      () => api('GET', `/request/${seed.requestId}`),
      () => api('GET', `/credential/${seed.credentialId}`),
      () => api('GET', '/request?search=load'),
      () => fetch(`${sandbox.url}/.well-known/jwks.json`).then((r) => ({ status: r.status })),
    ]
    const failures: string[] = []
    const pending: Promise<void>[] = []
    let sent = 0
    const started = Date.now()
    const load = new Promise<void>((resolve) => {
      // Open loop: 10 requests every 50 ms, whatever the answers are doing.
      const timer = setInterval(() => {
        if (sent >= RATE * SECONDS) {
          clearInterval(timer)
          resolve()
          return
        }
        for (let i = 0; i < RATE / 20; i++) {
          const read = reads[sent++ % reads.length]!
          pending.push(
            read().then(
              (answer) => {
                if (answer.status !== 200) failures.push(`HTTP ${answer.status}`)
              },
              (error: unknown) => void failures.push(String(error)),
            ),
          )
        }
      }, 50)
    })
    // The flows start together, once two seconds' worth of load has been sent.
    await vi.waitFor(() => expect(sent).toBeGreaterThanOrEqual(RATE * 2), { timeout: 10_000 })
    const flows = await Promise.all(Array.from({ length: FLOWS }, (_, i) => flow(i)))
    await load
    await Promise.all(pending)
    const elapsed = (Date.now() - started) / 1000

    expect(failures).toEqual([])
    expect(sent).toBe(RATE * SECONDS)
    // Bounded: the run ends, and the sandbox kept roughly up (no growing backlog of answers).
    expect(elapsed).toBeLessThan(SECONDS * 2)
    // No lost decision: each credential carries the decision its flow made.
    expect(flows.map((f) => f.status)).toEqual(
      flows.map((f) => (f.action === 'accept' ? 'ACTIVE' : 'REJECTED')),
    )
    // Every webhook delivered and stored once: one credential event per flow (and the seed's).
    await sink.until(() => sink.stored.size === FLOWS + 1, 30_000)
    const byRequest = new Map(
      [...sink.stored.values()].map((event) => [event.requestId, event] as const),
    )
    for (const f of [seed, ...flows]) {
      const event = byRequest.get(f.requestId)
      expect(event?.eventType).toBe('credential')
      if (event?.eventType === 'credential') expect(event.decision.action).toBe(f.action)
    }
    expect(sink.rejected).toBe(0)
  })
})
