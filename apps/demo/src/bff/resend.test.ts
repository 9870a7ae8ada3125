// Issue 15 item 8, the demo's side: the person can get a new code through the BFF, for their
// own session's request only, and a cool-down is reported at once rather than waited out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedRequest } from '../shared/apiTypes.js'
import { decideInFrame } from './testing/linkFlow.js'
import { TEST_ORIGIN, startDemoStack } from './testing/demoStack.js'
import type { DemoStack } from './testing/demoStack.js'
import type { BffSession } from './testing/sessionClient.js'

let quick: DemoStack
let slow: DemoStack
let n = 0

beforeAll(async () => {
  quick = await startDemoStack({ webhooks: false, sandbox: { otpResendCooldownMs: 0 } })
  slow = await startDemoStack({ webhooks: false, sandbox: { otpResendCooldownMs: 30_000 } })
})
afterAll(async () => {
  await quick?.close()
  await slow?.close()
})

async function createAs(session: BffSession) {
  const contact = `resend${++n}@example.com`
  const created = await session.call('POST', '/api/requests', {
    contacts: [contact],
    credentialName: 'Newsletter',
  })
  expect(created.status).toBe(201)
  return { contact, ...(created.json as CreatedRequest) }
}

describe('POST /api/requests/:requestId/resend', () => {
  it('sends the person a new code, which then decides', async () => {
    const person = quick.newSession()
    const { requestId, link, contact } = await createAs(person)
    const resent = await person.call('POST', `/api/requests/${requestId}/resend`)
    expect(resent).toMatchObject({ status: 200, json: { sent: true } })
    const outbox = await fetch(`${quick.sandboxUrl}/_sandbox/outbox`).then((r) => r.json())
    const sent = outbox.data.filter((m: { contact: string }) => m.contact === contact)
    expect(sent.map((m: { reason: string }) => m.reason)).toEqual(['resend', 'created'])
    const results = await decideInFrame({
      sandboxUrl: quick.sandboxUrl,
      link,
      contact,
      origin: TEST_ORIGIN,
      action: 'accept',
    })
    expect(results).toHaveLength(1)
  })

  it('is refused to another session, exactly like a request that does not exist', async () => {
    const { requestId } = await createAs(quick.newSession())
    const other = await quick.newSession().call('POST', `/api/requests/${requestId}/resend`)
    expect(other).toMatchObject({ status: 404, json: { error: 'not_found' } })
  })

  it('is CSRF-checked like every state-changing call', async () => {
    const person = quick.newSession()
    const { requestId } = await createAs(person)
    const forged = await person.call('POST', `/api/requests/${requestId}/resend`, undefined, {
      origin: 'https://attacker.example',
    })
    expect(forged).toMatchObject({ status: 403, json: { error: 'forbidden' } })
    const noHeader = await person.call('POST', `/api/requests/${requestId}/resend`, undefined, {
      'x-requested-by': '',
    })
    expect(noHeader.status).toBe(403)
  })

  it('reports the cool-down at once instead of waiting it out', async () => {
    const person = slow.newSession()
    const { requestId } = await createAs(person)
    const started = Date.now()
    const refused = await person.call('POST', `/api/requests/${requestId}/resend`)
    expect(refused.status).toBe(429)
    expect(refused.json).toMatchObject({
      error: 'resend_too_soon',
      message: expect.stringMatching(/Wait \d+ s/),
    })
    // The BFF's ordinary client would wait out Retry-After (30 s) before answering.
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
