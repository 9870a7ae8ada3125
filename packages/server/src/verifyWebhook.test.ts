import { credentialDecision, webhookEventOf } from '@humanos-link/test-kit'
import { describe, expect, it } from 'vitest'
import vectors from '../../core/test-vectors/spec-vectors.json'
import { delivery, encryptEvent, signDelivery } from '../test/webhookDelivery.js'
import { WebhookVerificationError } from './errors.js'
import { verifyWebhook } from './verifyWebhook.js'
import type { VerifyWebhookOptions } from './verifyWebhook.js'

const vector = vectors.webhook
const secrets = {
  signatureSecret: vector.signatureSecret,
  encryptionSecret: vector.encryptionSecret,
  encryptionSalt: vector.encryptionSalt,
}

const credentialEvent = webhookEventOf(credentialDecision({ requestId: 'req_1', name: 'Consent' }))

async function reason(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(WebhookVerificationError)
  return (error as WebhookVerificationError).reason
}

describe('verifyWebhook', () => {
  it('verifies and decrypts the spec vector byte for byte', async () => {
    const headers = { 'x-timestamp': vector.timestamp, 'x-signature': vector.signature }
    const result = await verifyWebhook(vector.rawBody, headers, {
      ...secrets,
      currentDate: new Date(Number(vector.timestamp) + 1000),
    })
    expect(result.event).toEqual(JSON.parse(vector.plaintext))
    expect(result.id).toBeUndefined()
    expect(result.timestamp).toBe(Number(vector.timestamp))
    expect(result.dedupeKey).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('accepts raw bytes and Fetch API Headers, and exposes x-webhook-id for deduplication', async () => {
    const { rawBody, headers } = delivery(credentialEvent, secrets)
    const fetchHeaders = new Headers({
      ...headers,
      'X-Webhook-Id': '2f1c7e0a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
    })
    const result = await verifyWebhook(Buffer.from(rawBody), fetchHeaders, secrets)
    expect(result.event).toEqual(credentialEvent)
    expect(result.id).toBe('2f1c7e0a-1b2c-4d5e-8f90-a1b2c3d4e5f6')
    expect(result.dedupeKey).toMatch(/^event:credential\|req_1\|/)
  })

  it('keys a replay with a changed or missing x-webhook-id the same (issue 15 item 7)', async () => {
    // The attacker captured one signed delivery and replays it inside the freshness window,
    // changing the unsigned header each time.
    const { rawBody, headers } = delivery(credentialEvent, secrets)
    const keys = new Set<string>()
    for (const id of ['11111111-1111-4111-8111-111111111111', 'another', undefined]) {
      const sent = id === undefined ? headers : { ...headers, 'x-webhook-id': id }
      keys.add((await verifyWebhook(rawBody, sent, secrets)).dedupeKey)
    }
    expect(keys.size).toBe(1)
  })

  it('derives the same dedupe key for two deliveries of one decision without x-webhook-id', async () => {
    const first = delivery(credentialEvent, secrets)
    const second = delivery(credentialEvent, secrets, String(Date.now() + 5))
    expect(first.rawBody).not.toBe(second.rawBody)
    const a = await verifyWebhook(first.rawBody, first.headers, secrets)
    const b = await verifyWebhook(second.rawBody, second.headers, secrets)
    expect(a.dedupeKey).toBe(b.dedupeKey)
    expect(a.dedupeKey).toContain('req_1')
    const other = {
      ...credentialEvent,
      decision: { action: 'reject', date: '2026-11-24T12:05:00.000Z' },
    }
    const c = delivery(other, secrets)
    expect((await verifyWebhook(c.rawBody, c.headers, secrets)).dedupeKey).not.toBe(a.dedupeKey)
  })

  it('refuses a tampered body as bad_signature', async () => {
    const { rawBody, headers } = delivery(credentialEvent, secrets)
    const envelope = JSON.parse(rawBody) as { data: string }
    const bytes = Buffer.from(envelope.data, 'base64')
    bytes[0] = bytes[0]! ^ 1
    const tampered = JSON.stringify({ ...envelope, data: bytes.toString('base64') })
    expect(await reason(verifyWebhook(tampered, headers, secrets))).toBe('bad_signature')
  })

  it('refuses a signature made with another secret, or a changed timestamp, as bad_signature', async () => {
    const { rawBody, headers } = delivery(credentialEvent, {
      ...secrets,
      signatureSecret: 'not-ours',
    })
    expect(await reason(verifyWebhook(rawBody, headers, secrets))).toBe('bad_signature')
    const good = delivery(credentialEvent, secrets)
    const shifted = {
      ...good.headers,
      'x-timestamp': String(Number(good.headers['x-timestamp']) + 1),
    }
    expect(await reason(verifyWebhook(good.rawBody, shifted, secrets))).toBe('bad_signature')
  })

  it('refuses a correctly signed delivery outside the time window as stale', async () => {
    const old = delivery(credentialEvent, secrets, String(Date.now() - 6 * 60 * 1000))
    expect(await reason(verifyWebhook(old.rawBody, old.headers, secrets))).toBe('stale')
    const future = delivery(credentialEvent, secrets, String(Date.now() + 6 * 60 * 1000))
    expect(await reason(verifyWebhook(future.rawBody, future.headers, secrets))).toBe('stale')
    const tight = delivery(credentialEvent, secrets, String(Date.now() - 2_000))
    expect(
      await reason(verifyWebhook(tight.rawBody, tight.headers, { ...secrets, toleranceMs: 1_000 })),
    ).toBe('stale')
  })

  it('refuses a delivery encrypted under another secret or salt as undecryptable', async () => {
    const otherSecret = delivery(credentialEvent, {
      ...secrets,
      encryptionSecret: Buffer.alloc(32, 7).toString('base64'),
    })
    expect(await reason(verifyWebhook(otherSecret.rawBody, otherSecret.headers, secrets))).toBe(
      'undecryptable',
    )
    const otherSalt = delivery(credentialEvent, { ...secrets, encryptionSalt: 'other-salt' })
    expect(await reason(verifyWebhook(otherSalt.rawBody, otherSalt.headers, secrets))).toBe(
      'undecryptable',
    )
  })

  it('refuses a truncated tag as undecryptable even when the body is signed', async () => {
    const raw = JSON.parse(encryptEvent(JSON.stringify(credentialEvent), secrets)) as {
      tag: string
    }
    const short = JSON.stringify({
      ...raw,
      tag: Buffer.from(raw.tag, 'base64').subarray(0, 8).toString('base64'),
    })
    const ts = String(Date.now())
    const headers = {
      'x-timestamp': ts,
      'x-signature': signDelivery(secrets.signatureSecret, ts, short),
    }
    expect(await reason(verifyWebhook(short, headers, secrets))).toBe('undecryptable')
  })

  it('refuses missing or malformed headers and bodies as malformed', async () => {
    const { rawBody, headers } = delivery(credentialEvent, secrets)
    expect(
      await reason(verifyWebhook(rawBody, { 'x-signature': headers['x-signature'] }, secrets)),
    ).toBe('malformed')
    expect(
      await reason(verifyWebhook(rawBody, { 'x-timestamp': headers['x-timestamp'] }, secrets)),
    ).toBe('malformed')
    expect(
      await reason(verifyWebhook(rawBody, { ...headers, 'x-timestamp': 'yesterday' }, secrets)),
    ).toBe('malformed')
    expect(
      await reason(verifyWebhook(rawBody, { ...headers, 'x-webhook-id': 'a b' }, secrets)),
    ).toBe('malformed')
    const ts = String(Date.now())
    const notEncrypted = '{"eventType":"test"}'
    const signed = {
      'x-timestamp': ts,
      'x-signature': signDelivery(secrets.signatureSecret, ts, notEncrypted),
    }
    expect(await reason(verifyWebhook(notEncrypted, signed, secrets))).toBe('malformed')
  })

  it('refuses an authentic payload that is not a known event as invalid_event', async () => {
    const unknown = delivery({ ...credentialEvent, eventType: 'mystery' }, secrets)
    expect(await reason(verifyWebhook(unknown.rawBody, unknown.headers, secrets))).toBe(
      'invalid_event',
    )
    const partial = delivery({ ...credentialEvent, decision: { action: 'maybe' } }, secrets)
    expect(await reason(verifyWebhook(partial.rawBody, partial.headers, secrets))).toBe(
      'invalid_event',
    )
  })

  it('throws a TypeError for a parsed body or missing secrets (programming errors)', async () => {
    const { headers } = delivery(credentialEvent, secrets)
    await expect(verifyWebhook({} as unknown as string, headers, secrets)).rejects.toThrow(
      TypeError,
    )
    const noSalt = { ...secrets, encryptionSalt: '' } as VerifyWebhookOptions
    await expect(verifyWebhook('{}', headers, noSalt)).rejects.toThrow(/encryptionSalt/)
    const badSecret = { ...secrets, encryptionSecret: 'not base64!' }
    await expect(verifyWebhook('{}', headers, badSecret)).rejects.toThrow(/encryptionSecret/)
  })
})
