// The mandate methods against the real sandbox: the whole agent story, a deny as an answer,
// receipts checked offline, activity over every page.
import { startSandbox } from '@humanos-link/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { groceriesAction, groceriesLimits } from '@humanos-link/test-kit'
import { createHumanosClient } from './createHumanosClient.js'
import type { HumanosClient } from './createHumanosClient.js'
import { HumanosApiError } from './errors.js'
import { ReceiptVerificationError, verifyReceipt } from './verifyReceipt.js'

type Sandbox = Awaited<ReturnType<typeof startSandbox>>

let sandbox: Sandbox
let humanos: HumanosClient
let actionUrn: string

async function sandboxPost(path: string, body: unknown) {
  const res = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBeLessThan(300)
  return (await res.json()) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
}

/** did:web over plain HTTP: the sandbox listens on loopback. */
async function resolveDidWeb(did: string): Promise<unknown> {
  const [host, ...path] = did.slice('did:web:'.length).split(':')
  const url = `http://${decodeURIComponent(host!)}/${path.length ? path.join('/') : '.well-known'}/did.json`
  return (await fetch(url)).json()
}

async function approvedMandate(maxAmount: number) {
  const created = await humanos.createRequest({
    contacts: ['agent-owner@example.com'],
    credentials: [
      {
        type: 'POLICY',
        name: 'Shopping agent',
        scope: 'agent.execute',
        action: { id: actionUrn, userParams: { ...groceriesLimits, maxAmount } },
      },
    ],
  })
  const sessionId = new URL(created.subjects[0]!.link).pathname.split('/').pop()
  await sandboxPost(`/_sandbox/sessions/${sessionId}/decide`, { action: 'accept' })
  return created.credentials[0]!.id
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dataFile: ':memory:', logRequests: false })
  humanos = createHumanosClient({
    apiKey: sandbox.config.apiKey,
    signatureSecret: sandbox.config.signatureSecret,
    baseUrl: sandbox.url,
    backoff: { initialDelayMs: 5, maxDelayMs: 20 },
  })
  actionUrn = (await sandboxPost('/_sandbox/actions', { content: groceriesAction, publish: true }))
    .id
})
afterAll(() => sandbox?.close())

describe('mandates through the client', () => {
  it('lists the published action and its versions', async () => {
    const { data } = await humanos.listActions()
    const action = data.find((a) => a.id === actionUrn)!
    expect(action).toMatchObject({ name: groceriesAction.name, latestVersion: 1 })
    const versions = await humanos.listActionVersions(action.actionId, { active: true })
    expect(versions.data.map((v) => [v.version, v.content.rules.length])).toEqual([[1, 2]])
  })

  it('tells the whole story: present, allow, deny as an answer, revoke, deny revoked', async () => {
    const credentialId = await approvedMandate(50)
    const verifier = 'did:web:shop.example'
    const first = await humanos.issuePresentation(credentialId, { targetVerifier: verifier })
    expect(first.presentation.proof.domain).toBe(verifier)
    const allowed = await humanos.verifyPresentation({
      presentation: first.presentation,
      executionParams: { amount: 30, category: 'groceries' },
      verifier,
      challenge: first.presentation.proof.challenge,
    })
    expect(allowed).toMatchObject({ decision: 'allow', credentialId })

    const replay = await humanos.verifyPresentation({
      presentation: first.presentation,
      executionParams: { amount: 30, category: 'groceries' },
      verifier,
      challenge: first.presentation.proof.challenge,
    })
    expect(replay).toMatchObject({ decision: 'deny', reason: 'presentation_replayed' })

    const { presentation } = await humanos.issuePresentation(credentialId)
    const over = await humanos.verifyPresentation({
      presentation,
      executionParams: { amount: 80, category: 'groceries' },
    })
    expect(over.decision).toBe('deny')
    if (over.decision !== 'deny') throw new Error('unreachable')
    expect(over.reason).toBe('rule_failed')
    expect(over.evaluations.map((e) => [e.name, e.result])).toEqual([
      ['within limit', false],
      ['allowed category', true],
    ])

    const revocation = await humanos.revokeCredential(credentialId, { reason: 'user_initiated' })
    expect(revocation).toMatchObject({ credentialId, status: 'REVOKED' })
    const afterRevoke = await humanos.verifyPresentation({
      presentation,
      executionParams: { amount: 1, category: 'groceries' },
    })
    expect(afterRevoke).toMatchObject({ decision: 'deny', reason: 'credential_revoked' })
    const refused = await humanos.issuePresentation(credentialId).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(HumanosApiError)
    expect(refused).toMatchObject({
      status: 403,
      attempts: 1,
      body: { reason: 'credential_revoked' },
    })

    const stored = await humanos.getReceipt(revocation.receipt.id)
    await expect(verifyReceipt(stored, { didResolver: resolveDidWeb })).resolves.toEqual(stored)
    const platformDid = stored.proof.verificationMethod.split('#')[0]!
    const didDocument = await resolveDidWeb(platformDid)
    await expect(verifyReceipt(stored, { didDocument })).resolves.toEqual(stored)
    const forged = { ...stored, details: { reason: 'organization_policy' } }
    const error = await verifyReceipt(forged, { didDocument }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ReceiptVerificationError)
    expect(error).toMatchObject({ reason: 'bad_signature' })
    const wrongDoc = await verifyReceipt(stored, { didDocument: { id: 'did:web:else' } }).catch(
      (e: unknown) => e,
    )
    expect(wrongDoc).toMatchObject({ reason: 'unknown_key' })

    const types: string[] = []
    for await (const event of humanos.allActivity({ entityId: credentialId, pageSize: 5 }))
      types.push(event.type)
    expect(types).toEqual([
      'VP_DENIED',
      'VP_VERIFICATION_DENIED',
      'MANDATE_REVOKED',
      'VP_VERIFICATION_DENIED',
      'VP_CREATED',
      'VP_VERIFICATION_DENIED',
      'VP_VERIFIED',
      'VP_CREATED',
      'MANDATE_ISSUED',
      'USER_DECISION_ACCEPTED',
    ])
    const page = await humanos.listActivity({
      entityId: credentialId,
      type: ['MANDATE_REVOKED', 'VP_DENIED'],
      pageSize: 5,
    })
    expect(page.data.map((e) => e.type)).toEqual(['VP_DENIED', 'MANDATE_REVOKED'])
  })

  it('refuses dateTo without dateFrom before sending anything', async () => {
    await expect(humanos.listActivity({ dateTo: '2026-01-01' })).rejects.toThrow(TypeError)
  })
})
