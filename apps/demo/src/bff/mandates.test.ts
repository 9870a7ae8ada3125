// The agent routes of the BFF against a real sandbox: the story through the BFF, and another
// browser session that can neither see nor act on someone else's mandate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AttemptView, CreatedMandate } from '../shared/apiTypes.js'
import { startDemoStack } from './testing/demoStack.js'
import type { DemoStack } from './testing/demoStack.js'
import type { BffSession } from './testing/sessionClient.js'

let stack: DemoStack
let n = 0

beforeAll(async () => {
  stack = await startDemoStack({ webhooks: false })
})
afterAll(() => stack.close())

async function approvedMandate(session: BffSession) {
  const created = await session.call('POST', '/api/mandates', {
    contact: `agent-owner${++n}@example.com`,
    maxAmount: 50,
    allowedCategories: ['groceries'],
  })
  expect(created.status, created.text).toBe(201)
  const mandate = created.json as CreatedMandate
  const sessionId = new URL(mandate.link).pathname.split('/').pop()
  const decided = await fetch(`${stack.sandboxUrl}/_sandbox/sessions/${sessionId}/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'accept' }),
  })
  expect(decided.status).toBe(200)
  return mandate
}

const attempt = async (session: BffSession, requestId: string, body: unknown) => {
  const res = await session.call('POST', `/api/mandates/${requestId}/attempts`, body)
  expect(res.status, res.text).toBe(200)
  return res.json as AttemptView
}

describe('agent mandates through the BFF', () => {
  it('seeds the shopping action once and describes it', async () => {
    const first = await stack.call('GET', '/api/agent')
    const second = await stack.call('GET', '/api/agent')
    expect(first.status).toBe(200)
    expect(second.json).toEqual(first.json)
    expect(first.json).toMatchObject({ name: 'Shopping agent', version: 1 })
  })

  it('tells the story for its session only: allow, deny, replay, revoke, activity', async () => {
    const owner = stack.newSession()
    const other = stack.newSession()
    const { requestId, credentialId } = await approvedMandate(owner)

    const allowed = await attempt(owner, requestId, { amount: 30, category: 'groceries' })
    expect(allowed).toMatchObject({ decision: 'allow', stage: 'verification', replayed: false })
    expect(allowed.evaluations.map((e) => e.result)).toEqual([true, true])
    expect(JSON.stringify(allowed)).not.toContain('proofValue')
    const over = await attempt(owner, requestId, { amount: 80, category: 'groceries' })
    expect(over).toMatchObject({ decision: 'deny', reason: 'rule_failed' })
    const replay = await attempt(owner, requestId, { replay: true })
    expect(replay).toMatchObject({
      decision: 'deny',
      reason: 'presentation_replayed',
      replayed: true,
    })

    for (const [method, path, body] of [
      ['GET', `/api/mandates/${requestId}`, undefined],
      ['POST', `/api/mandates/${requestId}/attempts`, { amount: 1, category: 'groceries' }],
      ['POST', `/api/mandates/${requestId}/revoke`, {}],
      ['GET', `/api/mandates/${requestId}/activity`, undefined],
    ] as const) {
      const res = await other.call(method, path, body)
      expect(res.status, `${method} ${path}`).toBe(404)
      expect(res.text).not.toContain(credentialId)
    }
    expect((await other.call('GET', '/api/mandates')).json).toEqual({ data: [] })

    const revoked = await owner.call('POST', `/api/mandates/${requestId}/revoke`, {})
    expect(revoked.json).toMatchObject({ credentialId, status: 'REVOKED' })
    const after = await attempt(owner, requestId, { amount: 1, category: 'groceries' })
    expect(after).toMatchObject({
      decision: 'deny',
      stage: 'presentation',
      reason: 'credential_revoked',
    })

    const activity = await owner.call('GET', `/api/mandates/${requestId}/activity`)
    expect((activity.json as { data: Array<{ type: string }> }).data.map((e) => e.type)).toEqual([
      'VP_DENIED',
      'MANDATE_REVOKED',
      'VP_VERIFICATION_DENIED',
      'VP_VERIFICATION_DENIED',
      'VP_CREATED',
      'VP_VERIFIED',
      'VP_CREATED',
      'MANDATE_ISSUED',
      'USER_DECISION_ACCEPTED',
      'REQUEST_CREATED',
    ])
  })

  it('names the wrong field of a mandate request', async () => {
    const res = await stack.call('POST', '/api/mandates', {
      contact: 'x@example.com',
      maxAmount: -1,
      allowedCategories: [],
    })
    expect(res.status).toBe(400)
    expect(res.text).toContain('maxAmount')
  })
})
