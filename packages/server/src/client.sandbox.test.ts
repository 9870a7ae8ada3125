// The client and the webhook verifier against the real sandbox (apps/sandbox), which implements
// humanos-api.md independently: signing, idempotency, error bodies, rate limits and webhook
// encryption are checked across two implementations.
import { startSandbox } from '@humanos-link/sandbox'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startServer } from '../test/httpServer.js'
import type { RecordedRequest, TestServer } from '../test/httpServer.js'
import { createHumanosClient } from './createHumanosClient.js'
import type { HumanosClient } from './createHumanosClient.js'
import { HumanosApiError, WebhookVerificationError } from './errors.js'
import type { CreateRequestInput } from './types.js'
import { verifyWebhook } from './verifyWebhook.js'

type Sandbox = Awaited<ReturnType<typeof startSandbox>>

let sandbox: Sandbox
let client: HumanosClient
let receiver: TestServer
let proxy: TestServer | undefined

const fast = { initialDelayMs: 5, maxDelayMs: 20 }

beforeAll(async () => {
  receiver = await startServer((_req, res) => {
    res.writeHead(200)
    res.end()
  })
  sandbox = await startSandbox({
    port: 0,
    dataFile: ':memory:',
    webhookUrl: `${receiver.url}/hooks`,
    logRequests: false,
    // Resends right after creating: the API's cool-down has its own tests in the sandbox.
    otpResendCooldownMs: 0,
  })
  client = createHumanosClient({
    apiKey: sandbox.config.apiKey,
    signatureSecret: sandbox.config.signatureSecret,
    baseUrl: sandbox.url,
    backoff: fast,
  })
})

afterAll(async () => {
  await sandbox?.close()
  await receiver?.close()
  await proxy?.close()
})

function consent(internalId: string, contact = 'ana@example.com'): CreateRequestInput {
  return {
    contacts: [contact],
    name: 'Marketing consent',
    internalId,
    credentials: [{ type: 'CONSENT', name: 'Marketing e-mails' }],
  }
}

const sessionOf = (link: string) => new URL(link).pathname.split('/').pop()!

async function outboxCount(contact: string): Promise<number> {
  const res = await fetch(`${sandbox.url}/_sandbox/outbox?contact=${encodeURIComponent(contact)}`)
  const body = (await res.json()) as { data: unknown[] }
  return body.data.length
}

const webhookSecrets = () => ({
  signatureSecret: sandbox.config.webhookSignatureSecret,
  encryptionSecret: sandbox.config.webhookEncryptionSecret,
  encryptionSalt: sandbox.config.webhookEncryptionSalt,
})

/** Waits for the delivery of `requestId`'s credential event among those the receiver got. */
function credentialDelivery(requestId: string) {
  return vi.waitFor(
    async () => {
      for (const req of receiver.requests) {
        const verified = await verifyWebhook(req.body, req.headers, webhookSecrets()).catch(
          () => undefined,
        )
        if (verified?.event.eventType === 'credential' && verified.event.requestId === requestId) {
          return { req, verified, event: verified.event }
        }
      }
      throw new Error(`no credential webhook for ${requestId}`)
    },
    { timeout: 10_000, interval: 20 },
  )
}

describe('client against the sandbox', () => {
  it('creates, reads, lists, resends and cancels a request', async () => {
    const contact = 'flow@example.com'
    const created = await client.createRequest(consent('flow-1', contact))
    expect(created.subjects).toHaveLength(1)
    expect(created.subjects[0]!.contact).toBe(contact)
    expect(created.subjects[0]!.link.startsWith(`${sandbox.url}/link/`)).toBe(true)
    const credentialId = created.credentials[0]!.id
    expect(credentialId).toMatch(/^urn:via:credential:[0-9a-f-]{36}$/)

    const detail = await client.getRequest(created.id)
    expect(detail.id).toBe(created.id)
    expect(detail.credentials.map((c) => [c.id, c.status])).toEqual([[credentialId, 'DRAFT']])
    expect(detail.status).toBe('PENDING')
    expect(detail.subjects.map((s) => [s.contact, s.status])).toEqual([
      [created.subjects[0]!.contact, 'PENDING'],
    ])

    const page = await client.listRequests({ internalId: 'flow-1', pageSize: 5 })
    expect(page.data.map((r) => r.id)).toEqual([created.id])
    expect(page.totalPages).toBe(1)

    const before = await outboxCount(contact)
    await expect(client.resendOtp(created.id, contact)).resolves.toEqual({ success: true })
    expect(await outboxCount(contact)).toBe(before + 1)

    await expect(client.cancelRequest(created.id)).resolves.toBeUndefined()
    expect((await client.getCredential(credentialId)).status).toBe('CANCELED')
    const again = await client.cancelRequest(created.id).catch((e: unknown) => e)
    expect(again).toBeInstanceOf(HumanosApiError)
    expect(again).toMatchObject({ status: 409, error: 'Conflict', attempts: 1 })
  })

  it('answers a repeated create with the same Idempotency-Key with the same request', async () => {
    const input = consent('idem-1')
    const first = await client.createRequest(input, { idempotencyKey: 'idem-key-1' })
    const second = await client.createRequest(input, { idempotencyKey: 'idem-key-1' })
    expect(second).toEqual(first)
    const page = await client.listRequests({ internalId: 'idem-1' })
    expect(page.data).toHaveLength(1)
    const other = await client
      .createRequest(consent('idem-1-changed'), { idempotencyKey: 'idem-key-1' })
      .catch((e: unknown) => e)
    expect(other).toBeInstanceOf(HumanosApiError)
    expect(other).toMatchObject({ status: 409 })
  })

  it('retries a create whose response was lost, and the sandbox creates it only once', async () => {
    // A proxy that forwards every request but drops the connection instead of answering the
    // first one: the sandbox has created the request, the client never hears about it.
    proxy = await startServer(async (req: RecordedRequest, res, index) => {
      const upstream = await fetch(sandbox.url + req.url, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) =>
          typeof v === 'string' && k !== 'host' && k !== 'connection'
            ? [[k, v] as [string, string]]
            : [],
        ),
        body: req.body || undefined,
      })
      const text = await upstream.text()
      if (index === 0) {
        res.socket?.destroy()
        return
      }
      res.writeHead(upstream.status, { 'Content-Type': 'application/json' })
      res.end(text)
    })
    const viaProxy = createHumanosClient({
      apiKey: sandbox.config.apiKey,
      signatureSecret: sandbox.config.signatureSecret,
      baseUrl: proxy.url,
      backoff: fast,
    })
    const created = await viaProxy.createRequest(consent('lost-1'))
    expect(proxy.requests).toHaveLength(2)
    expect(proxy.requests[0]!.headers['idempotency-key']).toBe(
      proxy.requests[1]!.headers['idempotency-key'],
    )
    const page = await client.listRequests({ internalId: 'lost-1' })
    expect(page.data.map((r) => r.id)).toEqual([created.id])
  })

  it('maps the sandbox error bodies to HumanosApiError', async () => {
    const bad = await client.createRequest({ contacts: [] }).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(HumanosApiError)
    expect(bad).toMatchObject({ status: 400, error: 'Bad Request', attempts: 1 })
    expect((bad as HumanosApiError).message).toMatch(/contacts/)

    await expect(client.getRequest('no-such-request')).rejects.toMatchObject({
      status: 404,
      error: 'Not Found',
    })

    const forged = createHumanosClient({
      apiKey: sandbox.config.apiKey,
      signatureSecret: 'wrong',
      baseUrl: sandbox.url,
    })
    await expect(forged.listRequests()).rejects.toMatchObject({
      status: 401,
      message: 'Invalid signature',
    })
  })

  it('gets a 429 with Retry-After from the rate limiter and does not wait longer than allowed', async () => {
    const limited = await startSandbox({
      port: 0,
      dataFile: ':memory:',
      rateLimitPerMinute: 1,
      logRequests: false,
    })
    try {
      const c = createHumanosClient({
        apiKey: limited.config.apiKey,
        signatureSecret: limited.config.signatureSecret,
        baseUrl: limited.url,
        backoff: { ...fast, maxRetryAfterMs: 1_000 },
      })
      await c.createRequest(consent('rate-1'))
      const started = Date.now()
      const error = await c.createRequest(consent('rate-2')).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(HumanosApiError)
      expect(error).toMatchObject({ status: 429, error: 'Too Many Requests', attempts: 1 })
      expect(Date.now() - started).toBeLessThan(1_000)
    } finally {
      await limited.close()
    }
  })
})

describe('webhooks from the sandbox', () => {
  it('verifies and decrypts a real decision delivery, then the credential can be revoked', async () => {
    const created = await client.createRequest(consent('hook-1', 'hook@example.com'))
    const credentialId = created.credentials[0]!.id
    const session = sessionOf(created.subjects[0]!.link)
    const decided = await fetch(`${sandbox.url}/_sandbox/sessions/${session}/decide`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'accept' }),
    })
    expect(decided.status).toBe(200)

    const { req, verified, event } = await credentialDelivery(created.id)
    expect(event.credential.id).toBe(credentialId)
    expect(event.decision.action).toBe('accept')
    expect(event.user.contact).toBe('hook@example.com')
    expect(verified.id).toBe(req.headers['x-webhook-id'])
    expect(verified.dedupeKey).toMatch(/^event:credential\|/)

    const wrongSalt = await verifyWebhook(req.body, req.headers, {
      ...webhookSecrets(),
      encryptionSalt: 'x',
    }).catch((e: unknown) => e)
    expect(wrongSalt).toBeInstanceOf(WebhookVerificationError)
    expect(wrongSalt).toMatchObject({ reason: 'undecryptable' })

    expect((await client.getCredential(credentialId)).status).toBe('ACTIVE')
    await client.revokeCredential(credentialId, { reason: 'customer asked' })
    expect((await client.getCredential(credentialId)).status).toBe('REVOKED')
  })
})
