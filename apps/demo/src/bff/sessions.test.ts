// Attacks on the BFF from a second browser (issue 15, items 1, 3, 11 and 13): another session
// must not list, read, decide or record anything for someone else's request; cross-site calls,
// rebinding Host names and sessions that never made a request are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHumanosClient } from '@humanos-link/server'
import type { CreatedRequest, RequestList } from '../shared/apiTypes.js'
import { decideInFrame } from './testing/linkFlow.js'
import { TEST_ORIGIN, request, startDemoStack } from './testing/demoStack.js'
import type { DemoStack } from './testing/demoStack.js'
import type { BffSession } from './testing/sessionClient.js'

let stack: DemoStack
let n = 0

beforeAll(async () => {
  stack = await startDemoStack({ webhooks: true })
})
afterAll(() => stack.close())

async function createAs(session: BffSession) {
  const contact = `victim${++n}@example.com`
  const created = await session.call('POST', '/api/requests', {
    contacts: [contact],
    credentialName: 'Share my passport',
  })
  expect(created.status).toBe(201)
  return { contact, ...(created.json as CreatedRequest) }
}

describe('one session per browser', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie on the first call', async () => {
    const answer = await stack.newSession().call('GET', '/api/requests')
    const cookie = answer.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^demo_session=[A-Za-z0-9_-]{43};/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Strict/)
    expect(cookie).toMatch(/; Path=\//)
  })

  it('another session cannot list, read, decide or see webhooks of a request', async () => {
    const victim = stack.newSession()
    const attacker = stack.newSession()
    const { requestId, link, contact } = await createAs(victim)

    const list = await attacker.call('GET', '/api/requests')
    expect(list.status).toBe(200)
    expect((list.json as RequestList).data).toEqual([])
    for (const secret of [requestId, link, contact]) expect(list.text).not.toContain(secret)

    const detail = await attacker.call('GET', `/api/requests/${requestId}`)
    expect(detail.status).toBe(404)
    expect(detail.text).not.toContain(contact)

    // The attacker got hold of the victim's attestation somehow: it still records nothing,
    // and it does not burn the jti, so the victim's own copy still counts.
    const [payload] = await decideInFrame({
      sandboxUrl: stack.sandboxUrl,
      link,
      contact,
      origin: TEST_ORIGIN,
      action: 'reject',
    })
    const forged = await attacker.call('POST', '/api/attestations', {
      attestation: payload?.attestation,
    })
    expect(forged.status).toBe(404)
    expect(forged.text).not.toContain(contact)
    const own = await victim.call('POST', '/api/attestations', {
      attestation: payload?.attestation,
    })
    expect(own.status).toBe(200)
    expect(own.json).toMatchObject({ requestId, status: 'REJECTED' })

    // The webhook arrived for the victim's request; only the victim sees it.
    const victimSees = async () =>
      (await victim.call('GET', '/api/webhooks')).text.includes(requestId)
    await expect.poll(victimSees, { timeout: 5000 }).toBe(true)
    expect((await attacker.call('GET', '/api/webhooks')).text).not.toContain(requestId)
  })

  it('a cookie that the BFF did not issue is a new, empty session', async () => {
    const victim = stack.newSession()
    const { requestId } = await createAs(victim)
    const guessed = await request(`${stack.bffUrl}/api/requests`, 'GET', undefined, {
      cookie: `demo_session=${'A'.repeat(43)}`,
    })
    expect(guessed.text).not.toContain(requestId)
    expect(guessed.headers.get('set-cookie')).toMatch(/^demo_session=/)
  })
})

describe('cross-site request forgery', () => {
  it('refuses unsafe calls without the page Origin, the header, or from another site', async () => {
    const victim = stack.newSession()
    await victim.call('GET', '/api/requests')
    const body = { contacts: ['csrf@example.com'], credentialName: 'Forged' }
    const attempts: Array<Record<string, string>> = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { 'x-requested-by': 'someone-else' },
    ]
    for (const headers of attempts) {
      const forged = await victim.call('POST', '/api/requests', body, headers)
      expect(forged.status, JSON.stringify(headers)).toBe(403)
      expect(forged.json).toMatchObject({ error: 'forbidden' })
    }
    // A form post from another site: no Origin the BFF knows, no header.
    const form = await request(`${stack.bffUrl}/api/requests`, 'POST', 'contacts=x', {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: victim.cookie ?? '',
    })
    expect(form.status).toBe(403)
    const list = (await victim.call('GET', '/api/requests')).json as RequestList
    expect(list.data).toEqual([])
  })
})

describe('what the BFF records', () => {
  it('refuses an attestation for a request this BFF never made', async () => {
    const config = stack.sandboxConfig
    const humanos = createHumanosClient({
      apiKey: config.apiKey,
      signatureSecret: config.signatureSecret,
      baseUrl: stack.sandboxUrl,
    })
    const contact = `elsewhere${++n}@example.com`
    const created = await humanos.createRequest({
      contacts: [contact],
      name: 'Made elsewhere',
      credentials: [{ type: 'CONSENT', name: 'Made elsewhere' }],
    })
    const link = created.subjects[0]?.link ?? ''
    const [payload] = await decideInFrame({
      sandboxUrl: stack.sandboxUrl,
      link,
      contact,
      origin: TEST_ORIGIN,
      action: 'accept',
    })
    const answer = await stack.call('POST', '/api/attestations', {
      attestation: payload?.attestation,
    })
    expect(answer.status).toBe(404)
  })

  it('limits creations per session, so one browser behind the proxy cannot starve another', async () => {
    const limited = await startDemoStack({ webhooks: false, bff: { createLimitPerMinute: 1 } })
    try {
      const first = limited.newSession()
      const body = { contacts: ['limit@example.com'], credentialName: 'Limited' }
      expect((await first.call('POST', '/api/requests', body)).status).toBe(201)
      expect((await first.call('POST', '/api/requests', body)).status).toBe(429)
      // Same TCP peer (127.0.0.1), another browser: not limited by the first one.
      expect((await limited.newSession().call('POST', '/api/requests', body)).status).toBe(201)
    } finally {
      await limited.close()
    }
  })
})

describe('Host guard', () => {
  it('refuses a rebound name and invalid punycode, answers localhost and IP literals', async () => {
    const url = new URL(stack.bffUrl)
    const raw = (host: string) =>
      new Promise<number>((resolve, reject) => {
        // fetch() will not send a Host of our choosing; node:http will.
        import('node:http').then(({ request: send }) => {
          const req = send(
            { host: url.hostname, port: url.port, path: '/api/requests', headers: { host } },
            (res) => {
              res.resume()
              resolve(res.statusCode ?? 0)
            },
          )
          req.on('error', reject)
          req.end()
        }, reject)
      })
    expect(await raw('attacker.example:4020')).toBe(403)
    expect(await raw('xn--a')).toBe(403)
    expect(await raw('xn--a:4020')).toBe(403)
    // Shaped like an IPv4 address but not one: a name, which DNS could rebind.
    expect(await raw('999.999.999.999')).toBe(403)
    expect(await raw(`256.0.0.1:${url.port}`)).toBe(403)
    expect(await raw(`localhost:${url.port}`)).toBe(200)
    expect(await raw(`127.0.0.1:${url.port}`)).toBe(200)
    // The page's own host: the Vite proxy keeps it.
    expect(await raw(new URL(TEST_ORIGIN).host)).toBe(200)
  })
})
