import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  approvedMandate,
  mandateRequest,
  presentation,
  publishedAction,
  sandboxCall,
} from '../testing/mandateFixtures.js'
import { groceriesAction, groceriesLimits } from '@humanos-link/test-kit'
import { signedClient } from '@humanos-link/test-kit/node'
import type { CallResult } from '@humanos-link/test-kit/node'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

let t: TestSandbox
let actionId: string

beforeAll(async () => {
  t = await startTestSandbox()
  actionId = (await publishedAction(t)).id
})
afterAll(() => t.close())
afterEach(() => vi.useRealTimers())

const within = { amount: 30, category: 'groceries' }
const verifier = 'did:web:shop.example'

async function mandate(extra = {}) {
  return (await approvedMandate(t, mandateRequest(actionId, groceriesLimits, extra))).credentialId
}

async function verify(body: Record<string, unknown>) {
  return t.api('POST', '/credential/verify', { body })
}

function expectDeny(res: CallResult, reason: string) {
  expect(res.status, JSON.stringify(res.json)).toBe(403)
  expect(res.json).toMatchObject({ statusCode: 403, error: 'Forbidden', decision: 'deny', reason })
  expect(res.json.receipt.id).toMatch(/^urn:via:receipt:[0-9a-f-]{36}$/)
}

describe('POST /credential/vp/:vcId', () => {
  it('issues a presentation of the mandate, signed for authentication, valid 5 minutes', async () => {
    const credentialId = await mandate()
    const res = await t.api('POST', `/credential/vp/${credentialId}`, {
      body: { targetVerifier: verifier },
    })
    expect(res.status).toBe(200)
    const { presentation: vp, receipt } = res.json
    const stored = (await t.api('GET', `/credential/${credentialId}`)).json.w3cCredential
    expect(vp['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://via.humanos.dev/ns/v1',
    ])
    expect(vp.type).toEqual(['VerifiablePresentation'])
    expect(vp.holder).toBe(stored.credentialSubject.id)
    expect(vp.verifiableCredential).toEqual([stored])
    expect(vp.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      proofPurpose: 'authentication',
      verificationMethod: stored.proofs[0].verificationMethod,
      domain: verifier,
      challenge: expect.stringMatching(/^[0-9a-f]{32}$/),
      proofValue: expect.stringMatching(/^z/),
    })
    expect(Date.parse(vp.proof.expires) - Date.parse(vp.proof.created)).toBe(5 * 60_000)
    expect(receipt).toEqual({
      id: expect.stringMatching(/^urn:via:receipt:/),
      timestamp: expect.any(String),
    })
    const unbound = await presentation(t, credentialId)
    expect(unbound.proof.domain).toBeUndefined()
    expect(unbound.proof.challenge).toBeUndefined()
  })

  it('accepts the DID form of the credential id and 404s what the caller does not own', async () => {
    const credentialId = await mandate()
    const health = (await (await fetch(`${t.url}/health`)).json()) as Record<string, string>
    const hostDid = `did:web:${new URL(t.url).host.replace(':', '%3A')}`
    expect(JSON.stringify(health)).toContain(hostDid)
    const uuid = credentialId.split(':').pop()
    const res = await t.api('POST', `/credential/vp/${hostDid}:credential:${uuid}`, { body: {} })
    expect(res.status).toBe(200)
    const unknown = await t.api(
      'POST',
      '/credential/vp/urn:via:credential:00000000-0000-4000-8000-000000000000',
      { body: {} },
    )
    expect(unknown.status).toBe(404)
    const org = await sandboxCall(t, 'POST', '/_sandbox/organizations', { name: 'Other' })
    const other = signedClient(t.url, { apiKey: org.json.apiKey, secret: org.json.signatureSecret })
    expect((await other('POST', `/credential/vp/${credentialId}`, { body: {} })).status).toBe(404)
  })

  it('denies a credential that is not ACTIVE with its reason and a receipt', async () => {
    const created = await t.api('POST', '/request', { body: mandateRequest(actionId) })
    const draft = await t.api('POST', `/credential/vp/${created.json.credentials[0].id}`, {
      body: {},
    })
    expect(draft.status).toBe(403)
    expect(draft.json).toMatchObject({ statusCode: 403, reason: 'credential_not_active' })
    expect(draft.json.receipt.id).toMatch(/^urn:via:receipt:/)

    const revoked = await mandate()
    expect((await t.api('DELETE', `/credential/revoke/${revoked}`)).status).toBe(200)
    const res = await t.api('POST', `/credential/vp/${revoked}`, { body: {} })
    expect(res.json.reason).toBe('credential_revoked')
  })

  it('validates its body', async () => {
    const credentialId = await mandate()
    const res = await t.api('POST', `/credential/vp/${credentialId}`, {
      body: { targetVerifier: 'a b' },
    })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/^targetVerifier: /)
  })
})

describe('POST /credential/verify', () => {
  it('allows an act within the limits, with one evaluation per rule, and keeps the mandate', async () => {
    const credentialId = await mandate()
    const before = (await t.api('GET', `/credential/${credentialId}`)).json
    const vp = await presentation(t, credentialId, { targetVerifier: verifier })
    const res = await verify({
      presentation: vp,
      executionParams: within,
      verifier,
      challenge: vp.proof.challenge,
    })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      decision: 'allow',
      credentialId,
      evaluations: [
        { name: 'within limit', expression: groceriesAction.rules[0]!.expression, result: true },
        {
          name: 'allowed category',
          expression: groceriesAction.rules[1]!.expression,
          result: true,
        },
      ],
      receipt: { id: expect.stringMatching(/^urn:via:receipt:/), timestamp: expect.any(String) },
    })
    expect((await t.api('GET', `/credential/${credentialId}`)).json).toEqual(before)
  })

  it('denies rule_failed over the limit and in a wrong category, naming the failing rule', async () => {
    const credentialId = await mandate()
    const over = await verify({
      presentation: await presentation(t, credentialId),
      executionParams: { amount: 80, category: 'groceries' },
    })
    expectDeny(over, 'rule_failed')
    expect(over.json.evaluations.map((e: { result: boolean }) => e.result)).toEqual([false, true])
    expect(over.json.message).toMatch(/"within limit"/)
    const wrong = await verify({
      presentation: await presentation(t, credentialId),
      executionParams: { amount: 5, category: 'toys' },
    })
    expectDeny(wrong, 'rule_failed')
    expect(wrong.json.evaluations.map((e: { result: boolean }) => e.result)).toEqual([true, false])
  })

  it('denies execution_params_invalid for a missing, extra or mistyped parameter', async () => {
    const vp = await presentation(t, await mandate())
    for (const executionParams of [
      { amount: 5 },
      { ...within, tip: 1 },
      { ...within, amount: '5' },
    ]) {
      const res = await verify({ presentation: vp, executionParams })
      expectDeny(res, 'execution_params_invalid')
      expect(res.json.evaluations).toEqual([])
      expect(res.json.message).toMatch(/^executionParams\.(category|tip|amount): /)
    }
  })

  it('denies presentation_invalid for a changed presentation or proof', async () => {
    const vp = await presentation(t, await mandate())
    const holder = { ...vp, holder: 'did:web:evil.example' }
    expectDeny(
      await verify({ presentation: holder, executionParams: within }),
      'presentation_invalid',
    )
    const purpose = { ...vp, proof: { ...vp.proof, proofPurpose: 'assertionMethod' } }
    expectDeny(
      await verify({ presentation: purpose, executionParams: within }),
      'presentation_invalid',
    )
    const { proof: _proof, ...bare } = vp
    expectDeny(
      await verify({ presentation: bare, executionParams: within }),
      'presentation_invalid',
    )
    const credential = structuredClone(vp)
    credential.verifiableCredential[0].credentialSubject.mandate.userParams.maxAmount = 5000
    expectDeny(
      await verify({ presentation: credential, executionParams: within }),
      'presentation_invalid',
    )
  })

  it('denies presentation_expired 5 minutes after it was issued', async () => {
    const credentialId = await mandate()
    vi.useFakeTimers({ toFake: ['Date'] })
    const vp = await presentation(t, credentialId)
    vi.setSystemTime(Date.parse(vp.proof.expires) - 1000)
    expect((await verify({ presentation: vp, executionParams: within })).status).toBe(200)
    vi.setSystemTime(Date.parse(vp.proof.expires))
    expectDeny(await verify({ presentation: vp, executionParams: within }), 'presentation_expired')
  })

  it("denies credential_invalid for another organization's mandate", async () => {
    const org = await sandboxCall(t, 'POST', '/_sandbox/organizations', { name: 'Elsewhere' })
    const other = signedClient(t.url, { apiKey: org.json.apiKey, secret: org.json.signatureSecret })
    const theirAction = await publishedAction(t, groceriesAction, org.json.apiKey)
    const { credentialId } = await approvedMandate(
      t,
      mandateRequest(theirAction.id),
      other,
      org.json.apiKey,
    )
    const vp = await presentation(t, credentialId, {}, other)
    expect(
      (
        await other('POST', '/credential/verify', {
          body: { presentation: vp, executionParams: within },
        })
      ).status,
    ).toBe(200)
    const res = await verify({ presentation: vp, executionParams: within })
    expectDeny(res, 'credential_invalid')
    expect(res.json.message).not.toContain(credentialId.slice(-12))
  })

  it('denies credential_revoked once the mandate is revoked', async () => {
    const credentialId = await mandate()
    const vp = await presentation(t, credentialId)
    const revoked = await t.api('DELETE', `/credential/revoke/${credentialId}`, {
      body: { reason: 'user_initiated' },
    })
    expect(revoked.status).toBe(200)
    expectDeny(await verify({ presentation: vp, executionParams: within }), 'credential_revoked')
  })

  it('denies credential_expired after validUntil and credential_not_active before validFrom', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = Date.now()
    const expiring = await mandate({ validUntil: new Date(start + 60 * 60_000).toISOString() })
    vi.setSystemTime(start + 58 * 60_000)
    const vp = await presentation(t, expiring)
    vi.setSystemTime(start + 61 * 60_000)
    expectDeny(await verify({ presentation: vp, executionParams: within }), 'credential_expired')

    vi.setSystemTime(start)
    const later = await mandate({ validFrom: new Date(start + 60 * 60_000).toISOString() })
    expect((await t.api('POST', `/credential/vp/${later}`, { body: {} })).json.reason).toBe(
      'credential_not_active',
    )
    vi.setSystemTime(start + 61 * 60_000)
    const early = await presentation(t, later)
    vi.setSystemTime(start + 59 * 60_000)
    expectDeny(
      await verify({ presentation: early, executionParams: within }),
      'credential_not_active',
    )
  })

  it('binds a presentation to its verifier and challenge, and verifies it once', async () => {
    const vp = await presentation(t, await mandate(), { targetVerifier: verifier })
    const { challenge } = vp.proof
    expectDeny(await verify({ presentation: vp, executionParams: within }), 'verifier_mismatch')
    expectDeny(
      await verify({
        presentation: vp,
        executionParams: within,
        verifier: 'did:web:other.example',
        challenge,
      }),
      'verifier_mismatch',
    )
    expectDeny(
      await verify({ presentation: vp, executionParams: within, verifier, challenge: 'nope' }),
      'verifier_mismatch',
    )
    expect(
      (await verify({ presentation: vp, executionParams: within, verifier, challenge })).status,
    ).toBe(200)
    expectDeny(
      await verify({ presentation: vp, executionParams: within, verifier, challenge }),
      'presentation_replayed',
    )
  })

  it('checks only proofs, status and audience for a credential without an action', async () => {
    const { credentialId } = await approvedMandate(t, requestBody())
    const res = await verify({ presentation: await presentation(t, credentialId) })
    expect(res.status).toBe(200)
    expect(res.json.evaluations).toEqual([])
  })

  it('validates its body', async () => {
    const res = await verify({ presentation: 'x' })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/^presentation: /)
    expect((await verify({ presentation: {}, extra: 1 })).status).toBe(400)
  })
})

describe('revocation and receipts', () => {
  it('revokes once with its receipt; a second revoke is a 409', async () => {
    const credentialId = await mandate()
    const res = await t.api('DELETE', `/credential/revoke/${credentialId}`, {
      body: { reason: 'user_initiated' },
    })
    expect(res.json).toEqual({
      credentialId,
      status: 'REVOKED',
      revokedAt: expect.any(String),
      receipt: { id: expect.stringMatching(/^urn:via:receipt:/), timestamp: expect.any(String) },
    })
    expect((await t.api('GET', `/credential/${credentialId}`)).json.status).toBe('REVOKED')
    expect((await t.api('DELETE', `/credential/revoke/${credentialId}`)).status).toBe(409)
    const long = await t.api('DELETE', `/credential/revoke/${await mandate()}`, {
      body: { reason: 'x'.repeat(201) },
    })
    expect(long.status).toBe(400)
    expect(long.json.message).toMatch(/^reason: /)
  })

  it('serves each receipt signed by the platform key, to its organization only', async () => {
    const credentialId = await mandate()
    const vp = await presentation(t, credentialId)
    const allowed = await verify({ presentation: vp, executionParams: within })
    const stored = await t.api('GET', `/receipt/${allowed.json.receipt.id}`)
    expect(stored.status).toBe(200)
    expect(stored.json).toMatchObject({
      id: allowed.json.receipt.id,
      type: 'VP_VERIFIED',
      credentialId,
      timestamp: allowed.json.receipt.timestamp,
      details: { decision: 'allow' },
      proof: {
        cryptosuite: 'eddsa-jcs-2022',
        proofPurpose: 'assertionMethod',
        verificationMethod: vp.proof.verificationMethod,
      },
    })
    const org = await sandboxCall(t, 'POST', '/_sandbox/organizations', { name: 'Nosy' })
    const other = signedClient(t.url, { apiKey: org.json.apiKey, secret: org.json.signatureSecret })
    expect((await other('GET', `/receipt/${allowed.json.receipt.id}`)).status).toBe(404)
  })
})
