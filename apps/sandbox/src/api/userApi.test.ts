import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

let t: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox()
})
afterAll(() => t.close())

describe('POST /user', () => {
  it('answers one { status, message, user? } per item, in order', async () => {
    const res = await t.api('POST', '/user', {
      body: [
        { contact: 'Ana@Example.com', internalId: 'crm-1', extraContacts: ['+351912345678'] },
        { contact: 'ana@example.com' },
        { contact: 'not a contact' },
        { contact: 'bo@example.com', identity: { documentNumber: 'X1' } },
      ],
    })
    expect(res.status).toBe(200)
    expect(res.json).toEqual([
      {
        status: 200,
        message: 'Created',
        user: {
          id: expect.stringMatching(/:user:\d+$/),
          contacts: ['ana@example.com', '+351912345678'],
          identityStatus: 'NONE',
          organization: expect.any(String),
          createdAt: expect.any(String),
          internalId: 'crm-1',
        },
      },
      { status: 409, message: 'A user with contact ana@example.com already exists' },
      { status: 400, message: expect.stringMatching(/^contact: must be an email address/) },
      { status: 200, message: 'Created', user: expect.objectContaining({ identityStatus: 'KYC' }) },
    ])
  })

  it('refuses a body that is not a list of 1-100 users', async () => {
    expect((await t.api('POST', '/user', { body: { contact: 'a@b.co' } })).status).toBe(400)
    expect((await t.api('POST', '/user', { body: [] })).status).toBe(400)
  })
})

describe('GET /user', () => {
  it('finds one user by exactly one of contact, id, internalId', async () => {
    const [made] = (
      await t.api('POST', '/user', {
        body: [
          { contact: 'cy@example.com', internalId: 'crm-3', extraContacts: ['cy@work.example'] },
        ],
      })
    ).json
    const user = made.user
    for (const query of [
      'contact=cy%40example.com',
      'contact=CY%40work.example',
      `id=${encodeURIComponent(user.id)}`,
      'internalId=crm-3',
    ]) {
      const res = await t.api('GET', `/user?${query}`)
      expect(res.status, query).toBe(200)
      expect(res.json).toEqual(user)
    }
    expect((await t.api('GET', '/user')).status).toBe(400)
    expect((await t.api('GET', '/user?contact=cy%40example.com&internalId=crm-3')).status).toBe(400)
    expect((await t.api('GET', '/user?internalId=nobody')).status).toBe(404)
  })

  it('is the same user a request names, and another organization does not see it', async () => {
    const created = await t.api('POST', '/request', {
      body: requestBody({ contacts: ['dee@example.com'] }),
    })
    const found = await t.api('GET', '/user?contact=dee%40example.com')
    expect(found.json.id).toBe(created.json.subjects[0].id)
    const other = await t.addOrganization()
    expect((await other.api('GET', '/user?contact=dee%40example.com')).status).toBe(404)
    expect((await other.api('GET', `/user?id=${encodeURIComponent(found.json.id)}`)).status).toBe(
      404,
    )
    // The same contact is a different user in the other organization.
    const theirs = await other.api('POST', '/request', {
      body: requestBody({ contacts: ['dee@example.com'] }),
    })
    expect(theirs.json.subjects[0].id).not.toBe(found.json.id)
  })
})
