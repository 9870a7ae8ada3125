// Decisions reach the BFF twice: as an attestation the browser forwards and as a webhook from
// Humanos. Each is verified, recorded once, and the first channel is remembered.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { LinkResultPayload } from '@humanos-link/core'
import type {
  AttestationAccepted,
  CreatedRequest,
  RequestItem,
  RequestList,
  WebhookEventList,
} from '../shared/apiTypes.js'
import { decideInFrame } from './testing/linkFlow.js'
import { TEST_ORIGIN, request, startDemoStack } from './testing/demoStack.js'
import type { DemoStack } from './testing/demoStack.js'
import { sealWebhook } from './testing/webhookSeal.js'

let stack: DemoStack
let secrets: { signatureSecret: string; encryptionSecret: string; encryptionSalt: string }
let contactNumber = 0

// Webhooks are sent by hand here, so each test controls which channel comes first.
beforeAll(async () => {
  stack = await startDemoStack({ webhooks: false })
  const config = stack.sandboxConfig
  secrets = {
    signatureSecret: config.webhookSignatureSecret,
    encryptionSecret: config.webhookEncryptionSecret,
    encryptionSalt: config.webhookEncryptionSalt,
  }
})
afterAll(() => stack.close())

async function createAndDecide(action: 'accept' | 'reject' = 'accept', origin = TEST_ORIGIN) {
  const contact = `person${++contactNumber}@example.com`
  const created = await stack.call('POST', '/api/requests', {
    contacts: [contact],
    credentialName: 'Share my profile',
  })
  expect(created.status).toBe(201)
  const { requestId, link } = created.json as CreatedRequest
  const [payload] = await decideInFrame({
    sandboxUrl: stack.sandboxUrl,
    link,
    contact,
    origin,
    action,
  })
  if (!payload) throw new Error('No result')
  return { requestId, payload }
}

async function itemOf(requestId: string): Promise<RequestItem> {
  const list = await stack.call('GET', '/api/requests')
  const item = (list.json as RequestList).data.find((r) => r.requestId === requestId)
  if (!item) throw new Error(`${requestId} is not listed`)
  return item
}

// The webhook event is the Link result without its attestation (link-protocol section 7).
function webhookOf(payload: LinkResultPayload, id?: string) {
  return sealWebhook({ ...payload, attestation: undefined }, secrets, { id })
}

async function sendWebhook(sealed: { body: string; headers: Record<string, string> }) {
  return stack.call('POST', '/webhooks/humanos', sealed.body, sealed.headers)
}

describe('attestations', () => {
  it('records a verified decision: the request becomes ACTIVE, attestation first', async () => {
    const { requestId, payload } = await createAndDecide()
    const answer = await stack.call('POST', '/api/attestations', {
      attestation: payload.attestation,
    })
    expect(answer.status).toBe(200)
    const accepted = answer.json as AttestationAccepted
    expect(accepted).toMatchObject({
      requestId,
      status: 'ACTIVE',
      decision: { outcome: 'accept', firstChannel: 'attestation', webhookAt: null },
    })
    expect(Date.parse(accepted.decision.attestationAt ?? '')).toBeLessThanOrEqual(Date.now())
    expect((await itemOf(requestId)).status).toBe('ACTIVE')
  })

  it('accepts an attestation once: a replay is refused and changes nothing', async () => {
    const { requestId, payload } = await createAndDecide()
    const first = await stack.call('POST', '/api/attestations', {
      attestation: payload.attestation,
    })
    expect(first.status).toBe(200)
    const before = await itemOf(requestId)
    const replay = await stack.call('POST', '/api/attestations', {
      attestation: payload.attestation,
    })
    expect(replay.status).toBe(409)
    expect(replay.json).toMatchObject({ error: 'attestation_replayed' })
    expect(await itemOf(requestId)).toEqual(before)
  })

  it('refuses an attestation made for another page origin (audience)', async () => {
    const { requestId, payload } = await createAndDecide('accept', 'http://localhost:5198')
    const answer = await stack.call('POST', '/api/attestations', {
      attestation: payload.attestation,
    })
    expect(answer.status).toBe(422)
    expect(answer.json).toMatchObject({ error: 'invalid_attestation', reason: 'wrong_audience' })
    expect((await itemOf(requestId)).status).toBe('DRAFT')
  })

  it('refuses a tampered attestation', async () => {
    const { payload } = await createAndDecide()
    const [header, claims, signature] = payload.attestation.split('.')
    const forgedClaims = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(claims ?? '', 'base64url').toString()),
        credentialStatus: 'REVOKED',
      }),
    ).toString('base64url')
    const answer = await stack.call('POST', '/api/attestations', {
      attestation: [header, forgedClaims, signature].join('.'),
    })
    expect(answer.status).toBe(422)
    expect(answer.json).toMatchObject({ reason: 'bad_signature' })
  })

  it('records a rejection as REJECTED', async () => {
    const { requestId, payload } = await createAndDecide('reject')
    const answer = await stack.call('POST', '/api/attestations', {
      attestation: payload.attestation,
    })
    expect(answer.json).toMatchObject({ status: 'REJECTED', decision: { outcome: 'reject' } })
    expect((await itemOf(requestId)).status).toBe('REJECTED')
  })
})

describe('webhooks', () => {
  it('records the webhook on the same decision and keeps the attestation as first', async () => {
    const { requestId, payload } = await createAndDecide()
    await stack.call('POST', '/api/attestations', { attestation: payload.attestation })
    const delivered = await sendWebhook(webhookOf(payload, crypto.randomUUID()))
    expect(delivered.status).toBe(200)
    expect(delivered.json).toEqual({ received: true, duplicate: false })
    const [decision] = (await itemOf(requestId)).decisions
    expect(decision).toMatchObject({ firstChannel: 'attestation', contact: payload.user.contact })
    expect(Date.parse(decision?.webhookAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(decision?.attestationAt ?? ''),
    )
  })

  it('shows the webhook as first when it beats the attestation', async () => {
    const { requestId, payload } = await createAndDecide()
    await sendWebhook(webhookOf(payload, crypto.randomUUID()))
    const item = await itemOf(requestId)
    expect(item.status).toBe('ACTIVE')
    expect(item.decisions).toMatchObject([{ firstChannel: 'webhook', attestationAt: null }])
    const answer = await stack.call('POST', '/api/attestations', {
      attestation: payload.attestation,
    })
    expect(answer.json).toMatchObject({ decision: { firstChannel: 'webhook' } })
    expect((await itemOf(requestId)).decisions).toHaveLength(1)
  })

  it('records the same x-webhook-id once, however often it is delivered', async () => {
    const { requestId, payload } = await createAndDecide()
    const id = crypto.randomUUID()
    // Each retry is encrypted and signed afresh, as Humanos does; only the id stays.
    const answers = []
    for (let i = 0; i < 3; i++) answers.push((await sendWebhook(webhookOf(payload, id))).json)
    expect(answers).toEqual([
      { received: true, duplicate: false },
      { received: true, duplicate: true },
      { received: true, duplicate: true },
    ])
    const events = (await stack.call('GET', '/api/webhooks')).json as WebhookEventList
    expect(events.data.filter((e) => e.webhookId === id)).toMatchObject([
      { requestId, eventType: 'credential', deliveries: 3 },
    ])
    expect((await itemOf(requestId)).decisions).toHaveLength(1)
  })

  it('drops duplicates by the event itself when there is no x-webhook-id', async () => {
    const { requestId, payload } = await createAndDecide()
    expect((await sendWebhook(webhookOf(payload))).json).toMatchObject({ duplicate: false })
    expect((await sendWebhook(webhookOf(payload))).json).toMatchObject({ duplicate: true })
    expect((await itemOf(requestId)).decisions).toHaveLength(1)
  })

  it('refuses a delivery with a bad signature, a stale one and an undecryptable one', async () => {
    const { requestId, payload } = await createAndDecide()
    const event = { ...payload, attestation: undefined }
    const badSignature = sealWebhook(event, { ...secrets, signatureSecret: 'guess' })
    const stale = sealWebhook(event, secrets, { timestamp: Date.now() - 10 * 60 * 1000 })
    const wrongKey = sealWebhook(event, { ...secrets, encryptionSalt: 'other-salt' })
    const reasons = []
    for (const sealed of [badSignature, stale, wrongKey]) {
      const answer = await sendWebhook(sealed)
      expect(answer.status).toBe(400)
      reasons.push((answer.json as { message: string }).message)
    }
    expect(reasons.join(' ')).toMatch(/bad_signature.*stale.*undecryptable/)
    const unsigned = await stack.call('POST', '/webhooks/humanos', '{}')
    expect(unsigned.status).toBe(400)
    expect((await itemOf(requestId)).decisions).toEqual([])
  })

  it('receives real deliveries from the sandbox', async () => {
    const live = await startDemoStack()
    try {
      const created = await live.call('POST', '/api/requests', {
        contacts: ['live@example.com'],
        credentialName: 'Share my profile',
      })
      const { requestId, link } = created.json as CreatedRequest
      const sessionId = new URL(link).pathname.split('/').at(-1) ?? ''
      // The sandbox's own shortcut decides without a browser, so only the webhook is sent.
      const decided = await request(
        `${live.sandboxUrl}/_sandbox/sessions/${sessionId}/decide`,
        'POST',
        {
          action: 'accept',
        },
      )
      expect(decided.status).toBe(200)
      // The webhook arrives on its own schedule: wait for the request to show it.
      const item = await vi.waitFor(
        async () => {
          const list = (await live.call('GET', '/api/requests')).json as RequestList
          const found = list.data.find((r) => r.requestId === requestId)
          expect(found?.status).toBe('ACTIVE')
          return found!
        },
        { timeout: 5000 },
      )
      expect(item.decisions).toMatchObject([
        { firstChannel: 'webhook', contact: 'live@example.com', attestationAt: null },
      ])
    } finally {
      await live.close()
    }
  })
})
