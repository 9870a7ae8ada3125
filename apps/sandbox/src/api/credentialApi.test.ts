import { createHash } from 'node:crypto'
import { base58 } from '@scure/base'
import canonicalize from 'canonicalize'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

let t: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox()
})
afterAll(() => t.close())

function sessionIdOf(link: string): string {
  return new URL(link).pathname.split('/').pop() ?? ''
}

async function create(body = requestBody()) {
  const res = await t.api('POST', '/request', { body })
  expect(res.status).toBe(200)
  return res.json as {
    id: string
    credentials: Array<{ id: string }>
    subjects: Array<{ link: string; id: string; contact: string }>
  }
}

async function decide(link: string, action: 'accept' | 'reject') {
  const res = await t.post(`/_sandbox/sessions/${sessionIdOf(link)}/decide`, { action })
  expect(res.status).toBe(200)
  return res.json
}

async function credential(id: string) {
  const res = await t.api('GET', `/credential/${encodeURIComponent(id)}`)
  expect(res.status).toBe(200)
  return res.json
}

/**
 * Verifies an eddsa-jcs-2022 proof from scratch: resolves the key through the DID document
 * over HTTP, rebuilds hashData and checks the Ed25519 signature with Web Crypto. Shares no
 * code with the sandbox's signer.
 */
async function verifyProof(w3c: Record<string, unknown>): Promise<boolean> {
  const [proof] = w3c.proofs as Array<Record<string, unknown>>
  if (!proof || proof.cryptosuite !== 'eddsa-jcs-2022') return false
  const method = String(proof.verificationMethod)
  const did = method.split('#')[0]!
  // did:web: `did:web:<host>:a:b` lives at `http://<host>/a/b/did.json`.
  const [host, ...path] = did.slice('did:web:'.length).split(':')
  const where = path.length > 0 ? `${path.join('/')}/did.json` : '.well-known/did.json'
  const doc = await fetch(`http://${decodeURIComponent(host!)}/${where}`).then((r) => r.json())
  expect(doc.id).toBe(did)
  const vm = doc.verificationMethod.find((m: { id: string }) => m.id === method)
  const multikey = base58.decode(String(vm.publicKeyMultibase).slice(1))
  expect([...multikey.slice(0, 2)]).toEqual([0xed, 0x01])
  const raw = new Uint8Array(multikey.slice(2))
  const key = await crypto.subtle.importKey('raw', raw, 'Ed25519', false, ['verify'])
  const { proofValue, ...config } = proof
  const unsecured = { ...w3c }
  delete unsecured.proofs
  expect(config['@context']).toEqual(unsecured['@context'])
  const sha = (value: unknown) => createHash('sha256').update(canonicalize(value)!).digest()
  const hashData = Buffer.concat([sha(config), sha(unsecured)])
  const signature = new Uint8Array(base58.decode(String(proofValue).slice(1)))
  return crypto.subtle.verify('Ed25519', key, signature, hashData)
}

describe('credential status transitions', () => {
  it('stays DRAFT until every grantor accepts, then is ACTIVE with a verifiable proof', async () => {
    const req = await create(requestBody({ contacts: ['ana@example.com', 'bo@example.com'] }))
    const [ana, bo] = req.subjects
    const credentialId = req.credentials[0]!.id

    const first = await decide(ana!.link, 'accept')
    expect(first.events[0].credential.status).toBe('DRAFT')
    expect((await credential(credentialId)).w3cCredential.proofs).toEqual([])

    const second = await decide(bo!.link, 'accept')
    expect(second.events[0]).toMatchObject({
      eventType: 'credential',
      api_version: '2026-05-17',
      requestId: req.id,
      user: { contact: 'bo@example.com', id: bo!.id },
      credential: { id: credentialId, status: 'ACTIVE' },
      decision: { action: 'accept' },
    })
    const active = await credential(credentialId)
    expect(active.status).toBe('ACTIVE')
    expect(active.decisions).toEqual([
      {
        id: expect.stringMatching(/^urn:via:decision:/),
        contact: 'ana@example.com',
        accepted: true,
        decidedAt: expect.any(String),
      },
      {
        id: expect.stringMatching(/^urn:via:decision:/),
        contact: 'bo@example.com',
        accepted: true,
        decidedAt: expect.any(String),
      },
    ])
    const [proof] = active.w3cCredential.proofs
    expect(proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      proofPurpose: 'assertionMethod',
      // A key of the separate platform DID, not of the issuer DID itself (Humanos's layout).
      verificationMethod: expect.stringMatching(
        new RegExp(`^${active.w3cCredential.issuer}:platform:[0-9a-f-]{36}#key-1$`),
      ),
      proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]+$/),
    })
    const org = await fetch(`${t.url}/_sandbox/organization`).then((r) => r.json())
    expect(active.w3cCredential.credentialSubject.id).toBe(org.issuerDid)
    expect(active.w3cCredential.credentialSubject.mandate.grantor).toEqual([ana!.id, bo!.id])
    expect(await verifyProof(active.w3cCredential)).toBe(true)
  })

  it('detects a tampered credential with the same independent check', async () => {
    const req = await create()
    await decide(req.subjects[0]!.link, 'accept')
    const { w3cCredential } = await credential(req.credentials[0]!.id)
    expect(await verifyProof(w3cCredential)).toBe(true)
    const tampered = { ...w3cCredential, validUntil: '2099-01-01T00:00:00Z' }
    expect(await verifyProof(tampered)).toBe(false)
  })

  it('is REJECTED by one rejection, even if others accept', async () => {
    const req = await create(requestBody({ contacts: ['ana@example.com', 'bo@example.com'] }))
    await decide(req.subjects[0]!.link, 'reject')
    await decide(req.subjects[1]!.link, 'accept')
    const rejected = await credential(req.credentials[0]!.id)
    expect(rejected.status).toBe('REJECTED')
    expect(rejected.decisions.map((d: { accepted: boolean }) => d.accepted)).toEqual([false, true])
    expect(rejected.w3cCredential.proofs).toEqual([])
  })

  it('is REVOKED from ACTIVE only, with the reason kept', async () => {
    const req = await create()
    const id = req.credentials[0]!.id
    const early = await t.api('DELETE', `/credential/revoke/${id}`)
    expect(early.status).toBe(409)
    await decide(req.subjects[0]!.link, 'accept')
    const revoked = await t.api('DELETE', `/credential/revoke/${id}`, {
      body: { reason: 'Customer left' },
    })
    expect(revoked.status).toBe(200)
    // humanos-mandates.md section 6: the revocation with its receipt; the reason stays with
    // the credential.
    expect(revoked.json).toMatchObject({ credentialId: id, status: 'REVOKED' })
    expect(revoked.json.receipt.id).toMatch(/^urn:via:receipt:/)
    expect(await credential(id)).toMatchObject({
      status: 'REVOKED',
      revocationReason: 'Customer left',
    })
    expect((await t.api('DELETE', `/credential/revoke/${id}`)).status).toBe(409)
    const bad = await t.api('DELETE', `/credential/revoke/${id}`, { body: { reason: 42 } })
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(/^reason: /)
  })

  it('accepts credential ids with their colons raw or percent-encoded', async () => {
    const req = await create()
    const id = req.credentials[0]!.id
    expect((await t.api('GET', `/credential/${id}`)).status).toBe(200)
    expect((await t.api('GET', `/credential/${encodeURIComponent(id)}`)).status).toBe(200)
    expect((await t.api('GET', '/credential/urn:via:credential:nope')).status).toBe(404)
  })

  it('refuses a second decision on the same session and a cancel after everything was decided', async () => {
    const req = await create()
    await decide(req.subjects[0]!.link, 'accept')
    const again = await t.post(`/_sandbox/sessions/${sessionIdOf(req.subjects[0]!.link)}/decide`, {
      action: 'reject',
    })
    expect(again.status).toBe(409)
    expect((await t.api('DELETE', `/request/${req.id}`)).status).toBe(409)
  })
})

describe('expiry', () => {
  it('moves DRAFT credentials to EXPIRED when the sessions expire', async () => {
    // Only the clock is faked: the server's sockets and timers stay real.
    vi.useFakeTimers({ toFake: ['Date'] })
    const short = await startTestSandbox({ sessionTtlMs: 60_000 })
    try {
      const res = await short.api('POST', '/request', { body: requestBody() })
      vi.setSystemTime(Date.now() + 59_999)
      expect((await short.api('GET', `/request/${res.json.id}`)).json.status).not.toBe('EXPIRED')
      vi.setSystemTime(Date.now() + 1)
      const detail = await short.api('GET', `/request/${res.json.id}`)
      expect(detail.json.status).toBe('EXPIRED')
      expect(detail.json.subjects[0].status).toBe('EXPIRED')
      expect(detail.json.credentials[0].status).toBe('EXPIRED')
      const late = await short.post(
        `/_sandbox/sessions/${sessionIdOf(res.json.subjects[0].link)}/decide`,
        { action: 'accept' },
      )
      expect(late.status).toBe(410)
      expect(late.json.code).toBe('session_expired')
    } finally {
      await short.close()
      vi.useRealTimers()
    }
  })
})
