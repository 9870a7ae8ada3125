// The users, catalog, evidence and DID methods against the real sandbox, plus the request
// options they feed (resourcesIds, groupIds, placements, expectedDocIds, subject filters).
import { startSandbox } from '@humanos-link/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHumanosClient } from './createHumanosClient.js'
import type { HumanosClient } from './createHumanosClient.js'
import type { EvidenceEntry } from './directoryTypes.js'
import { HumanosApiError, HumanosRequestError } from './errors.js'

type Sandbox = Awaited<ReturnType<typeof startSandbox>>

let sandbox: Sandbox
let client: HumanosClient

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    dataFile: ':memory:',
    logRequests: false,
    otpResendCooldownMs: 0,
  })
  client = createHumanosClient({
    apiKey: sandbox.config.apiKey,
    signatureSecret: sandbox.config.signatureSecret,
    baseUrl: sandbox.url,
    backoff: { initialDelayMs: 5, maxDelayMs: 20 },
  })
})
afterAll(() => sandbox?.close())

async function sandboxPost(path: string, body: unknown) {
  const res = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status, path).toBeLessThan(300)
  return (await res.json()) as { id: string }
}

describe('users', () => {
  it('imports users with per-item results and finds one by contact, id or internalId', async () => {
    const results = await client.importUsers([
      { contact: 'ana@example.com', internalId: 'crm-1' },
      { contact: 'ana@example.com' },
      { contact: 'nope' },
    ])
    expect(results.map((r) => r.status)).toEqual([200, 409, 400])
    const user = results[0]!.user!
    expect(user).toMatchObject({
      contacts: ['ana@example.com'],
      identityStatus: 'NONE',
      internalId: 'crm-1',
    })
    await expect(client.getUser({ contact: 'ana@example.com' })).resolves.toEqual(user)
    await expect(client.getUser({ id: user.id })).resolves.toEqual(user)
    await expect(client.getUser({ internalId: 'crm-1' })).resolves.toEqual(user)
    await expect(client.getUser({ internalId: 'nobody' })).rejects.toMatchObject({ status: 404 })
    await expect(client.getUser({ contact: 'a@b.co', internalId: 'x' } as never)).rejects.toThrow(
      TypeError,
    )
  })

  it('lists requests by subject and resends by internalId', async () => {
    const created = await client.createRequest({
      contacts: ['ana@example.com', 'bo@example.com'],
      credentials: [{ type: 'CONSENT', name: 'Newsletter' }],
    })
    const page = await client.listRequests({ subject: { internalId: 'crm-1' } })
    expect(page.data.map((r) => r.id)).toEqual([created.id])
    const byDid = await client.listRequests({ subject: { id: created.subjects[1]!.id } })
    expect(byDid.data.map((r) => r.id)).toEqual([created.id])
    await expect(client.resendOtp(created.id, { internalId: 'crm-1' })).resolves.toEqual({
      success: true,
    })
    await expect(client.resendOtp(created.id, { id: created.subjects[1]!.id })).resolves.toEqual({
      success: true,
    })
    const detail = await client.getRequest(created.id)
    expect(detail.subjects[0]).toMatchObject({
      internalId: 'crm-1',
      identityStatus: 'NONE',
      kyc: null,
    })
  })
})

describe('approvals and workflows', () => {
  it('lists what the organization authored and creates requests from it', async () => {
    const doc = await sandboxPost('/_sandbox/approvals', {
      type: 'DOCUMENT',
      name: 'Contract',
      internalId: 'c-1',
    })
    const consent = await sandboxPost('/_sandbox/approvals', { type: 'CONSENT', name: 'Marketing' })
    const flow = await sandboxPost('/_sandbox/workflows', {
      name: 'Onboarding',
      approvalIds: [doc.id, consent.id],
    })
    const approvals = await client.listApprovals({ types: ['DOCUMENT'], active: true, pageSize: 5 })
    expect(approvals.data.map((a) => a.id)).toEqual([doc.id])
    expect(approvals.data[0]!.groupIds).toEqual([flow.id])
    const workflows = await client.listWorkflows({ search: 'onboard' })
    expect(workflows.data[0]!.approvals.map((a) => a.id)).toEqual([doc.id, consent.id])

    const created = await client.createRequest({
      contacts: ['cy@example.com'],
      groupIds: [flow.id],
      credentials: [
        {
          type: 'DOCUMENT',
          name: 'Annex',
          placements: [
            {
              contact: 'cy@example.com',
              type: 'SIGNATURE',
              x: 1,
              y: 2,
              width: 50,
              height: 20,
              pageIndex: 0,
            },
          ],
        },
      ],
      expectedDocIds: [{ contact: 'cy@example.com', docId: 'P123' }],
    })
    expect(created.credentials.map((c) => c.name)).toEqual(['Annex', 'Contract', 'Marketing'])
    const detail = await client.getRequest(created.id)
    expect(detail.expectedDocIds).toEqual([{ contact: 'cy@example.com', docId: 'P123' }])
  })
})

describe('evidence and DIDs', () => {
  it('fetches each evidence document, checks its digest, and resolves the DIDs a credential names', async () => {
    const created = await client.createRequest({
      contacts: ['dee@example.com'],
      credentials: [{ type: 'CONSENT', name: 'Terms', data: { version: 3 } }],
    })
    const session = new URL(created.subjects[0]!.link).pathname.split('/').pop()
    await sandboxPost(`/_sandbox/sessions/${session}/decide`, { action: 'accept' })
    const credential = await client.getCredential(created.credentials[0]!.id)
    const entries = credential.w3cCredential.evidences as EvidenceEntry[]
    expect(entries).toHaveLength(2)
    for (const entry of entries) {
      const doc = await client.getEvidence(entry)
      expect(doc.digestSRI).toBe(entry.digestSRI)
    }
    expect((await client.getEvidence(entries[0]!)).json).toMatchObject({
      name: 'Terms',
      data: { version: 3 },
    })
    const tampered = await client
      .getEvidence({ ...entries[0]!, digestSRI: 'sha256-AAAA' })
      .catch((e: unknown) => e)
    expect(tampered).toBeInstanceOf(HumanosRequestError)
    expect(tampered).toMatchObject({ reason: 'invalid_response' })

    const w3c = credential.w3cCredential as {
      issuer: string
      credentialSubject: { id: string; mandate: { grantor: string[] } }
      proofs: Array<{ verificationMethod: string }>
    }
    const method = w3c.proofs[0]!.verificationMethod
    const key = await client.resolveDid(method.split('#')[0]!)
    expect(key.verificationMethod?.[0]?.id).toBe(method)
    await expect(client.resolveDid(w3c.issuer)).resolves.toMatchObject({ id: w3c.issuer })
    await expect(client.resolveDid(w3c.credentialSubject.id)).resolves.toMatchObject({
      controller: w3c.issuer,
    })
    await expect(
      client.resolveDid(w3c.credentialSubject.mandate.grantor[0]!),
    ).resolves.toMatchObject({
      id: created.subjects[0]!.id,
    })
    const unknown = await client.resolveDid(`${w3c.issuer}:user:999999`).catch((e: unknown) => e)
    expect(unknown).toBeInstanceOf(HumanosApiError)
    expect(unknown).toMatchObject({ status: 404 })
  })
})
