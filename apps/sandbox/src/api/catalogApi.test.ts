import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import type { TestOrganization, TestSandbox } from '../testing/testSandbox.js'

let t: TestSandbox
let org: TestOrganization

beforeAll(async () => {
  t = await startTestSandbox({ rateLimitPerMinute: 1000 })
  org = await t.addOrganization()
})
afterAll(() => t.close())

const author = (path: string, body: unknown, apiKey = org.apiKey) => t.post(path, body, apiKey)

describe('approvals and workflows', () => {
  it('are authored through /_sandbox, listed by GET /approvals and GET /workflows, and feed POST /request', async () => {
    const terms = await author('/_sandbox/approvals', {
      type: 'DOCUMENT',
      name: 'Terms of service',
      content: { url: 'https://example.com/terms.pdf' },
      internalId: 'terms-v3',
    })
    expect(terms.status).toBe(201)
    expect(terms.json).toEqual({
      id: expect.any(String),
      type: 'DOCUMENT',
      name: 'Terms of service',
      active: true,
      internalId: 'terms-v3',
      groupIds: [],
      content: { url: 'https://example.com/terms.pdf' },
      updatedAt: expect.any(String),
    })
    const privacy = (await author('/_sandbox/approvals', { type: 'CONSENT', name: 'Privacy' })).json
    const old = (
      await author('/_sandbox/approvals', { type: 'FORM', name: 'Old form', active: false })
    ).json
    const onboarding = await author('/_sandbox/workflows', {
      name: 'Onboarding',
      approvalIds: [terms.json.id, privacy.id],
    })
    expect(onboarding.status).toBe(201)
    expect(onboarding.json.approvals.map((a: { name: string }) => a.name)).toEqual([
      'Terms of service',
      'Privacy',
    ])

    const listed = await org.api('GET', '/approvals?pageSize=5')
    expect(listed.json.totalPages).toBe(1)
    expect(listed.json.data.map((a: { name: string }) => a.name)).toEqual([
      'Old form',
      'Privacy',
      'Terms of service',
    ])
    expect(listed.json.data[2].groupIds).toEqual([onboarding.json.id])
    const active = await org.api('GET', '/approvals?active=true&types=DOCUMENT,FORM')
    expect(active.json.data.map((a: { name: string }) => a.name)).toEqual(['Terms of service'])
    expect((await org.api('GET', '/approvals?search=privacy')).json.data).toHaveLength(1)
    expect((await org.api('GET', '/approvals?types=VIDEO')).status).toBe(400)
    const workflows = await org.api('GET', '/workflows')
    expect(workflows.json.data).toEqual([onboarding.json])

    // resourcesIds and groupIds expand to credentials, each approval once.
    const created = await org.api('POST', '/request', {
      body: {
        contacts: ['ana@example.com'],
        resourcesIds: [privacy.id],
        groupIds: [onboarding.json.id],
      },
    })
    expect(created.status).toBe(200)
    expect(created.json.credentials.map((c: { name: string }) => c.name)).toEqual([
      'Privacy',
      'Terms of service',
    ])
    const detail = await org.api('GET', `/request/${created.json.id}`)
    expect(detail.json.credentials[1]).toMatchObject({
      resourceType: 'DOCUMENT',
      internalId: 'terms-v3',
      data: { url: 'https://example.com/terms.pdf' },
    })

    const inactive = await org.api('POST', '/request', {
      body: { contacts: ['ana@example.com'], resourcesIds: [old.id] },
    })
    expect(inactive.status).toBe(400)
    expect(inactive.json.message).toContain('resourcesIds[0]: approval is inactive')
  })

  it('are per organization: another organization neither lists nor uses them', async () => {
    const mine = (await author('/_sandbox/approvals', { type: 'CONSENT', name: 'Mine only' })).json
    const flow = (await author('/_sandbox/workflows', { name: 'Mine', approvalIds: [mine.id] }))
      .json
    expect(JSON.stringify((await t.api('GET', '/approvals')).json)).not.toContain('Mine only')
    expect((await t.api('GET', '/workflows')).json.data).toEqual([])
    for (const body of [{ resourcesIds: [mine.id] }, { groupIds: [flow.id] }]) {
      const res = await t.api('POST', '/request', {
        body: { contacts: ['ana@example.com'], ...body },
      })
      expect(res.status).toBe(400)
      expect(res.json.message).toContain('no ')
      expect(res.json.message).not.toContain('Mine only')
    }
    const crossed = await author(
      '/_sandbox/workflows',
      { name: 'Stolen', approvalIds: [mine.id] },
      'sandbox-api-key',
    )
    expect(crossed.status).toBe(400)
  })
})

describe('the full POST /request body', () => {
  it('takes placements on a DOCUMENT and expectedDocIds, and shows them back', async () => {
    const created = await t.api('POST', '/request', {
      body: requestBody({
        contacts: ['ana@example.com'],
        credentials: [
          {
            type: 'DOCUMENT',
            name: 'Contract',
            placements: [
              {
                contact: 'ana@example.com',
                type: 'SIGNATURE',
                x: 10,
                y: 20,
                width: 100,
                height: 30,
                pageIndex: 0,
              },
            ],
          },
        ],
        expectedDocIds: [{ contact: 'ana@example.com', docId: '12345678' }],
      }),
    })
    expect(created.status).toBe(200)
    const detail = await t.api('GET', `/request/${created.json.id}`)
    expect(detail.json.expectedDocIds).toEqual([{ contact: 'ana@example.com', docId: '12345678' }])
    const consentWithBoxes = await t.api('POST', '/request', {
      body: requestBody({
        credentials: [
          {
            type: 'CONSENT',
            name: 'x',
            placements: [
              {
                contact: 'ana@example.com',
                type: 'S',
                x: 0,
                y: 0,
                width: 1,
                height: 1,
                pageIndex: 0,
              },
            ],
          },
        ],
      }),
    })
    expect(consentWithBoxes.status).toBe(400)
    expect(consentWithBoxes.json.message).toContain(
      'credentials[0].placements: are signature boxes',
    )
    const stranger = await t.api('POST', '/request', {
      body: requestBody({ expectedDocIds: [{ contact: 'eve@example.com', docId: '1' }] }),
    })
    expect(stranger.status).toBe(400)
    expect(stranger.json.message).toBe('expectedDocIds[0].contact: must be one of contacts')
  })
})

describe('GET /did/:did', () => {
  it("resolves the platform, its key, issuers, the caller's users and credentials; 404 otherwise", async () => {
    const created = await t.api('POST', '/request', { body: requestBody() })
    const session = new URL(created.json.subjects[0].link).pathname.split('/').pop()
    await t.post(`/_sandbox/sessions/${session}/decide`, { action: 'accept' })
    const credential = (await t.api('GET', `/credential/${created.json.credentials[0].id}`)).json
    const platform: string = credential.w3cCredential.issuer
    const keyDid = String(credential.w3cCredential.proofs[0].verificationMethod).split('#')[0]!
    const resolve = (did: string, as = t.api) => as('GET', `/did/${encodeURIComponent(did)}`)

    expect((await resolve(platform)).json.id).toBe(platform)
    const key = (await resolve(keyDid)).json
    expect(key.verificationMethod[0].id).toBe(`${keyDid}#key-1`)
    expect(key.verificationMethod[0].publicKeyMultibase).toMatch(/^z6Mk/)
    const issuerDid = credential.w3cCredential.credentialSubject.id
    expect((await resolve(issuerDid)).json).toMatchObject({ id: issuerDid, controller: platform })
    expect((await resolve(org.issuerDid, org.api)).json.id).toBe(org.issuerDid)
    const userDid = created.json.subjects[0].id
    expect((await resolve(userDid)).json.id).toBe(userDid)
    const credentialDid = `${platform}:credential:${credential.id.split(':').pop()}`
    expect((await resolve(credentialDid)).json).toMatchObject({
      id: credentialDid,
      controller: issuerDid,
    })

    // Another organization's user and credential DIDs are not found; unknown DIDs neither.
    expect((await resolve(userDid, org.api)).status).toBe(404)
    expect((await resolve(credentialDid, org.api)).status).toBe(404)
    for (const unknown of [
      `${platform}:user:999999`,
      `${platform}:issuer:00000000-0000-4000-8000-000000000000`,
      'did:web:example.com',
    ]) {
      expect((await resolve(unknown)).status, unknown).toBe(404)
    }
    expect(
      (await t.api('GET', `/did/${encodeURIComponent(platform)}`, { unsigned: true })).status,
    ).toBe(401)
  })
})
