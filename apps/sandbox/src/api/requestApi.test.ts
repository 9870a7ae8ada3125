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

describe('POST /request', () => {
  it('creates one Link session per contact and sends each a code', async () => {
    const res = await t.api('POST', '/request', {
      body: requestBody({
        contacts: ['Ana@Example.com', '+351912345678'],
        internalId: 'order-1',
        credentials: [
          { type: 'CONSENT', name: 'Marketing', internalId: 'c-1' },
          { type: 'DOCUMENT', name: 'Contract', description: 'The terms' },
        ],
      }),
    })
    expect(res.status).toBe(200)
    const { id, credentials, subjects } = res.json
    expect(id).toMatch(/^[0-9a-f]{24}$/)
    expect(credentials).toEqual([
      {
        id: expect.stringMatching(/^urn:via:credential:[0-9a-f-]{36}$/),
        name: 'Marketing',
        internalId: 'c-1',
      },
      { id: expect.stringMatching(/^urn:via:credential:/), name: 'Contract' },
    ])
    const host = new URL(t.url).host.replace(':', '%3A')
    expect(subjects).toEqual([
      {
        contact: 'ana@example.com',
        id: `did:web:${host}:user:1`,
        link: expect.stringMatching(new RegExp(`^${t.url}/link/[0-9a-f]{32}$`)),
      },
      {
        contact: '+351912345678',
        id: `did:web:${host}:user:2`,
        link: expect.stringMatching(/\/link\//),
      },
    ])
    const outbox = await fetch(`${t.url}/_sandbox/outbox?contact=%2B351912345678`).then((r) =>
      r.json(),
    )
    expect(outbox.data).toHaveLength(1)
    expect(outbox.data[0]).toMatchObject({
      channel: 'sms',
      status: 'sent',
      link: subjects[1].link,
      requestId: id,
    })
    expect(outbox.data[0].code).toMatch(/^\d{6}$/)
  })

  it('gives the same contact the same user DID across requests', async () => {
    const first = await t.api('POST', '/request', { body: requestBody() })
    const second = await t.api('POST', '/request', { body: requestBody() })
    expect(second.json.subjects[0].id).toBe(first.json.subjects[0].id)
    expect(second.json.subjects[0].link).not.toBe(first.json.subjects[0].link)
  })

  it('stores a valid pubKey and refuses an invalid one', async () => {
    const { publicKey } = await generateHostKeyPair()
    expect(
      (await t.api('POST', '/request', { body: requestBody({ pubKey: publicKey }) })).status,
    ).toBe(200)
    const bad = await t.api('POST', '/request', {
      body: requestBody({ pubKey: publicKey.slice(0, -8) }),
    })
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(/^pubKey: .*SPKI/)
  })

  it.each([
    ['contacts missing', { contacts: undefined }, /^contacts: /],
    ['no contacts', { contacts: [] }, /^contacts: must list at least 1 contact/],
    [
      '101 contacts',
      { contacts: Array.from({ length: 101 }, (_, i) => `u${i}@x.io`) },
      /^contacts: must list at most 100/,
    ],
    [
      'a bad contact',
      { contacts: ['ana@example.com', '912345678'] },
      /^contacts\[1\]: must be an email address or an E\.164/,
    ],
    ['a repeated contact', { contacts: ['a@x.io', 'A@x.io'] }, /^contacts: must not repeat/],
    ['no credentials', { credentials: undefined }, /^credentials: is required/],
    [
      '11 credentials',
      { credentials: Array.from({ length: 11 }, () => ({ type: 'JSON', name: 'x' })) },
      /^credentials: must list at most 10/,
    ],
    [
      'a bad credential type',
      { credentials: [{ type: 'PHOTO', name: 'x' }] },
      /^credentials\[0\]\.type: /,
    ],
    [
      'a credential without a name',
      { credentials: [{ type: 'FORM' }] },
      /^credentials\[0\]\.name: /,
    ],
    [
      'a blank credential name',
      { credentials: [{ type: 'FORM', name: '   ' }] },
      /^credentials\[0\]\.name: must not be empty/,
    ],
    [
      'validUntil in the past',
      { credentials: [{ type: 'FORM', name: 'x', validUntil: '2001-01-01T00:00:00Z' }] },
      /^credentials\[0\]\.validUntil: must be in the future/,
    ],
    ['a bad securityLevel', { securityLevel: 'HIGH' }, /^securityLevel: /],
    ['a bad language', { language: 'en' }, /^language: must be a three-letter code/],
    [
      'a bad redirectUrl',
      { redirectUrl: 'javascript:alert(1)' },
      /^redirectUrl: must be an http\(s\) URL/,
    ],
    ['a bad DID', { authorizedDIDs: ['bank'] }, /^authorizedDIDs\[0\]: must be a DID/],
    ['an unknown field', { contact: 'a@x.io' }, /^body: Unrecognized key: "contact"/],
  ])('answers 400 naming the field for %s', async (_name, change, message) => {
    const res = await t.api('POST', '/request', { body: { ...requestBody(), ...change } })
    expect(res.status).toBe(400)
    expect(res.json).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(message),
    })
  })

  it('allows an identity-only request for KYC levels', async () => {
    const res = await t.api('POST', '/request', {
      body: requestBody({ credentials: undefined, securityLevel: 'HUMANOS_KYC' }),
    })
    expect(res.status).toBe(200)
    expect(res.json.credentials).toEqual([])
  })

  it.each([
    ['not JSON', '{"contacts": [', /not valid JSON/],
    ['an array', '[]', /^body: /],
    ['null', 'null', /^body: /],
    [
      'nested 40 deep',
      `{"contacts":["a@x.io"],"credentials":[{"type":"JSON","name":"x","data":${'['.repeat(40)}${']'.repeat(40)}}]}`,
      /nested deeper than 32/,
    ],
  ])('answers 400, never 500, for a body that is %s', async (_name, body, message) => {
    const res = await t.api('POST', '/request', { body })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(message)
    expect(res.text).not.toMatch(/at .*\.ts/)
  })

  it('answers 413 for a body above the size limit', async () => {
    const big = requestBody({
      credentials: [{ type: 'JSON', name: 'x', data: 'x'.repeat(70 * 1024) }],
    })
    const res = await t.api('POST', '/request', { body: big })
    expect(res.status).toBe(413)
    expect(res.json).toMatchObject({ statusCode: 413, error: 'Payload Too Large' })
  })
})

describe('GET /request', () => {
  async function createMany(n: number) {
    for (let i = 0; i < n; i++) {
      const internalId = i % 2 === 0 ? 'even' : `odd-${i}`
      await t.api('POST', '/request', {
        body: requestBody({ name: `Request ${i}`, internalId, contacts: [`user${i}@example.com`] }),
      })
    }
  }

  it('pages newest first with totalPages, default size 10', async () => {
    await createMany(12)
    const first = await t.api('GET', '/request')
    expect(first.json.totalPages).toBe(2)
    expect(first.json.data).toHaveLength(10)
    expect(first.json.data[0].name).toBe('Request 11')
    const second = await t.api('GET', '/request?pageIndex=1')
    expect(second.json.data.map((r: { name: string }) => r.name)).toEqual([
      'Request 1',
      'Request 0',
    ])
    const small = await t.api('GET', '/request?pageSize=5&pageIndex=2')
    expect(small.json).toMatchObject({
      totalPages: 3,
      data: [{ name: 'Request 1' }, { name: 'Request 0' }],
    })
    const beyond = await t.api('GET', '/request?pageIndex=9')
    expect(beyond.json).toEqual({ data: [], totalPages: 2 })
  })

  it('filters by internalId and searches names and contacts', async () => {
    await createMany(6)
    expect((await t.api('GET', '/request?internalId=even')).json.data).toHaveLength(3)
    const byName = await t.api('GET', '/request?search=request%205')
    expect(byName.json.data.map((r: { name: string }) => r.name)).toEqual(['Request 5'])
    const byContact = await t.api('GET', '/request?search=user3%40')
    expect(byContact.json.data.map((r: { name: string }) => r.name)).toEqual(['Request 3'])
    expect((await t.api('GET', '/request?search=%25')).json.data).toHaveLength(0)
  })

  it.each(['pageSize=4', 'pageSize=101', 'pageIndex=-1', 'pageSize=ten', 'sort=name'])(
    'answers 400 for %s',
    async (query) => {
      const res = await t.api('GET', `/request?${query}`)
      expect(res.status).toBe(400)
      expect(res.json.message).toMatch(/^(pageSize|pageIndex|query)/)
    },
  )
})

describe('GET, DELETE and resend on /request/:id', () => {
  it('returns the detail with full w3cCredentials, and 404 for an unknown id', async () => {
    const created = await t.api('POST', '/request', { body: requestBody() })
    const detail = await t.api('GET', `/request/${created.json.id}`)
    expect(detail.status).toBe(200)
    expect(detail.json).toMatchObject({
      id: created.json.id,
      status: 'PENDING',
      securityLevel: 'CONTACT',
      language: 'ENG',
    })
    const [credential] = detail.json.credentials
    expect(credential).toMatchObject({
      status: 'DRAFT',
      resourceType: 'CONSENT',
      decisions: [],
      data: { plan: 'basic' },
    })
    expect(credential.w3cCredential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://via.humanos.dev/ns/v1'],
      type: ['VerifiableCredential', 'VIAMandate'],
      proofs: [],
      credentialSubject: {
        // The requesting organization's issuer DID; the grantors are the subjects.
        id: expect.stringMatching(/^did:web:127\.0\.0\.1%3A\d+:issuer:[0-9a-f-]{36}$/),
        mandate: { grantor: [created.json.subjects[0].id], scope: 'humanos.credential.request' },
      },
    })
    // The documented subject fields of the detail.
    expect(detail.json.subjects[0]).toMatchObject({
      contact: 'ana@example.com',
      id: created.json.subjects[0].id,
      identityStatus: 'NONE',
      kyc: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    const missing = await t.api('GET', '/request/000000000000000000000000')
    expect(missing.status).toBe(404)
    expect(missing.json).toMatchObject({ statusCode: 404, error: 'Not Found' })
  })

  it('cancels a request once: its DRAFT credentials become CANCELED', async () => {
    const created = await t.api('POST', '/request', { body: requestBody() })
    const canceled = await t.api('DELETE', `/request/${created.json.id}`)
    expect(canceled.json).toEqual({ success: true })
    const detail = await t.api('GET', `/request/${created.json.id}`)
    expect(detail.json.status).toBe('CANCELED')
    expect(detail.json.credentials[0].status).toBe('CANCELED')
    expect((await t.api('DELETE', `/request/${created.json.id}`)).status).toBe(409)
    expect((await t.api('DELETE', '/request/nope')).status).toBe(404)
  })

  it('answers unknown routes with the spec error body', async () => {
    const res = await fetch(`${t.url}/nothing/here`)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      statusCode: 404,
      message: 'Cannot GET /nothing/here',
      error: 'Not Found',
    })
  })
})
