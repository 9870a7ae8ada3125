// Shapes and behaviours where the sandbox once differed from humanos-api.md; each test fails on
// the old behaviour.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

let t: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox({ rateLimitPerMinute: 1000, otpResendCooldownMs: 0 })
})
afterAll(() => t.close())

const sessionOf = (link: string) => new URL(link).pathname.split('/').pop() ?? ''

describe('subjects[].code', () => {
  it('is answered only when the organization delivers codes itself (otpDelivery none)', async () => {
    const own = await t.api('POST', '/request', { body: requestBody() })
    expect(own.json.subjects[0]).not.toHaveProperty('code')
    const selfDelivering = await t.addOrganization({ otpDelivery: 'none' })
    const created = await selfDelivering.api('POST', '/request', {
      body: requestBody({ contacts: ['ana@example.com', 'bo@example.com'] }),
    })
    expect(created.status).toBe(200)
    expect(created.json.subjects).toEqual([
      {
        contact: 'ana@example.com',
        id: expect.any(String),
        code: expect.stringMatching(/^\d{6}$/),
        link: expect.any(String),
      },
      {
        contact: 'bo@example.com',
        id: expect.any(String),
        code: expect.stringMatching(/^\d{6}$/),
        link: expect.any(String),
      },
    ])
    // Nothing was "sent": the organization delivers the code.
    expect((await selfDelivering.get('/_sandbox/outbox')).json.data).toEqual([])
    // A resend hands the new code to the organization too.
    const resent = await selfDelivering.api(
      'PATCH',
      `/request/resend/${created.json.id}?contact=ana%40example.com`,
    )
    expect(resent.json).toEqual({ success: true, code: expect.stringMatching(/^\d{6}$/) })
  })
})

describe('GET /request filters', () => {
  it('filters by subject[contact], subject[id] and subject[internalId]', async () => {
    const org = await t.addOrganization()
    await org.api('POST', '/user', { body: [{ contact: 'cy@example.com', internalId: 'crm-9' }] })
    const first = await org.api('POST', '/request', {
      body: requestBody({ contacts: ['ana@example.com'] }),
    })
    const second = await org.api('POST', '/request', {
      body: requestBody({ contacts: ['bo@example.com', 'cy@example.com'] }),
    })
    const ids = async (query: string) =>
      (await org.api('GET', `/request?${query}`)).json.data.map((r: { id: string }) => r.id)
    expect(await ids('subject[contact]=ANA%40example.com')).toEqual([first.json.id])
    expect(await ids(`subject[id]=${encodeURIComponent(second.json.subjects[0].id)}`)).toEqual([
      second.json.id,
    ])
    expect(await ids('subject[internalId]=crm-9')).toEqual([second.json.id])
    expect(await ids('subject[internalId]=nobody')).toEqual([])
    expect((await org.api('GET', '/request?subject[id]=not-a-did')).status).toBe(400)
  })

  it('limits search to 100 characters', async () => {
    expect((await t.api('GET', `/request?search=${'a'.repeat(100)}`)).status).toBe(200)
    const long = await t.api('GET', `/request?search=${'a'.repeat(101)}`)
    expect(long.status).toBe(400)
    expect(long.json.message).toBe('search: must be at most 100 characters')
  })
})

describe('evidence entries', () => {
  it('are { id, digestSRI, location }, and the location serves exactly the hashed bytes', async () => {
    const created = await t.api('POST', '/request', { body: requestBody() })
    await t.post(`/_sandbox/sessions/${sessionOf(created.json.subjects[0].link)}/decide`, {
      action: 'accept',
    })
    const credential = await t.api('GET', `/credential/${created.json.credentials[0].id}`)
    const { evidences } = credential.json.w3cCredential
    const org = await fetch(`${t.url}/_sandbox/organization`).then((r) => r.json())
    expect(evidences).toHaveLength(2) // the content, then the grantor's acceptance
    for (const entry of evidences) {
      expect(Object.keys(entry).sort()).toEqual(['digestSRI', 'id', 'location'])
      expect(entry.id).toMatch(new RegExp(`^${org.issuerDid}:evidence:[0-9a-f-]{36}$`))
      const path = new URL(entry.location).pathname
      expect(path).toMatch(/^\/evidences\/[0-9a-f-]{36}$/)
      const served = await t.api('GET', path)
      expect(served.status).toBe(200)
      const digest = `sha256-${createHash('sha256').update(served.text, 'utf8').digest('base64')}`
      expect(digest).toBe(entry.digestSRI)
    }
    const content = JSON.parse((await t.api('GET', new URL(evidences[0].location).pathname)).text)
    expect(content).toMatchObject({
      type: 'CONSENT',
      name: 'Share my profile',
      data: { plan: 'basic' },
    })
    // Another organization cannot read them.
    const other = await t.addOrganization()
    expect((await other.api('GET', new URL(evidences[0].location).pathname)).status).toBe(404)
  })
})

describe('the credential webhook', () => {
  it('carries description, internalId and tags', async () => {
    const created = await t.api('POST', '/request', {
      body: requestBody({
        credentials: [
          {
            type: 'CONSENT',
            name: 'Terms',
            description: 'The terms of use',
            internalId: 'terms-v2',
          },
        ],
      }),
    })
    const decided = await t.post(
      `/_sandbox/sessions/${sessionOf(created.json.subjects[0].link)}/decide`,
      {
        action: 'accept',
      },
    )
    expect(decided.json.events[0].credential).toMatchObject({
      description: 'The terms of use',
      internalId: 'terms-v2',
      tags: [],
    })
    const log = await fetch(`${t.url}/_sandbox/webhooks`).then((r) => r.json())
    const event = log.data.find(
      (d: { event: { requestId: string } }) => d.event.requestId === created.json.id,
    ).event
    expect(event.credential).toMatchObject({
      description: 'The terms of use',
      internalId: 'terms-v2',
      tags: [],
    })
  })
})
