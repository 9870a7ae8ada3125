// Many organizations in one sandbox: each API key sees only its own organization's resources,
// and another organization's resource is a 404 that says nothing about it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebhookReceiver } from './testing/webhookReceiver.js'
import { requestBody, startTestSandbox } from './testing/testSandbox.js'
import type { TestOrganization, TestSandbox } from './testing/testSandbox.js'

let t: TestSandbox
let b: TestOrganization

beforeAll(async () => {
  t = await startTestSandbox({ otpResendCooldownMs: 0 })
  b = await t.addOrganization({ name: 'Beta', allowedOrigins: ['https://beta.example'] })
})
afterAll(() => t.close())

const sessionOf = (link: string) => new URL(link).pathname.split('/').pop() ?? ''

/** A request of the first organization (A), decided so its credential is ACTIVE. */
async function requestOfA(contacts = ['ana@example.com']) {
  const created = await t.api('POST', '/request', { body: requestBody({ contacts }) })
  expect(created.status).toBe(200)
  return created.json as {
    id: string
    credentials: Array<{ id: string }>
    subjects: Array<{ id: string; link: string; contact: string }>
  }
}

describe('POST /_sandbox/organizations', () => {
  it('answers 201 with the key, the secrets and the issuer DID of the new organization', async () => {
    const res = await fetch(`${t.url}/_sandbox/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Gamma', otpDelivery: 'none' }),
    })
    expect(res.status).toBe(201)
    const org = await res.json()
    expect(Object.keys(org).sort()).toEqual(
      [
        'apiKey',
        'id',
        'issuerDid',
        'name',
        'signatureSecret',
        'webhookEncryptionSalt',
        'webhookEncryptionSecret',
        'webhookSignatureSecret',
      ].sort(),
    )
    const platform = `did:web:${new URL(t.url).host.replace(':', '%3A')}`
    expect(org.issuerDid).toBe(`${platform}:issuer:${org.id}`)
    expect(Buffer.from(org.webhookEncryptionSecret, 'base64')).toHaveLength(32)
    expect(org.apiKey).not.toBe(b.apiKey)
  })

  it('refuses a body without a name, naming the field', async () => {
    const res = await t.post('/_sandbox/organizations', {})
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/^name: /)
  })
})

describe('API keys and signatures', () => {
  it('takes each organization key with its own secret only', async () => {
    expect((await b.api('GET', '/request')).status).toBe(200)
    const crossed = await b.api('GET', '/request', { secret: 'sandbox-signature-secret' })
    expect(crossed.status).toBe(401)
    const other = await t.api('GET', '/request', { secret: b.signatureSecret })
    expect(other.status).toBe(401)
  })
})

describe('isolation: another organization sees a 404, never content', () => {
  it('requests: detail, list, search, cancel and resend', async () => {
    const a = await requestOfA()
    const detail = await b.api('GET', `/request/${a.id}`)
    expect(detail.status).toBe(404)
    expect(detail.text).not.toContain('ana@example.com')
    expect((await b.api('GET', '/request?search=ana')).json.data).toEqual([])
    expect((await b.api('GET', `/request?search=${a.id}`)).json.data).toEqual([])
    expect((await b.api('GET', '/request?subject[contact]=ana@example.com')).json.data).toEqual([])
    expect((await b.api('DELETE', `/request/${a.id}`)).status).toBe(404)
    expect((await b.api('PATCH', `/request/resend/${a.id}?contact=ana@example.com`)).status).toBe(
      404,
    )
    // A's own key still sees it, uncanceled.
    expect((await t.api('GET', `/request/${a.id}`)).json.status).toBe('PENDING')
  })

  it('credentials: read and revoke', async () => {
    const a = await requestOfA()
    await t.post(`/_sandbox/sessions/${sessionOf(a.subjects[0]!.link)}/decide`, {
      action: 'accept',
    })
    const id = encodeURIComponent(a.credentials[0]!.id)
    const read = await b.api('GET', `/credential/${id}`)
    expect(read.status).toBe(404)
    expect(read.text).not.toContain('w3cCredential')
    expect((await b.api('DELETE', `/credential/revoke/${id}`)).status).toBe(404)
    expect((await t.api('GET', `/credential/${id}`)).json.status).toBe('ACTIVE')
  })

  it('Link sessions: /_sandbox decide acts only on the organization whose key it gets', async () => {
    const a = await requestOfA()
    const session = sessionOf(a.subjects[0]!.link)
    const crossed = await t.post(
      `/_sandbox/sessions/${session}/decide`,
      { action: 'accept' },
      b.apiKey,
    )
    expect(crossed.status).toBe(404)
    expect((await t.api('GET', `/request/${a.id}`)).json.status).toBe('PENDING')
  })

  it('the outbox and the webhook log', async () => {
    await requestOfA(['only-a@example.com'])
    const outbox = await b.get('/_sandbox/outbox?contact=only-a@example.com')
    expect(outbox.json.data).toEqual([])
    const ownA = await fetch(`${t.url}/_sandbox/outbox?contact=only-a@example.com`).then((r) =>
      r.json(),
    )
    expect(ownA.data).toHaveLength(1)
    const hooks = await b.get('/_sandbox/webhooks')
    expect(JSON.stringify(hooks.json)).not.toContain('only-a@example.com')
  })

  it('idempotency keys are per organization', async () => {
    const headers = { 'Idempotency-Key': 'same-key' }
    const fromA = await t.api('POST', '/request', { body: requestBody(), headers })
    const fromB = await b.api('POST', '/request', { body: requestBody(), headers })
    expect(fromB.status).toBe(200)
    expect(fromB.headers.get('idempotent-replayed')).toBeNull()
    expect(fromB.json.id).not.toBe(fromA.json.id)
  })

  it('settings are per organization, and an unknown key is refused', async () => {
    const own = await b.get('/_sandbox/settings')
    expect(own.json.allowedOrigins).toEqual(['https://beta.example'])
    const first = await fetch(`${t.url}/_sandbox/settings`).then((r) => r.json())
    expect(first.allowedOrigins).not.toContain('https://beta.example')
    expect(first.webhookSignatureSecret).not.toBe(b.webhookSignatureSecret)
    const unknown = await fetch(`${t.url}/_sandbox/settings`, {
      headers: { authorization: 'Bearer not-a-key' },
    })
    expect(unknown.status).toBe(401)
  })
})

describe('each organization its own issuer, origins and webhooks', () => {
  it("names B's issuer DID as the credential subject and the webhook issuer, sent to B's endpoint", async () => {
    const hooks = await startWebhookReceiver({
      signatureSecret: b.webhookSignatureSecret,
      encryptionSecret: b.webhookEncryptionSecret,
      encryptionSalt: b.webhookEncryptionSalt,
    })
    try {
      const put = await fetch(`${t.url}/_sandbox/settings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${b.apiKey}` },
        body: JSON.stringify({ webhookUrl: hooks.url }),
      })
      expect(put.status).toBe(200)
      const created = await b.api('POST', '/request', { body: requestBody() })
      const session = sessionOf(created.json.subjects[0].link)
      expect(
        (await t.post(`/_sandbox/sessions/${session}/decide`, { action: 'accept' }, b.apiKey))
          .status,
      ).toBe(200)
      const [delivery] = await hooks.waitFor(1)
      expect(delivery!.signatureValid).toBe(true)
      expect(delivery!.event).toMatchObject({ eventType: 'credential', issuerDid: b.issuerDid })
      const credential = await b.api('GET', `/credential/${created.json.credentials[0].id}`)
      expect(credential.json.w3cCredential.credentialSubject.id).toBe(b.issuerDid)
      // The first organization's webhook endpoint (none) got nothing of B's.
      const firstLog = await fetch(`${t.url}/_sandbox/webhooks`).then((r) => r.json())
      expect(JSON.stringify(firstLog)).not.toContain(created.json.id)
    } finally {
      await hooks.close()
    }
  })

  it("frames B's Link page only for B's allowed origins", async () => {
    const created = await b.api('POST', '/request', { body: requestBody() })
    const link = created.json.subjects[0].link as string
    const page = await fetch(link)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain(
      'frame-ancestors https://beta.example',
    )
    const pubKey = 'x'
    const foreign = await fetch(
      `${link}?postMessageOrigin=${encodeURIComponent('http://localhost:5173')}&pubKey=${pubKey}`,
    )
    expect(foreign.status).toBe(403)
  })
})
