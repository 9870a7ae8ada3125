// PATCH /request/resend/:id (humanos-api.md): one subject chosen by exactly one of contact, id,
// internalId; refused when canceled, within the cool-down, or past the attempt limit (only
// delivered sends count).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

let t: TestSandbox
let slow: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox({ otpResendCooldownMs: 0, otpMaxResends: 2 })
  slow = await startTestSandbox()
})
afterAll(async () => {
  await t.close()
  await slow.close()
})

async function create(sandbox: TestSandbox, contacts: string[]) {
  const res = await sandbox.api('POST', '/request', { body: requestBody({ contacts }) })
  expect(res.status).toBe(200)
  return res.json as { id: string; subjects: Array<{ contact: string; id: string }> }
}

const outboxReasons = async (sandbox: TestSandbox, contact: string) =>
  (
    await fetch(`${sandbox.url}/_sandbox/outbox?contact=${encodeURIComponent(contact)}`).then((r) =>
      r.json(),
    )
  ).data.map((m: { reason: string }) => m.reason)

describe('PATCH /request/resend/:requestId', () => {
  it('resends to the subject chosen by contact, by id (the user DID) or by internalId, idempotently', async () => {
    const imported = await t.api('POST', '/user', {
      body: [{ contact: 'cy@example.com', internalId: 'customer-7' }],
    })
    expect(imported.json[0].status).toBe(200)
    const created = await create(t, ['ana@example.com', 'bo@example.com', 'cy@example.com'])
    const base = `/request/resend/${created.id}`
    const headers = { 'Idempotency-Key': 'resend-by-contact' }
    expect((await t.api('PATCH', `${base}?contact=ana%40example.com`, { headers })).json).toEqual({
      success: true,
    })
    expect((await t.api('PATCH', `${base}?contact=ana%40example.com`, { headers })).json).toEqual({
      success: true,
    })
    expect(await outboxReasons(t, 'ana@example.com')).toEqual(['resend', 'created'])
    const byId = await t.api('PATCH', `${base}?id=${encodeURIComponent(created.subjects[1]!.id)}`)
    expect(byId.json).toEqual({ success: true })
    expect(await outboxReasons(t, 'bo@example.com')).toEqual(['resend', 'created'])
    const byInternalId = await t.api('PATCH', `${base}?internalId=customer-7`)
    expect(byInternalId.json).toEqual({ success: true })
    expect(await outboxReasons(t, 'cy@example.com')).toEqual(['resend', 'created'])
  })

  it('wants exactly one selector, and 404 for someone who is not a subject', async () => {
    const created = await create(t, ['ana@example.com'])
    const base = `/request/resend/${created.id}`
    for (const query of ['', '?contact=ana%40example.com&internalId=x', '?id=a&internalId=b']) {
      const res = await t.api('PATCH', `${base}${query}`)
      expect(res.status, query).toBe(400)
      expect(res.json.message).toContain('exactly one of contact, id, internalId')
    }
    expect((await t.api('PATCH', `${base}?contact=eve%40example.com`)).status).toBe(404)
    expect((await t.api('PATCH', `${base}?internalId=nobody`)).status).toBe(404)
    expect(
      (await t.api('PATCH', `/request/resend/000000000000000000000000?contact=a%40b.c`)).status,
    ).toBe(404)
  })

  it('refuses within the cool-down since the last code: 429 with Retry-After', async () => {
    const created = await create(slow, ['ana@example.com'])
    const res = await slow.api('PATCH', `/request/resend/${created.id}?contact=ana%40example.com`)
    expect(res.status).toBe(429)
    expect(res.json).toEqual({
      statusCode: 429,
      message: expect.stringMatching(/^Wait \d+ s before asking for a new code\.$/),
      error: 'Too Many Requests',
    })
    const retryAfter = Number(res.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(30)
    expect(await outboxReasons(slow, 'ana@example.com')).toEqual(['created'])
  })

  it('refuses past the attempt limit with a 409; failed sends do not count', async () => {
    const created = await create(t, ['ana@example.com', 'nobody@undeliverable.test'])
    const ana = `/request/resend/${created.id}?contact=ana%40example.com`
    expect((await t.api('PATCH', ana)).status).toBe(200)
    expect((await t.api('PATCH', ana)).status).toBe(200)
    const third = await t.api('PATCH', ana)
    expect(third.status).toBe(409)
    expect(third.json.message).toContain('already resent 2 times')
    const nobody = `/request/resend/${created.id}?contact=nobody%40undeliverable.test`
    for (let i = 0; i < 3; i++) expect((await t.api('PATCH', nobody)).status).toBe(200)
  })

  it('refuses a canceled request with a 409', async () => {
    const created = await create(t, ['ana@example.com'])
    expect((await t.api('DELETE', `/request/${created.id}`)).status).toBe(200)
    const res = await t.api('PATCH', `/request/resend/${created.id}?contact=ana%40example.com`)
    expect(res.status).toBe(409)
    expect(res.json.message).toContain('canceled')
  })
})
