import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'
import { isAllowedHost } from './hostGuard.js'

let t: TestSandbox
beforeAll(async () => {
  t = await startTestSandbox({ publicUrl: 'https://sandbox.dev.example' })
})
afterAll(() => t.close())

// fetch may not set Host, so this speaks HTTP directly, as a rebinding browser would.
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  const { port } = t.sandbox.config
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the DNS-rebinding guard', () => {
  it('refuses a request addressed to another site, saying how to allow a host', async () => {
    const answer = await getWithHost('/_sandbox/outbox', 'attacker.example:4010')
    expect(answer.status).toBe(403)
    expect(JSON.parse(answer.body).message).toMatch(/"attacker\.example".*SANDBOX_PUBLIC_URL/)
    expect(answer.body).not.toMatch(/"code":"\d{6}"/)
  })

  it('refuses names shaped like IPv4 addresses that are not addresses', async () => {
    for (const host of ['999.999.999.999', '256.1.1.1:4010', '127.0.0.1.attacker.example']) {
      expect((await getWithHost('/_sandbox/outbox', host)).status, host).toBe(403)
    }
  })

  it('answers localhost, IP literals and the public URL host', async () => {
    for (const host of ['localhost:4010', '127.0.0.1:4010', '[::1]:4010', 'sandbox.dev.example']) {
      expect((await getWithHost('/_sandbox/outbox', host)).status, host).toBe(200)
    }
  })

  it('decides by host name alone', () => {
    expect(isAllowedHost('app.localhost', 'http://127.0.0.1:4010')).toBe(true)
    expect(isAllowedHost('localhost.attacker.example', 'http://127.0.0.1:4010')).toBe(false)
    expect(isAllowedHost('127.0.0.1.attacker.example', 'http://127.0.0.1:4010')).toBe(false)
    expect(isAllowedHost('sandbox.dev.example', '')).toBe(false)
  })
})

describe('Host headers that are not host names (issue 15 item 11)', () => {
  it.each(['xn--a', 'xn--a:4010', 'xn--', 'a..b', '[::1', 'ex ample'])(
    'answers %j with a 4xx, never a 500',
    async (host) => {
      const answer = await getWithHost('/health', host)
      expect(answer.status).toBeGreaterThanOrEqual(400)
      expect(answer.status).toBeLessThan(500)
    },
  )
})
