// A webhook receiver for the fault and load tests, written as an integrator should: it verifies
// each delivery (`verifyWebhook` from @humanos-link/server), stores the event, and only then
// answers 200; a delivery whose event id it already stored is acknowledged and dropped. It can
// be told to fail (answer 500), and to run a hook between storing and answering.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { vi } from 'vitest'
import { verifyWebhook } from '@humanos-link/server'
import type { WebhookEvent } from '@humanos-link/server'

export const SANDBOX_WEBHOOK_SECRETS = {
  signatureSecret: 'sandbox-webhook-signature-secret',
  encryptionSecret: 'c2FuZGJveC13ZWJob29rLWVuY3J5cHRpb24tc2VjcmV0',
  encryptionSalt: 'sandbox-webhook-salt',
}

export interface WebhookSink {
  url: string
  /** `fail`: answer 500 without storing; `accept`: store, then answer 200. */
  mode: 'fail' | 'accept'
  /** Runs after an event is stored and before the answer (once set, for the next delivery). */
  beforeAnswer: ((id: string) => Promise<void>) | null
  /** Deliveries seen per event id, failed ones included. */
  attempts: Map<string, number>
  /** Each event stored once, by id. */
  stored: Map<string, WebhookEvent>
  /** Deliveries of an event already stored (acknowledged, not stored again). */
  duplicates: number
  /** Deliveries that did not verify. */
  rejected: number
  /** Resolves once `check` holds, or rejects after `timeoutMs`. */
  until(check: () => boolean, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

export async function startWebhookSink(secrets = SANDBOX_WEBHOOK_SECRETS): Promise<WebhookSink> {
  const sink: Omit<WebhookSink, 'url' | 'until' | 'close'> = {
    mode: 'accept',
    beforeAnswer: null,
    attempts: new Map(),
    stored: new Map(),
    duplicates: 0,
    rejected: 0,
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks)
        const headers = new Headers()
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string') headers.set(name, value)
        }
        let verified
        try {
          verified = await verifyWebhook(new Uint8Array(raw), headers, secrets)
        } catch {
          sink.rejected++
          res.writeHead(400).end()
          return
        }
        const id = verified.id ?? verified.dedupeKey
        sink.attempts.set(id, (sink.attempts.get(id) ?? 0) + 1)
        if (sink.mode === 'fail') {
          res.writeHead(500).end()
          return
        }
        if (sink.stored.has(id)) sink.duplicates++
        else sink.stored.set(id, verified.event)
        const hook = sink.beforeAnswer
        sink.beforeAnswer = null
        if (hook) await hook(id)
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      })()
    })
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(sink, {
    url: `http://127.0.0.1:${port}/hooks`,
    /** Resolves once `check()` holds; fails after `timeoutMs` saying what the sink has. */
    async until(check: () => boolean, timeoutMs = 20_000) {
      await vi.waitFor(
        () => {
          if (check()) return
          throw new Error(
            `Webhook sink still waiting after ${timeoutMs} ms: ${sink.stored.size} stored, ` +
              `${[...sink.attempts.values()].reduce((a, b) => a + b, 0)} deliveries`,
          )
        },
        { timeout: timeoutMs, interval: 25 },
      )
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}
