import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedRequest, RequestDetailView, RequestList } from '../shared/apiTypes.js'
import { readOtp } from '@humanos-link/test-kit/node'
import { request, startDemoStack } from './testing/demoStack.js'
import type { DemoStack } from './testing/demoStack.js'

let stack: DemoStack

beforeAll(async () => {
  stack = await startDemoStack()
})
afterAll(() => stack.close())

const body = (overrides: Record<string, unknown> = {}) => ({
  contacts: ['ana@example.com'],
  credentialName: 'Share my profile',
  credentialDescription: 'Name and email, for the newsletter',
  securityLevel: 'CONTACT',
  ...overrides,
})

describe('POST /api/requests', () => {
  it('creates a request and answers only requestId, link and expiresAt', async () => {
    const created = await stack.call('POST', '/api/requests', body())
    expect(created.status).toBe(201)
    const answer = created.json as CreatedRequest
    expect(Object.keys(answer).sort()).toEqual(['expiresAt', 'link', 'requestId'])
    expect(answer.link).toMatch(new RegExp(`^${stack.sandboxUrl}/link/[0-9a-f]{32}$`))
    expect(Date.parse(answer.expiresAt ?? '')).toBeGreaterThan(Date.now())
    // The request really exists in Humanos, with the credential the form described.
    const detail = await stack.call('GET', `/api/requests/${answer.requestId}`)
    expect(detail.status).toBe(200)
    const view = detail.json as RequestDetailView
    expect(view.credentials).toHaveLength(1)
    expect(view.credentials[0]).toMatchObject({
      name: 'Share my profile',
      status: 'DRAFT',
      proof: null,
    })
  })

  it('returns the Link of the chosen contact, not the first one', async () => {
    const created = await stack.call(
      'POST',
      '/api/requests',
      body({ contacts: ['first@example.com', '+351912345678'], contact: '+351912345678' }),
    )
    expect(created.status).toBe(201)
    const { link } = created.json as CreatedRequest
    const outbox = await request(
      `${stack.sandboxUrl}/_sandbox/outbox?contact=%2B351912345678`,
      'GET',
    )
    expect(JSON.stringify(outbox.json)).toContain(link)
    await expect(readOtp(stack.sandboxUrl, '+351912345678')).resolves.toMatch(/^\d{6}$/)
    const other = await request(
      `${stack.sandboxUrl}/_sandbox/outbox?contact=first%40example.com`,
      'GET',
    )
    expect(JSON.stringify(other.json)).not.toContain(link)
  })

  it('matches the chosen email whatever its case', async () => {
    const created = await stack.call(
      'POST',
      '/api/requests',
      body({ contacts: ['Mixed.Case@Example.com'], contact: 'MIXED.case@example.COM' }),
    )
    expect(created.status).toBe(201)
  })
})

describe('GET /api/requests', () => {
  it('lists the demo’s requests, newest first, waiting for a decision', async () => {
    const created = await stack.call('POST', '/api/requests', body({ credentialName: 'Newest' }))
    const { requestId } = created.json as CreatedRequest
    const list = await stack.call('GET', '/api/requests')
    expect(list.status).toBe(200)
    const [first] = (list.json as RequestList).data
    expect(first).toMatchObject({
      requestId,
      credentialName: 'Newest',
      contact: 'ana@example.com',
      status: 'DRAFT',
      decisions: [],
    })
  })

  it('answers 404 for a request the demo did not create, and 400 for a malformed id', async () => {
    const unknown = await stack.call('GET', '/api/requests/000000000000000000000000')
    expect(unknown.status).toBe(404)
    expect(unknown.json).toMatchObject({ error: 'not_found' })
    const malformed = await stack.call('GET', `/api/requests/${encodeURIComponent('a b')}`)
    expect(malformed.status).toBe(400)
    expect(malformed.json).toMatchObject({ error: 'invalid_request', field: 'requestId' })
  })
})
