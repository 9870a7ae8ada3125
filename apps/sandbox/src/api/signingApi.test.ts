import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signature } from '@humanos-link/test-kit/node'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

let t: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox()
})
afterAll(() => t.close())

const INVALID = { statusCode: 401, message: 'Invalid signature', error: 'Unauthorized' }

describe('request signing over HTTP', () => {
  it('accepts a correctly signed request with a body and one without', async () => {
    const created = await t.api('POST', '/request', { body: requestBody() })
    expect(created.status).toBe(200)
    const listed = await t.api('GET', '/request')
    expect(listed.status).toBe(200)
    expect(listed.json.data).toHaveLength(1)
  })

  it('refuses a wrong API key with the spec error body', async () => {
    const res = await t.api('GET', '/request', { apiKey: 'not-the-key' })
    expect(res.status).toBe(401)
    expect(res.json).toEqual(INVALID)
  })

  it('refuses a signature made with another secret', async () => {
    const res = await t.api('POST', '/request', { body: requestBody(), secret: 'wrong' })
    expect(res.status).toBe(401)
    expect(res.json).toEqual(INVALID)
  })

  it('refuses a request without signature headers', async () => {
    const res = await t.api('GET', '/request', { unsigned: true })
    expect(res.status).toBe(401)
    expect(res.json).toEqual(INVALID)
  })

  it('refuses a body changed after signing', async () => {
    const timestamp = String(Date.now())
    const signed = JSON.stringify(requestBody())
    const sent = JSON.stringify(requestBody({ name: 'Something else' }))
    const res = await fetch(`${t.url}/request`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sandbox-api-key',
        'x-timestamp': timestamp,
        'x-signature': signature('sandbox-signature-secret', timestamp, signed),
        'content-type': 'application/json',
      },
      body: sent,
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(INVALID)
  })

  it('signs a request without a body over the timestamp alone (no dot)', async () => {
    const res = await t.api('GET', '/request', { body: '' })
    expect(res.status).toBe(200)
  })

  it('refuses a stale timestamp, in the past or the future, with "Stale timestamp"', async () => {
    for (const offset of [-5 * 60_000 - 5000, 5 * 60_000 + 5000]) {
      const res = await t.api('GET', '/request', { timestamp: Date.now() + offset })
      expect(res.status).toBe(401)
      expect(res.json).toEqual({
        statusCode: 401,
        message: 'Stale timestamp',
        error: 'Unauthorized',
      })
    }
    const fresh = await t.api('GET', '/request', { timestamp: Date.now() - 60_000 })
    expect(fresh.status).toBe(200)
  })

  it('checks the signature on every API route, including unknown ids', async () => {
    for (const [method, path] of [
      ['GET', '/request/x'],
      ['DELETE', '/request/x'],
      ['PATCH', '/request/resend/x?contact=a@b.co'],
      ['GET', '/credential/x'],
      ['DELETE', '/credential/revoke/x'],
    ] as const) {
      const res = await t.api(method, path, { unsigned: true })
      expect(res.status, `${method} ${path}`).toBe(401)
    }
  })

  it('accepts any well-formed API-Version (answering the 2026-05-17 shapes) and refuses a malformed one', async () => {
    for (const version of ['2026-05-17', '2026-03-03', '2025-01-01']) {
      const ok = await t.api('GET', '/request', { headers: { 'API-Version': version } })
      expect(ok.status, version).toBe(200)
      expect(ok.headers.get('api-version')).toBe('2026-05-17')
    }
    for (const version of ['latest', '2026-5-17', '2026-02-30', '2026-13-01']) {
      const bad = await t.api('GET', '/request', { headers: { 'API-Version': version } })
      expect(bad.status, version).toBe(400)
      expect(bad.json.message).toContain('YYYY-MM-DD')
    }
  })

  it('checks the signature over the compact re-serialisation of the parsed body, as Humanos does', async () => {
    const send = (sent: string, signed: string) => {
      const timestamp = String(Date.now())
      return fetch(`${t.url}/request`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer sandbox-api-key',
          'x-timestamp': timestamp,
          'x-signature': signature('sandbox-signature-secret', timestamp, signed),
          'content-type': 'application/json',
        },
        body: sent,
      })
    }
    const pretty = JSON.stringify(requestBody(), null, 2)
    // Signed as sent, pretty-printed: production re-serialises, so this fails there and here.
    const asSent = await send(pretty, pretty)
    expect(asSent.status).toBe(401)
    expect(await asSent.json()).toEqual(INVALID)
    // The compact spelling of the same body is what the signature must cover.
    expect((await send(pretty, JSON.stringify(requestBody()))).status).toBe(200)
  })

  it('wants application/json for a body', async () => {
    const res = await t.api('POST', '/request', {
      body: JSON.stringify(requestBody()),
      headers: { 'content-type': 'text/plain' },
    })
    expect(res.status).toBe(415)
    expect(res.json.statusCode).toBe(415)
  })
})
