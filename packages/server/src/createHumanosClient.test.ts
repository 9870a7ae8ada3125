import { afterEach, describe, expect, it, vi } from 'vitest'
import { json, one, startServer } from '../test/httpServer.js'
import type { Handler, RecordedRequest, TestServer } from '../test/httpServer.js'
import { createHumanosClient } from './createHumanosClient.js'
import type { HumanosClientOptions } from './clientOptions.js'
import { HumanosApiError, HumanosRequestError } from './errors.js'
import { verifySignature } from './signing.js'
import type { CreateRequestInput } from './types.js'

const SECRET = 'test-signature-secret'
const created = {
  id: 'req_1',
  credentials: [{ id: 'urn:via:credential:1', name: 'Consent' }],
  subjects: [{ contact: 'ana@example.com', id: 'did:web:x:user:1', link: 'http://l/link/s1' }],
}
const input = { contacts: ['ana@example.com'], name: 'Consent' }

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function clientFor(handler: Handler, options: Partial<HumanosClientOptions> = {}) {
  server = await startServer(handler)
  const client = createHumanosClient({
    apiKey: 'key_test',
    signatureSecret: SECRET,
    baseUrl: server.url,
    backoff: { initialDelayMs: 1, maxDelayMs: 5 },
    ...options,
  })
  return { client, requests: server.requests }
}

function expectSigned(req: RecordedRequest) {
  const timestamp = one(req.headers, 'x-timestamp')
  expect(timestamp).toMatch(/^\d{13}$/)
  expect(Math.abs(Number(timestamp) - req.at)).toBeLessThan(5_000)
  expect(verifySignature(SECRET, timestamp, req.body, one(req.headers, 'x-signature'))).toBe(true)
  expect(req.headers.authorization).toBe('Bearer key_test')
  expect(req.headers['api-version']).toBe('2026-05-17')
}

describe('createHumanosClient: signing and headers', () => {
  it('signs the exact body it sends and sets the documented headers', async () => {
    const { client, requests } = await clientFor((_req, res) => json(res, 200, created))
    await expect(client.createRequest(input)).resolves.toEqual(created)
    const [req] = requests
    expect(req!.method).toBe('POST')
    expect(req!.url).toBe('/request')
    expect(req!.body).toBe(JSON.stringify(input))
    expect(req!.headers['content-type']).toBe('application/json')
    expect(one(req!.headers, 'idempotency-key')).toMatch(/^[0-9a-f-]{36}$/)
    expectSigned(req!)
  })

  it('signs a bodiless GET over the timestamp alone, without Content-Type', async () => {
    const page = { data: [{ id: 'req_1' }], totalPages: 1 }
    const { client, requests } = await clientFor((_req, res) => json(res, 200, page))
    const result = await client.listRequests({ pageIndex: 0, pageSize: 5, search: 'a b&c' })
    expect(result).toEqual(page)
    expect(requests[0]!.url).toBe('/request?pageIndex=0&pageSize=5&search=a+b%26c')
    expect(requests[0]!.body).toBe('')
    expect(requests[0]!.headers['content-type']).toBeUndefined()
    expect(requests[0]!.headers['idempotency-key']).toBeUndefined()
    expectSigned(requests[0]!)
  })

  it('sends resendOtp as a bodiless PATCH with the contact in the query and an Idempotency-Key', async () => {
    const { client, requests } = await clientFor((_req, res) => json(res, 200, { success: true }))
    await expect(client.resendOtp('req 1', '+351 912', { idempotencyKey: 'k-1' })).resolves.toEqual(
      {
        success: true,
      },
    )
    expect(requests[0]!.method).toBe('PATCH')
    expect(requests[0]!.url).toBe('/request/resend/req%201?contact=%2B351+912')
    expect(requests[0]!.headers['idempotency-key']).toBe('k-1')
    expectSigned(requests[0]!)
  })

  it('sends revokeCredential as a DELETE with its signed body, keeping the id readable', async () => {
    const revocation = {
      credentialId: 'urn:via:credential:9',
      status: 'REVOKED',
      revokedAt: '2026-11-24T12:00:00.000Z',
      receipt: { id: 'urn:via:receipt:1', timestamp: '2026-11-24T12:00:00.000Z' },
    }
    const { client, requests } = await clientFor((_req, res) => json(res, 200, revocation))
    await expect(
      client.revokeCredential('urn:via:credential:9', { reason: 'left' }),
    ).resolves.toEqual(revocation)
    expect(requests[0]!.method).toBe('DELETE')
    expect(requests[0]!.url).toBe('/credential/revoke/urn:via:credential:9')
    expect(requests[0]!.body).toBe('{"reason":"left"}')
    expectSigned(requests[0]!)
  })

  it('keeps a path prefix of baseUrl and pins another API-Version on request', async () => {
    const detail = { id: 'r', subjects: [], credentials: [] }
    server = await startServer((_req, res) => json(res, 200, detail))
    const client = createHumanosClient({
      apiKey: 'k',
      signatureSecret: SECRET,
      baseUrl: `${server.url}/gw/humanos/`,
      apiVersion: '2027-01-01',
    })
    await expect(client.getRequest('r')).resolves.toEqual(detail)
    expect(server.requests[0]!.url).toBe('/gw/humanos/request/r')
    expect(server.requests[0]!.headers['api-version']).toBe('2027-01-01')
  })

  it('defaults to the production base URL', async () => {
    const urls: string[] = []
    const client = createHumanosClient({
      apiKey: 'k',
      signatureSecret: SECRET,
      fetch: async (url) => {
        urls.push(String(url))
        return new Response(JSON.stringify({ success: true }), { status: 200 })
      },
    })
    await client.resendOtp('r', 'a@b.c')
    expect(urls).toEqual(['https://api.humanos.id/request/resend/r?contact=a%40b.c'])
  })
})

describe('createHumanosClient: retries and idempotency', () => {
  it('retries a create on 503 with the same Idempotency-Key, body and a fresh signature', async () => {
    const { client, requests } = await clientFor(
      (_req, res, i) =>
        i < 2
          ? json(res, 503, { statusCode: 503, message: 'busy', error: 'Service Unavailable' })
          : json(res, 200, created),
      // Backoff long enough that each attempt gets a later millisecond timestamp.
      { backoff: { initialDelayMs: 20, maxDelayMs: 40 } },
    )
    await expect(client.createRequest(input)).resolves.toEqual(created)
    expect(requests).toHaveLength(3)
    const keys = requests.map((r) => one(r.headers, 'idempotency-key'))
    expect(new Set(keys).size).toBe(1)
    const timestamps = requests.map((r) => Number(one(r.headers, 'x-timestamp')))
    expect(timestamps[1]!).toBeGreaterThan(timestamps[0]!)
    expect(timestamps[2]!).toBeGreaterThan(timestamps[1]!)
    expect(new Set(requests.map((r) => r.body))).toEqual(new Set([JSON.stringify(input)]))
    for (const req of requests) expectSigned(req)
  })

  it('gives each create call its own key, and uses a key the caller chose', async () => {
    const { client, requests } = await clientFor((_req, res) => json(res, 200, created))
    await client.createRequest(input)
    await client.createRequest(input)
    await client.createRequest(input, { idempotencyKey: 'order-42' })
    const keys = requests.map((r) => one(r.headers, 'idempotency-key'))
    expect(keys[0]).not.toBe(keys[1])
    expect(keys[2]).toBe('order-42')
  })

  it('retries after a dropped connection (response lost) with the same key', async () => {
    const { client, requests } = await clientFor((_req, res, i) => {
      if (i === 0) res.socket?.destroy()
      else json(res, 200, created)
    })
    await expect(client.createRequest(input)).resolves.toEqual(created)
    expect(requests).toHaveLength(2)
    expect(requests[0]!.headers['idempotency-key']).toBe(requests[1]!.headers['idempotency-key'])
  })

  it('waits out Retry-After on 429 before retrying', async () => {
    const { client, requests } = await clientFor((_req, res, i) =>
      i === 0
        ? json(
            res,
            429,
            { statusCode: 429, message: 'slow down', error: 'Too Many Requests' },
            { 'Retry-After': '1' },
          )
        : json(res, 200, created),
    )
    await expect(client.createRequest(input)).resolves.toEqual(created)
    expect(requests).toHaveLength(2)
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(950)
  })

  it('fails at once when Retry-After is longer than the client will wait', async () => {
    const { client, requests } = await clientFor(
      (_req, res) =>
        json(
          res,
          429,
          { statusCode: 429, message: 'slow down', error: 'Too Many Requests' },
          { 'Retry-After': '120' },
        ),
      { backoff: { initialDelayMs: 1, maxRetryAfterMs: 1_000 } },
    )
    const error = await client.getRequest('r').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HumanosApiError)
    expect((error as HumanosApiError).status).toBe(429)
    expect(requests).toHaveLength(1)
  })

  it('gives up after maxRetries and reports the last error with the attempt count', async () => {
    const { client, requests } = await clientFor(
      (_req, res) =>
        json(res, 502, { statusCode: 502, message: 'bad gateway', error: 'Bad Gateway' }),
      { maxRetries: 3 },
    )
    const error = await client.getRequest('r').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HumanosApiError)
    expect(error).toMatchObject({ status: 502, message: 'bad gateway', attempts: 4 })
    expect(requests).toHaveLength(4)
  })

  it('does not retry a cancel on 500 (a repeat could report a success as a failure)', async () => {
    const { client, requests } = await clientFor((_req, res) =>
      json(res, 500, { statusCode: 500, message: 'oops', error: 'Internal Server Error' }),
    )
    await expect(client.cancelRequest('r')).rejects.toMatchObject({ status: 500, attempts: 1 })
    expect(requests).toHaveLength(1)
  })

  it('does not retry a cancel whose connection dropped after it was sent', async () => {
    const { client, requests } = await clientFor((_req, res) => {
      res.socket?.destroy()
    })
    await expect(client.cancelRequest('r')).rejects.toMatchObject({
      name: 'HumanosRequestError',
      reason: 'network',
      attempts: 1,
    })
    expect(requests).toHaveLength(1)
  })

  it('retries a cancel on 429, which the server refused before acting', async () => {
    const { client, requests } = await clientFor((_req, res, i) =>
      i === 0
        ? json(res, 429, { statusCode: 429, message: 'later', error: 'Too Many Requests' })
        : json(res, 200, {}),
    )
    await expect(client.cancelRequest('r')).resolves.toBeUndefined()
    expect(requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE'])
  })

  it('does not retry a 4xx other than 429', async () => {
    const { client, requests } = await clientFor((_req, res) =>
      json(res, 401, { statusCode: 401, message: 'Invalid signature', error: 'Unauthorized' }),
    )
    await expect(client.createRequest(input)).rejects.toMatchObject({
      status: 401,
      message: 'Invalid signature',
    })
    expect(requests).toHaveLength(1)
  })

  it('reports a refused connection as a network error after retrying', async () => {
    server = await startServer((_req, res) => json(res, 200, {}))
    const url = server.url
    await server.close()
    server = undefined
    const client = createHumanosClient({
      apiKey: 'k',
      signatureSecret: SECRET,
      baseUrl: url,
      backoff: { initialDelayMs: 1 },
    })
    const error = await client.cancelRequest('r').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HumanosRequestError)
    expect(error).toMatchObject({ reason: 'network', attempts: 3 })
  })
})

describe('createHumanosClient: timeouts and aborts', () => {
  it('abandons an attempt after timeoutMs and retries it', async () => {
    const { client, requests } = await clientFor(
      (_req, res, i) => {
        if (i > 0) json(res, 200, { id: 'r', subjects: [], credentials: [] })
      },
      { timeoutMs: 200 },
    )
    await expect(client.getRequest('r')).resolves.toEqual({
      id: 'r',
      subjects: [],
      credentials: [],
    })
    expect(requests).toHaveLength(2)
  })

  it('fails with a timeout error when no attempt is answered in time', async () => {
    // Long enough for each attempt to reach the local server even on a loaded machine, so the
    // server-side count below measures retries, not scheduling.
    const { client, requests } = await clientFor(() => undefined, { timeoutMs: 400, maxRetries: 1 })
    const error = await client.getRequest('r').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HumanosRequestError)
    expect(error).toMatchObject({ reason: 'timeout', attempts: 2 })
    expect(requests).toHaveLength(2)
  })

  it("stops at once when the caller's signal aborts, even during a backoff wait", async () => {
    const { client, requests } = await clientFor(
      (_req, res) =>
        json(res, 503, { statusCode: 503, message: 'busy', error: 'Service Unavailable' }),
      { backoff: { initialDelayMs: 10_000, maxDelayMs: 10_000 } },
    )
    const controller = new AbortController()
    const started = Date.now()
    const pending = client.getRequest('r', { signal: controller.signal }).catch((e: unknown) => e)
    // The first attempt was answered (503): the client is now waiting out its 5-10 s backoff.
    await vi.waitFor(() => expect(requests).toHaveLength(1))
    controller.abort(new Error('caller gave up'))
    const error = await pending
    expect(error).toEqual(new Error('caller gave up'))
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(requests).toHaveLength(1)
  })
})

describe('createHumanosClient: errors', () => {
  it('turns an error body into a HumanosApiError with status, message, error and request id', async () => {
    const body = {
      statusCode: 400,
      message: ['contacts must not be empty', 'name too long'],
      error: 'Bad Request',
    }
    const { client } = await clientFor((_req, res) =>
      json(res, 400, body, { 'x-request-id': 'rq-7' }),
    )
    const error = await client.createRequest({ contacts: [] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HumanosApiError)
    expect(error).toMatchObject({
      status: 400,
      message: 'contacts must not be empty; name too long',
      error: 'Bad Request',
      requestId: 'rq-7',
      body,
    })
  })

  it('falls back to the HTTP status when the error body is not JSON', async () => {
    const { client } = await clientFor((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' })
      res.end('<h1>nope</h1>')
    })
    await expect(client.getCredential('urn:via:credential:x')).rejects.toMatchObject({
      status: 404,
      message: 'HTTP 404 Not Found',
      error: 'Not Found',
      body: '<h1>nope</h1>',
    })
  })

  it('sends exactly the compact string it signed, which is what Humanos re-serialises', async () => {
    const tricky = {
      contacts: ['ana@example.com'],
      name: 'Café «x»\n',
      credentials: [{ type: 'JSON', name: 'n', data: { a: [1, 2.5, { b: null }] } }],
    }
    const { client, requests } = await clientFor((_req, res) => json(res, 200, created))
    await client.createRequest(tricky as CreateRequestInput)
    const [req] = requests
    // The server's re-serialisation of what it received is byte for byte what was signed.
    expect(JSON.stringify(JSON.parse(req!.body))).toBe(req!.body)
    expectSigned(req!)
  })

  it('accepts a credential with only the documented required fields', async () => {
    const minimal = {
      id: 'urn:via:credential:1',
      resourceType: 'CONSENT',
      status: 'ACTIVE',
      w3cCredential: { proofs: [] },
    }
    const { client } = await clientFor((_req, res) => json(res, 200, minimal))
    await expect(client.getCredential(minimal.id)).resolves.toEqual(minimal)
  })

  it('refuses a credential answer without one of the required fields', async () => {
    const { client } = await clientFor((_req, res) =>
      json(res, 200, { id: 'urn:via:credential:1', status: 'ACTIVE', w3cCredential: {} }),
    )
    await expect(client.getCredential('urn:via:credential:1')).rejects.toMatchObject({
      reason: 'invalid_response',
    })
  })

  it('refuses a 2xx answer that is not the documented shape', async () => {
    const { client } = await clientFor((_req, res) => json(res, 201, { id: 42 }))
    await expect(client.createRequest(input)).rejects.toMatchObject({
      name: 'HumanosRequestError',
      reason: 'invalid_response',
    })
  })
})

describe('createHumanosClient: options', () => {
  const base = { apiKey: 'k', signatureSecret: 's' }

  it.each([
    [{ signatureSecret: 's' }, /apiKey/],
    [{ apiKey: ' ', signatureSecret: 's' }, /apiKey/],
    [{ apiKey: 'k\n', signatureSecret: 's' }, /apiKey/],
    [{ apiKey: 'k' }, /signatureSecret/],
    [{ ...base, baseUrl: 'not a url' }, /baseUrl/],
    [{ ...base, baseUrl: 'ftp://api.humanos.id' }, /baseUrl/],
    [{ ...base, baseUrl: 'https://api.humanos.id/?x=1' }, /baseUrl/],
    [{ ...base, apiVersion: 'latest' }, /apiVersion/],
    [{ ...base, maxRetries: -1 }, /maxRetries/],
    [{ ...base, maxRetries: 1.5 }, /maxRetries/],
    [{ ...base, timeoutMs: 0 }, /timeoutMs/],
    [{ ...base, fetch: 'nope' }, /fetch/],
  ])('throws a TypeError at once for %j', (options, message) => {
    expect(() => createHumanosClient(options as HumanosClientOptions)).toThrow(TypeError)
    expect(() => createHumanosClient(options as HumanosClientOptions)).toThrow(message)
  })

  it('throws a TypeError for bad call arguments before sending anything', async () => {
    const client = createHumanosClient(base)
    await expect(client.getRequest('')).rejects.toThrow(TypeError)
    await expect(client.createRequest(input, { idempotencyKey: 'has space' })).rejects.toThrow(
      TypeError,
    )
    await expect(client.listRequests({ pageIndex: -1 })).rejects.toThrow(TypeError)
  })

  it('never lets an id collapse the path: `.` and `..` are refused, `/` and `?` encoded (issue 15 item 14)', async () => {
    const { client, requests } = await clientFor((_req, res) => json(res, 200, {}))
    for (const id of ['.', '..']) {
      await expect(client.getCredential(id)).rejects.toThrow(/credentialId must not be/)
      await expect(client.getRequest(id)).rejects.toThrow(TypeError)
      await expect(client.cancelRequest(id)).rejects.toThrow(TypeError)
      await expect(client.revokeCredential(id)).rejects.toThrow(TypeError)
      await expect(client.resendOtp(id, 'a@b.c')).rejects.toThrow(TypeError)
    }
    // Nothing reached the server: no `GET /`, no `DELETE /request`.
    expect(requests).toEqual([])
    await client.getRequest('../credential/x?y=1#z').catch(() => undefined)
    expect(requests.map((r) => r.url)).toEqual(['/request/..%2Fcredential%2Fx%3Fy%3D1%23z'])
  })
})
