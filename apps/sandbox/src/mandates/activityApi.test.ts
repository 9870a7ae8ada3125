import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  approvedMandate,
  mandateRequest,
  presentation,
  publishedAction,
  sandboxCall,
} from '../testing/mandateFixtures.js'
import { groceriesLimits } from '@humanos-link/test-kit'
import { signedClient } from '@humanos-link/test-kit/node'
import { startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

let t: TestSandbox
let chain: { credentialId: string; requestId: string; userDid: string }

type Event = {
  type: string
  entityType: string
  entityId: string
  actorDid: string | null
  subjectDid: string | null
  payload: Record<string, unknown>
}

async function activity(query = ''): Promise<Event[]> {
  const res = await t.api('GET', `/activity${query}`)
  expect(res.status, res.text).toBe(200)
  return res.json.data as Event[]
}

const today = () => new Date().toISOString().slice(0, 10)

beforeAll(async () => {
  t = await startTestSandbox()
  const action = await publishedAction(t)
  chain = await approvedMandate(t, mandateRequest(action.id, groceriesLimits))
  const vp = await presentation(t, chain.credentialId)
  await t.api('POST', '/credential/verify', {
    body: { presentation: vp, executionParams: { amount: 1, category: 'groceries' } },
  })
  await t.api('POST', '/credential/verify', {
    body: { presentation: vp, executionParams: { amount: 99, category: 'groceries' } },
  })
  await t.api('DELETE', `/credential/revoke/${chain.credentialId}`, { body: {} })
  await t.api('POST', `/credential/vp/${chain.credentialId}`, { body: {} })
  // A canceled request, for the request events.
  const other = await t.api('POST', '/request', { body: mandateRequest(action.id) })
  await t.api('DELETE', `/request/${other.json.id}`)
})
afterAll(() => t.close())

describe('GET /activity', () => {
  it('records one event per state change of the chain, newest first', async () => {
    const mandate = await activity(`?entityId=${chain.credentialId}`)
    expect(mandate.map((e) => e.type)).toEqual([
      'VP_DENIED',
      'MANDATE_REVOKED',
      'VP_VERIFICATION_DENIED',
      'VP_VERIFIED',
      'VP_CREATED',
      'MANDATE_ISSUED',
      'USER_DECISION_ACCEPTED',
    ])
    const denied = mandate.find((e) => e.type === 'VP_VERIFICATION_DENIED')!
    expect(denied.payload).toMatchObject({
      reason: 'rule_failed',
      receiptId: expect.stringMatching(/^urn:via:receipt:/),
    })
    expect((denied.payload.evaluations as unknown[]).length).toBe(2)
    expect(mandate.every((e) => e.subjectDid === chain.userDid)).toBe(true)
    const request = await activity(`?entityId=${chain.requestId}`)
    expect(request.map((e) => e.type)).toEqual(['REQUEST_CREATED'])
  })

  it('filters by repeated type, entityType, actorDid and subjectDid', async () => {
    const two = await activity('?type=VP_CREATED&type=MANDATE_REVOKED')
    expect(two.map((e) => e.type)).toEqual(['MANDATE_REVOKED', 'VP_CREATED'])
    const requests = await activity('?entityType=REQUEST')
    expect(requests.map((e) => e.type)).toEqual([
      'REQUEST_CANCELED',
      'REQUEST_CREATED',
      'REQUEST_CREATED',
    ])
    const byUser = await activity(`?actorDid=${encodeURIComponent(chain.userDid)}`)
    expect(byUser.map((e) => e.type)).toEqual(['USER_DECISION_ACCEPTED'])
    const about = await activity(
      `?subjectDid=${encodeURIComponent(chain.userDid)}&type=MANDATE_ISSUED`,
    )
    expect(about).toHaveLength(1)
    expect(await activity('?subjectDid=did:web:nobody')).toEqual([])
  })

  it('filters by whole days, and needs dateFrom for dateTo', async () => {
    const all = await activity('?pageSize=100')
    expect(await activity(`?pageSize=100&dateFrom=${today()}`)).toEqual(all)
    expect(await activity(`?pageSize=100&dateFrom=${today()}&dateTo=${today()}`)).toEqual(all)
    expect(await activity('?dateFrom=2000-01-01&dateTo=2000-01-02')).toEqual([])
    expect(await activity('?dateFrom=2999-01-01')).toEqual([])
    const alone = await t.api('GET', `/activity?dateTo=${today()}`)
    expect(alone.status).toBe(400)
    expect(alone.json.message).toBe('dateTo: needs dateFrom')
    expect((await t.api('GET', '/activity?dateFrom=2026-02-30')).status).toBe(400)
    expect((await t.api('GET', '/activity?dateFrom=2026-01-01T00:00:00Z')).status).toBe(400)
    expect((await t.api('GET', '/activity?type=NOPE')).status).toBe(400)
    expect((await t.api('GET', '/activity?entityId=a&entityId=b')).status).toBe(400)
  })

  it('pages newest first and keeps each organization to its own events', async () => {
    const all = await activity('?pageSize=100')
    const first = await t.api('GET', '/activity?pageSize=5')
    const second = await t.api('GET', '/activity?pageSize=5&pageIndex=1')
    expect(first.json.totalPages).toBe(Math.ceil(all.length / 5))
    expect([...first.json.data, ...second.json.data]).toEqual(all.slice(0, 10))
    const org = await sandboxCall(t, 'POST', '/_sandbox/organizations', { name: 'Quiet' })
    const other = signedClient(t.url, { apiKey: org.json.apiKey, secret: org.json.signatureSecret })
    expect((await other('GET', '/activity')).json).toEqual({ data: [], totalPages: 0 })
  })
})
