import { generateHostKeyPair } from '@humanos-link/core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

let t: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox({ rateLimitPerMinute: 1000, maxBodyBytes: 64 * 1024 })
})
afterAll(() => t.close())
beforeEach(async () => {
  expect((await t.post('/_sandbox/reset')).status).toBe(200)
})

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body, without a second request', async () => {
    const headers = { 'Idempotency-Key': 'order-42' }
    const first = await t.api('POST', '/request', { body: requestBody(), headers })
    const again = await t.api('POST', '/request', { body: requestBody(), headers })
    expect(again.status).toBe(200)
    expect(again.json).toEqual(first.json)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const list = await t.api('GET', '/request')
    expect(list.json.data).toHaveLength(1)
    const outbox = await fetch(`${t.url}/_sandbox/outbox`).then((r) => r.json())
    expect(outbox.data).toHaveLength(1)
  })

  it('answers 409 for the same key with another body', async () => {
    const headers = { 'Idempotency-Key': 'order-43' }
    expect((await t.api('POST', '/request', { body: requestBody(), headers })).status).toBe(200)
    const other = await t.api('POST', '/request', { body: requestBody({ name: 'Other' }), headers })
    expect(other.status).toBe(409)
    expect(other.json.error).toBe('Conflict')
  })

  it('does not store a refused request, so a fixed retry with the same key works', async () => {
    const headers = { 'Idempotency-Key': 'order-44' }
    const bad = await t.api('POST', '/request', { body: { contacts: [] }, headers })
    expect(bad.status).toBe(400)
    // A different body under the same key is fine: nothing was stored for the refused one.
    expect((await t.api('POST', '/request', { body: requestBody(), headers })).status).toBe(200)
  })

  it('lets only one of two concurrent requests with the same key act', async () => {
    const headers = { 'Idempotency-Key': 'order-45' }
    const body = requestBody({ pubKey: (await generateHostKeyPair()).publicKey })
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.api('POST', '/request', { body, headers })),
    )
    // Each racer gets the one created request (first answer or replay) or a 409 while the
    // first is still running; never a second request.
    const created = answers.filter((a) => a.status === 200)
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true)
    expect(new Set(created.map((a) => a.json.id)).size).toBe(1)
    expect((await t.api('GET', '/request')).json.data).toHaveLength(1)
  })

  it('refuses a malformed key', async () => {
    const res = await t.api('POST', '/request', {
      body: requestBody(),
      headers: { 'Idempotency-Key': 'x'.repeat(256) },
    })
    expect(res.status).toBe(400)
  })
})
