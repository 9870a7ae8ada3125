// Size, depth and rate limits, on every endpoint that takes a body, on both servers: a body over
// the size limit is 413 (announced or streamed), JSON nested deeper than the limit is 400 before
// anything walks it, request creation is rate limited (the sandbox per API key, 60 a minute by
// default and configurable; the BFF per client, which a forged X-Forwarded-For does not
// change), and the server package's client backs off on 429 and then creates exactly once.
import { createHmac, randomUUID } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHumanosClient } from '@humanos-link/server'
import { loadSandboxConfig, startSandbox } from '../apps/sandbox/src/index.js'
import type { RunningSandbox } from '../apps/sandbox/src/index.js'
import { startBff } from '../apps/demo/src/bff/startBff.js'
import type { RunningBff } from '../apps/demo/src/bff/startBff.js'
import { signedClient } from '@humanos-link/test-kit/node'
import { bffSession } from '../apps/demo/src/bff/testing/sessionClient.js'
import { startFaultProxy } from './support/faultProxy.js'

const ORIGIN = 'http://localhost:5199'
let sandbox: RunningSandbox
let bff: RunningBff
const quiet = { log: () => undefined }

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dataFile: ':memory:', allowedOrigins: [ORIGIN] })
  bff = await startBff(
    { port: 0, humanosBaseUrl: sandbox.url, demoOrigins: [ORIGIN], dataFile: ':memory:' },
    quiet,
  )
})

afterAll(async () => {
  await bff?.close()
  await sandbox?.close()
})

interface Answer {
  status: number
  headers: Headers
  json: Record<string, unknown>
}

/**
 * Sends `body` with its length announced, or streamed in chunks without one, signing it for the
 * API. Over node:http, because a server may answer 413 and hang up while the body is still
 * being sent: the answer arrives first, and a careful client reads it (fetch reports only the
 * broken upload).
 */
function send(
  base: string,
  method: string,
  path: string,
  body: string,
  options: { signed?: boolean; streamed?: boolean } = {},
): Promise<Answer> {
  // What the demo's web app sends (its page Origin and the CSRF header); the sandbox ignores them.
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    origin: ORIGIN,
    'x-requested-by': 'humanos-demo',
  }
  if (options.signed) {
    const timestamp = String(Date.now())
    headers.authorization = 'Bearer sandbox-api-key'
    headers['x-timestamp'] = timestamp
    headers['x-signature'] = createHmac('sha256', 'sandbox-signature-secret')
      .update(`${timestamp}.${body}`)
      .digest('hex')
  }
  const bytes = Buffer.from(body)
  // Chunked framing, stated: Node's client would not frame a DELETE's body by itself.
  if (options.streamed) headers['transfer-encoding'] = 'chunked'
  else headers['content-length'] = String(bytes.length)
  const url = new URL(`${base}${path}`)
  return new Promise<Answer>((resolve, reject) => {
    let answered = false
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers,
        agent: false,
      },
      (res) => {
        answered = true
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const responseHeaders = new Headers()
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') responseHeaders.set(name, value)
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: responseHeaders,
            json: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
          })
        })
      },
    )
    // A hang-up after the answer is the server refusing the rest of the body: not an error.
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    for (let i = 0; i < bytes.length; i += 64 * 1024) req.write(bytes.subarray(i, i + 64 * 1024))
    req.end()
  })
}

const SANDBOX_BODY_ROUTES: Array<[string, string, boolean]> = [
  ['POST', '/request', true],
  ['DELETE', '/request/r1', true],
  ['PATCH', '/request/resend/r1?contact=a%40b.c', true],
  ['DELETE', '/credential/revoke/c1', true],
  ['POST', '/link/s1/otp/verify', false],
  ['POST', '/link/s1/otp/resend', false],
  ['POST', '/link/s1/identity', false],
  ['POST', '/link/s1/decision', false],
  ['POST', '/_sandbox/sessions/s1/decide', false],
  ['PUT', '/_sandbox/settings', false],
  ['POST', '/_sandbox/reset', false],
  ['POST', '/_sandbox/webhooks/test', false],
]
const BFF_BODY_ROUTES = ['/api/requests', '/api/attestations', '/webhooks/humanos']

/** `{"a":{"a":...1...}}`, `depth` objects deep. */
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
/** A JSON string body of exactly `size` bytes. */
const sized = (size: number) => JSON.stringify('x'.repeat(size - 2))

describe('body size limits (413)', () => {
  it.each(['announced', 'streamed'])(
    'every sandbox endpoint with a body refuses one byte over the limit, %s',
    async (how) => {
      const limit = sandbox.config.maxBodyBytes
      for (const [method, path, signed] of SANDBOX_BODY_ROUTES) {
        const answer = await send(sandbox.url, method, path, sized(limit + 1), {
          signed,
          streamed: how === 'streamed',
        })
        expect([method, path, answer.status]).toEqual([method, path, 413])
        expect(answer.json).toEqual({
          statusCode: 413,
          message: `The body is larger than ${limit} bytes`,
          error: 'Payload Too Large',
        })
      }
      // At the limit, the body is read (and refused for what it is, not for its size).
      const atLimit = await send(sandbox.url, 'POST', '/request', sized(limit), { signed: true })
      expect(atLimit.status).toBe(400)
    },
  )

  it.each(['announced', 'streamed'])(
    'every BFF endpoint with a body refuses one byte over the limit, %s',
    async (how) => {
      const limit = 64 * 1024
      for (const path of BFF_BODY_ROUTES) {
        const answer = await send(bff.url, 'POST', path, sized(limit + 1), {
          streamed: how === 'streamed',
        })
        expect([path, answer.status]).toEqual([path, 413])
        expect(answer.json).toMatchObject({ error: 'payload_too_large' })
      }
      expect((await send(bff.url, 'POST', '/api/requests', sized(limit))).status).toBe(400)
    },
  )
})

describe('JSON depth limits (400 before parsing)', () => {
  it('every sandbox endpoint with a body refuses nesting one level past the limit', async () => {
    const max = sandbox.config.maxJsonDepth
    for (const [method, path, signed] of SANDBOX_BODY_ROUTES) {
      const answer = await send(sandbox.url, method, path, nested(max + 1), { signed })
      expect([method, path, answer.status]).toEqual([method, path, 400])
      expect(answer.json.message).toBe(`The JSON body is nested deeper than ${max} levels`)
    }
    const atLimit = await send(sandbox.url, 'POST', '/request', nested(max), { signed: true })
    expect(atLimit.status).toBe(400)
    expect(atLimit.json.message).not.toMatch(/nested/)
  })

  it('every BFF endpoint with a body refuses nesting one level past the limit', async () => {
    for (const path of BFF_BODY_ROUTES) {
      const answer = await send(bff.url, 'POST', path, nested(17))
      expect([path, answer.status]).toEqual([path, 400])
      expect(answer.json).toMatchObject({
        field: 'body',
        reason: 'is nested deeper than 16 levels',
      })
    }
    const atLimit = await send(bff.url, 'POST', '/api/requests', nested(16))
    expect(atLimit.json.reason).not.toMatch(/nested/)
  })
})

const createBody = (name: string) => ({
  name,
  contacts: ['limit@example.com'],
  credentials: [{ type: 'CONSENT' as const, name }],
})

/**
 * 20 creations a minute per browser session; the 21st is 429 whatever X-Forwarded-For says,
 * while another session behind the same peer (the dev proxy) is not held back. New sessions are
 * limited per peer, so dropping the cookie does not reset the count for long.
 */
async function limitsPerSession(base: string): Promise<void> {
  const first = bffSession(() => base, ORIGIN)
  const body = (i: number) => ({ contacts: ['client@example.com'], credentialName: `c${i}` })
  for (let i = 0; i < 20; i++)
    expect((await first.call('POST', '/api/requests', body(i))).status).toBe(201)
  const limited = await first.call('POST', '/api/requests', body(20))
  expect(limited.status).toBe(429)
  expect(limited.json).toMatchObject({ error: 'rate_limited' })
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  const forged = await first.call('POST', '/api/requests', body(21), {
    'x-forwarded-for': '203.0.113.9',
  })
  expect(forged.status).toBe(429)
  expect(
    (await bffSession(() => base, ORIGIN).call('POST', '/api/requests', body(22))).status,
  ).toBe(201)
}

/** Each call without a cookie starts a session; the 61st in a minute from one peer is 429. */
async function limitsNewSessions(base: string): Promise<void> {
  const statuses: number[] = []
  for (let i = 0; i < 61; i++) {
    statuses.push((await bffSession(() => base, ORIGIN).call('GET', '/api/requests')).status)
  }
  expect(statuses.slice(0, 58).every((status) => status === 200)).toBe(true)
  expect(statuses.at(-1)).toBe(429)
}

describe('rate limits', () => {
  it('the sandbox creates 60 requests a minute per API key by default, then 429 + Retry-After', async () => {
    const fresh = await startSandbox({ port: 0, dataFile: ':memory:' })
    try {
      expect(fresh.config.rateLimitPerMinute).toBe(60)
      const api = signedClient(fresh.url, {
        apiKey: 'sandbox-api-key',
        secret: 'sandbox-signature-secret',
      })
      for (let i = 0; i < 60; i++) {
        expect((await api('POST', '/request', { body: createBody(`n${i}`) })).status).toBe(200)
      }
      const limited = await api('POST', '/request', { body: createBody('one too many') })
      expect(limited.status).toBe(429)
      expect(limited.json).toMatchObject({ statusCode: 429, error: 'Too Many Requests' })
      const retryAfter = Number(limited.headers.get('retry-after'))
      expect(retryAfter).toBeGreaterThanOrEqual(1)
      expect(retryAfter).toBeLessThanOrEqual(60)
      // Reading is not limited.
      expect((await api('GET', '/request')).status).toBe(200)
    } finally {
      await fresh.close()
    }
  })

  it('the sandbox limit comes from SANDBOX_RATE_LIMIT_PER_MINUTE', async () => {
    const config = loadSandboxConfig({ SANDBOX_RATE_LIMIT_PER_MINUTE: '3', PORT: '0' })
    const fresh = await startSandbox({ ...config, dataFile: ':memory:', logRequests: false })
    try {
      const api = signedClient(fresh.url, {
        apiKey: 'sandbox-api-key',
        secret: 'sandbox-signature-secret',
      })
      const statuses = []
      for (let i = 0; i < 4; i++)
        statuses.push((await api('POST', '/request', { body: createBody(`e${i}`) })).status)
      expect(statuses).toEqual([200, 200, 200, 429])
    } finally {
      await fresh.close()
    }
  })

  it('the BFF limits creation per session, and X-Forwarded-For does not make a new one', async () => {
    // A BFF of its own: the other tests here already created through the shared one.
    const own = await startBff(
      { port: 0, humanosBaseUrl: sandbox.url, demoOrigins: [ORIGIN], dataFile: ':memory:' },
      quiet,
    )
    try {
      await limitsPerSession(own.url)
    } finally {
      await own.close()
    }
  })

  it('the BFF limits new sessions per peer, so dropping the cookie is no way around it', async () => {
    const own = await startBff(
      { port: 0, humanosBaseUrl: sandbox.url, demoOrigins: [ORIGIN], dataFile: ':memory:' },
      quiet,
    )
    try {
      await limitsNewSessions(own.url)
    } finally {
      await own.close()
    }
  })

  it('the server package client waits out a 429 and retries with the same key: one request', async () => {
    const throttle = await startFaultProxy(sandbox.url)
    try {
      const client = createHumanosClient({
        apiKey: 'sandbox-api-key',
        signatureSecret: 'sandbox-signature-secret',
        baseUrl: throttle.url,
      })
      const refused = throttle.intercept('POST', '/request', {
        status: 429,
        headers: { 'retry-after': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ statusCode: 429, message: 'slow down', error: 'Too Many Requests' }),
      })
      const name = `Throttled ${randomUUID()}`
      const started = Date.now()
      const created = await client.createRequest(createBody(name))
      await refused
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
      const api = signedClient(sandbox.url, {
        apiKey: 'sandbox-api-key',
        secret: 'sandbox-signature-secret',
      })
      const list = await api('GET', `/request?search=${encodeURIComponent(name)}`)
      expect(list.json.data.map((r: { id: string }) => r.id)).toEqual([created.id])
    } finally {
      await throttle.close()
    }
  })
})
