// Every input the BFF takes is checked; a bad one is a 4xx that names the field and the reason,
// never a 500 and never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorBody } from '../shared/apiTypes.js'
import { TEST_ORIGIN, startDemoStack } from './testing/demoStack.js'
import type { DemoStack } from './testing/demoStack.js'

let stack: DemoStack

beforeAll(async () => {
  stack = await startDemoStack({ webhooks: false, bff: { createLimitPerMinute: 1000 } })
})
afterAll(() => stack.close())

const valid = { contacts: ['ana@example.com'], credentialName: 'Share my profile' }

const cases: Array<[string, unknown, string, RegExp]> = [
  ['no contacts', { credentialName: 'x' }, 'contacts', /required/],
  ['contacts not a list', { ...valid, contacts: 'ana@example.com' }, 'contacts', /list/],
  ['an empty list', { ...valid, contacts: [] }, 'contacts', /at least 1/],
  [
    'too many contacts',
    { ...valid, contacts: Array.from({ length: 11 }, (_, i) => `a${i}@x.io`) },
    'contacts',
    /at most 10/,
  ],
  [
    'a bad contact',
    { ...valid, contacts: ['ana@example.com', 'not-a-contact'] },
    'contacts[1]',
    /email address or an E\.164/,
  ],
  [
    'a repeated contact',
    { ...valid, contacts: ['ana@example.com', 'ANA@example.com'] },
    'contacts[1]',
    /twice/,
  ],
  [
    'a chosen contact not listed',
    { ...valid, contact: 'bob@example.com' },
    'contact',
    /one of contacts/,
  ],
  ['no credential name', { contacts: ['ana@example.com'] }, 'credentialName', /required/],
  ['a blank credential name', { ...valid, credentialName: '   ' }, 'credentialName', /required/],
  [
    'a long credential name',
    { ...valid, credentialName: 'x'.repeat(201) },
    'credentialName',
    /at most 200/,
  ],
  [
    'a number as description',
    { ...valid, credentialDescription: 5 },
    'credentialDescription',
    /string/,
  ],
  [
    'an unknown security level',
    { ...valid, securityLevel: 'TOP' },
    'securityLevel',
    /CONTACT, ORGANIZATION_KYC/,
  ],
  ['an unknown field', { ...valid, apiKey: 'x' }, 'apiKey', /not a known field/],
  ['an array body', [valid], 'body', /JSON object/],
  ['null', null, 'body', /JSON object/],
]

describe('POST /api/requests validation', () => {
  it.each(cases)('%s is a 400 naming the field', async (_name, input, field, reason) => {
    const answer = await stack.call('POST', '/api/requests', input)
    expect(answer.status).toBe(400)
    const body = answer.json as ErrorBody
    expect(body.error).toBe('invalid_request')
    expect(body.field).toBe(field)
    expect(body.reason).toMatch(reason)
    expect(body.message).toContain(field)
  })

  it('refuses bodies that are not JSON, not UTF-8, empty or too deep', async () => {
    const notJson = await stack.call('POST', '/api/requests', '{"contacts": [')
    expect(notJson.json).toMatchObject({
      error: 'invalid_request',
      field: 'body',
      reason: 'is not valid JSON',
    })
    const empty = await stack.call('POST', '/api/requests', '')
    expect(empty.status).toBe(400)
    expect(empty.json).toMatchObject({ field: 'body', reason: 'is required' })
    const noType = await stack.call('POST', '/api/requests')
    expect(noType.status).toBe(415)
    const deep = await stack.call('POST', '/api/requests', `${'['.repeat(40)}${']'.repeat(40)}`)
    expect(deep.status).toBe(400)
    expect(deep.json).toMatchObject({ field: 'body', reason: 'is nested deeper than 16 levels' })
    const latin1 = await fetch(`${stack.bffUrl}/api/requests`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: TEST_ORIGIN,
        'x-requested-by': 'humanos-demo',
      },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    })
    expect(latin1.status).toBe(400)
  })

  it('asks for JSON (415) and caps the body size (413)', async () => {
    const form = await stack.call('POST', '/api/requests', 'contacts=a', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(form.status).toBe(415)
    expect(form.json).toMatchObject({ error: 'unsupported_media_type' })
    const huge = await stack.call('POST', '/api/requests', {
      ...valid,
      credentialDescription: 'x'.repeat(70_000),
    })
    expect(huge.status).toBe(413)
    expect(huge.json).toMatchObject({ error: 'payload_too_large' })
    // The webhook receiver has the same caps.
    const hugeHook = await stack.call('POST', '/webhooks/humanos', 'x'.repeat(70_000))
    expect(hugeHook.status).toBe(413)
    const deepHook = await stack.call(
      'POST',
      '/webhooks/humanos',
      `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`,
    )
    expect(deepHook.status).toBe(400)
    expect(deepHook.json).toMatchObject({
      field: 'body',
      reason: 'is nested deeper than 16 levels',
    })
  })

  it('answers an unknown route or method with a JSON 404', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing'],
      ['DELETE', '/api/requests'],
      ['GET', '/webhooks/humanos'],
    ] as const) {
      const answer = await stack.call(method, path)
      expect(answer.status).toBe(404)
      expect(answer.json).toMatchObject({ error: 'not_found' })
    }
  })
})

describe('POST /api/attestations validation', () => {
  const attestationCases: Array<[string, unknown, string, RegExp]> = [
    ['no attestation', {}, 'attestation', /required/],
    ['a number', { attestation: 1 }, 'attestation', /string/],
    ['not a JWS', { attestation: 'hello' }, 'attestation', /compact JWS/],
    ['an unknown field', { attestation: 'a.b.c', extra: 1 }, 'extra', /not a known field/],
  ]
  it.each(attestationCases)('%s is a 400 naming the field', async (_name, input, field, reason) => {
    const answer = await stack.call('POST', '/api/attestations', input)
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: 'invalid_request', field })
    expect((answer.json as ErrorBody).reason).toMatch(reason)
  })

  it('refuses a well-formed token that does not verify with 422 and the reason', async () => {
    const forged = ['eyJhbGciOiJFUzI1NiIsImtpZCI6IngifQ', 'eyJzdWIiOiJ4In0', 'c2ln'].join('.')
    const answer = await stack.call('POST', '/api/attestations', { attestation: forged })
    expect(answer.status).toBe(422)
    expect(answer.json).toMatchObject({ error: 'invalid_attestation', field: 'attestation' })
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client created too many requests', async () => {
    const limited = await startDemoStack({ webhooks: false, bff: { createLimitPerMinute: 2 } })
    try {
      const statuses: number[] = []
      let retryAfter: string | null = null
      for (let i = 0; i < 3; i++) {
        const answer = await limited.call('POST', '/api/requests', valid)
        statuses.push(answer.status)
        retryAfter = answer.headers.get('retry-after')
        if (answer.status === 429) expect(answer.json).toMatchObject({ error: 'rate_limited' })
      }
      expect(statuses).toEqual([201, 201, 429])
      expect(Number(retryAfter)).toBeGreaterThan(0)
      expect(Number(retryAfter)).toBeLessThanOrEqual(60)
      // Reading is not limited.
      expect((await limited.call('GET', '/api/requests')).status).toBe(200)
    } finally {
      await limited.close()
    }
  })

  it('counts invalid attempts too, so a flood of bad bodies is limited as well', async () => {
    const limited = await startDemoStack({ webhooks: false, bff: { createLimitPerMinute: 1 } })
    try {
      expect((await limited.call('POST', '/api/requests', {})).status).toBe(400)
      expect((await limited.call('POST', '/api/requests', valid)).status).toBe(429)
    } finally {
      await limited.close()
    }
  })
})
