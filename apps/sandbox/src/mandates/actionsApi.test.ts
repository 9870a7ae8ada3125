import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import vectors from '../testing/specVectors.json'
import {
  approvedMandate,
  mandateRequest,
  publishedAction,
  sandboxCall,
} from '../testing/mandateFixtures.js'
import { groceriesAction, groceriesLimits } from '@humanos-link/test-kit'
import { signedClient } from '@humanos-link/test-kit/node'
import { startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

let t: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox()
})
afterAll(() => t.close())

async function otherOrganization() {
  const res = await sandboxCall(t, 'POST', '/_sandbox/organizations', { name: 'Other shop' })
  expect(res.status).toBe(201)
  const org = res.json as { apiKey: string; signatureSecret: string }
  return {
    apiKey: org.apiKey,
    api: signedClient(t.url, { apiKey: org.apiKey, secret: org.signatureSecret }),
  }
}

describe('authoring actions', () => {
  it('creates an action with a URN, a 24-hex actionId and the content digest', async () => {
    const res = await sandboxCall(t, 'POST', '/_sandbox/actions', {
      content: vectors.actionDigest.content,
      publish: true,
    })
    expect(res.status).toBe(201)
    expect(res.json).toEqual({
      id: expect.stringMatching(/^urn:via:action:[0-9a-f-]{36}$/),
      actionId: expect.stringMatching(/^[0-9a-f]{24}$/),
      version: 1,
      published: true,
      digestSRI: vectors.actionDigest.digestSRI,
    })
  })

  it('refuses a rule that does not compile with a 400 naming the rule', async () => {
    const content = {
      ...groceriesAction,
      rules: [
        groceriesAction.rules[0],
        { name: 'typo', expression: 'executionParams.amout <= 10' },
      ],
    }
    const res = await sandboxCall(t, 'POST', '/_sandbox/actions', { content })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/^content\.rules\[1\] "typo": .*amout/)
    expect(res.json).toMatchObject({ statusCode: 400, error: 'Bad Request' })
  })

  it('refuses content of the wrong shape, naming the field', async () => {
    const res = await sandboxCall(t, 'POST', '/_sandbox/actions', {
      content: { ...groceriesAction, userParams: { maxAmount: { type: 'money' } } },
    })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/^content\.userParams\.maxAmount\.type: must be one of/)
  })

  it('never shows drafts, and shows a version once published', async () => {
    const draft = await sandboxCall(t, 'POST', '/_sandbox/actions', {
      content: { ...groceriesAction, name: 'Draft only' },
    })
    expect(draft.json.published).toBe(false)
    const listed = await t.api('GET', '/actions?search=Draft%20only')
    expect(listed.json).toEqual({ data: [], totalPages: 0 })
    expect((await t.api('GET', `/actions/version/${draft.json.id}`)).status).toBe(404)

    const published = await sandboxCall(
      t,
      'POST',
      `/_sandbox/actions/${draft.json.actionId}/versions/1/publish`,
      {},
    )
    expect(published.status).toBe(200)
    const after = await t.api('GET', '/actions?search=Draft%20only')
    expect(after.json.data).toEqual([
      {
        id: draft.json.id,
        actionId: draft.json.actionId,
        name: 'Draft only',
        description: groceriesAction.description,
        latestVersion: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ])
  })

  it('keeps a published version immutable and a new draft invisible until published', async () => {
    const action = await publishedAction(t, { ...groceriesAction, name: 'Versioned' })
    const again = await sandboxCall(
      t,
      'POST',
      `/_sandbox/actions/${action.id}/versions/1/publish`,
      {},
    )
    expect(again.status).toBe(409)

    const v2 = await sandboxCall(t, 'POST', `/_sandbox/actions/${action.id}/versions`, {
      content: { ...groceriesAction, name: 'Versioned', description: 'Second' },
    })
    expect(v2.status).toBe(201)
    expect(v2.json).toMatchObject({ version: 2, published: false })
    const before = await t.api('GET', `/actions/version/${action.actionId}`)
    expect(before.json.data.map((v: { version: number }) => v.version)).toEqual([1])

    await sandboxCall(t, 'POST', `/_sandbox/actions/${action.id}/versions/2/publish`, {})
    const after = await t.api('GET', `/actions/version/${action.id}`)
    expect(after.json.data.map((v: { version: number }) => v.version)).toEqual([2, 1])
    const [latest, first] = after.json.data
    expect(first.content.description).toBe(groceriesAction.description)
    expect(latest).toMatchObject({ id: action.id, actionId: action.actionId, published: true })
    expect(latest.digestSRI).toMatch(/^sha256-/)
    expect(latest.digestSRI).not.toBe(first.digestSRI)

    const active = await t.api('GET', `/actions/version/${action.id}?active=true`)
    expect(active.json.data.map((v: { version: number }) => v.version)).toEqual([2])
    const older = await t.api('GET', `/actions/version/${action.id}?active=false`)
    expect(older.json.data.map((v: { version: number }) => v.version)).toEqual([1])
    const found = await t.api('GET', `/actions/version/${action.id}?search=Second`)
    expect(found.json.data.map((v: { version: number }) => v.version)).toEqual([2])
  })

  it('validates the list queries', async () => {
    expect((await t.api('GET', '/actions?pageSize=4')).status).toBe(400)
    expect((await t.api('GET', `/actions?search=${'x'.repeat(101)}`)).status).toBe(400)
    const action = await publishedAction(t)
    const bad = await t.api('GET', `/actions/version/${action.id}?active=yes`)
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(/^active: /)
  })

  it('keeps actions to their organization', async () => {
    const other = await otherOrganization()
    const mine = await publishedAction(t, { ...groceriesAction, name: 'Mine only' })
    expect((await other.api('GET', `/actions/version/${mine.id}`)).status).toBe(404)
    const theirs = await other.api('GET', '/actions?search=Mine%20only')
    expect(theirs.json.data).toEqual([])
    const publish = await sandboxCall(
      t,
      'POST',
      `/_sandbox/actions/${mine.id}/versions/1/publish`,
      {},
      other.apiKey,
    )
    expect(publish.status).toBe(404)
    const request = await other.api('POST', '/request', { body: mandateRequest(mine.id) })
    expect(request.status).toBe(400)
    expect(request.json.message).toMatch(/^credentials\[0\]\.action\.id: /)
  })
})

describe('mandate requests', () => {
  it('pins the latest published version and writes the action and values into the credential', async () => {
    const action = await publishedAction(t)
    await sandboxCall(t, 'POST', `/_sandbox/actions/${action.id}/versions`, {
      content: { ...groceriesAction, description: 'draft, not pinned' },
    })
    const { credentialId } = await approvedMandate(t, mandateRequest(action.id))
    const res = await t.api('GET', `/credential/${credentialId}`)
    expect(res.json.status).toBe('ACTIVE')
    const mandate = res.json.w3cCredential.credentialSubject.mandate
    expect(mandate.action).toEqual({ id: action.id, version: 1, digestSRI: action.digestSRI })
    expect(mandate.userParams).toEqual(groceriesLimits)
    expect(mandate.scope).toBe('agent.execute')
  })

  it('answers 400 naming the parameter and what was wrong', async () => {
    const action = await publishedAction(t)
    const send = (userParams: unknown, type = 'POLICY') =>
      t.api('POST', '/request', { body: mandateRequest(action.id, userParams, { type }) })
    const wrongType = await send({ ...groceriesLimits, maxAmount: '50' })
    expect(wrongType.status).toBe(400)
    expect(wrongType.json.message).toBe(
      'credentials[0].action.userParams.maxAmount: must be a number (number)',
    )
    const missing = await send({ maxAmount: 50 })
    expect(missing.json.message).toBe(
      'credentials[0].action.userParams.allowedCategories: is required (array<string>)',
    )
    const extra = await send({ ...groceriesLimits, tip: 5 })
    expect(extra.json.message).toMatch(
      /^credentials\[0\]\.action\.userParams\.tip: is not a parameter/,
    )
    const notPolicy = await send(groceriesLimits, 'CONSENT')
    expect(notPolicy.status).toBe(400)
    expect(notPolicy.json.message).toMatch(/^credentials\[0\]\.action: .*POLICY/)
    const unknown = await t.api('POST', '/request', {
      body: mandateRequest('urn:via:action:00000000-0000-4000-8000-000000000000'),
    })
    expect(unknown.json.message).toMatch(/^credentials\[0\]\.action\.id: no action/)
  })

  it('refuses an action that has no published version', async () => {
    const draft = await sandboxCall(t, 'POST', '/_sandbox/actions', { content: groceriesAction })
    const res = await t.api('POST', '/request', { body: mandateRequest(draft.json.id) })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/has no published version/)
  })

  it('cannot delete an action a mandate references', async () => {
    const action = await publishedAction(t)
    await approvedMandate(t, mandateRequest(action.id))
    const refused = await sandboxCall(t, 'DELETE', `/_sandbox/actions/${action.id}`)
    expect(refused.status).toBe(409)
    expect(refused.json.message).toMatch(/referenced by 1 mandate/)
    const unused = await publishedAction(t)
    expect((await sandboxCall(t, 'DELETE', `/_sandbox/actions/${unused.id}`)).status).toBe(200)
    expect((await t.api('GET', `/actions/version/${unused.id}`)).status).toBe(404)
  })
})
