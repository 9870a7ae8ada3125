// Creating a request survives the BFF dying mid-way. The browser sends an Idempotency-Key with
// POST /api/requests; the BFF hands it to Humanos (`createRequest(..., { idempotencyKey })`),
// so a retry after a crash or a lost answer replays the first creation instead of making a
// second request.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedClient } from '@humanos-link/test-kit/node'
import type { SignedCall } from '@humanos-link/test-kit/node'
import { bffSession } from '../apps/demo/src/bff/testing/sessionClient.js'
import type { BffSession } from '../apps/demo/src/bff/testing/sessionClient.js'
import { startFaultProxy } from './support/faultProxy.js'
import type { FaultProxy } from './support/faultProxy.js'
import { startBffProcess, startSandboxProcess } from './support/processes.js'
import type { ServerProcess } from './support/processes.js'

let sandbox: ServerProcess
let api: SignedCall
let dir: string
let upstream: FaultProxy
let bff: ServerProcess
let bffEnv: Record<string, string>
// One browser throughout: its session (in the database) outlives the BFF's crashes.
let browser: BffSession

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'humanos-bff-crash-'))
  sandbox = await startSandboxProcess({ SANDBOX_DATA: ':memory:' })
  api = signedClient(sandbox.url, { apiKey: 'sandbox-api-key', secret: 'sandbox-signature-secret' })
  // The BFF reaches Humanos through a proxy that can hold an answer back.
  upstream = await startFaultProxy(sandbox.url)
  bffEnv = { HUMANOS_BASE_URL: upstream.url, DEMO_DATA: path.join(dir, 'demo.sqlite') }
  bff = await startBffProcess(bffEnv)
  browser = bffSession(() => bff.url, 'http://localhost:5173')
})

afterAll(async () => {
  await bff?.kill()
  await upstream?.close()
  await sandbox?.kill()
  rmSync(dir, { recursive: true, force: true })
})

interface Answer {
  status: number
  json: Record<string, unknown>
}

async function create(base: string, name: string, key?: string): Promise<Answer> {
  const response = await browser
    .at(base)
    .call(
      'POST',
      '/api/requests',
      { contacts: ['crash@example.com'], credentialName: name },
      key === undefined ? {} : { 'idempotency-key': key },
    )
  return { status: response.status, json: response.json as Record<string, unknown> }
}

/** How many requests Humanos holds with this name. */
async function inHumanos(name: string): Promise<number> {
  const res = await api('GET', `/request?pageSize=100&search=${encodeURIComponent(name)}`)
  expect(res.status).toBe(200)
  return (res.json.data as Array<{ name: string }>).filter((r) => r.name === name).length
}

/** How many requests the BFF lists with this name. */
async function inBff(name: string): Promise<number> {
  const res = await browser.call('GET', '/api/requests')
  const { data } = res.json as { data: Array<{ credentialName: string }> }
  return data.filter((r) => r.credentialName === name).length
}

describe('POST /api/requests across a BFF crash', () => {
  it('killed while Humanos answers: the retry with the same key yields exactly one request', async () => {
    const name = `Killed ${randomUUID()}`
    const key = randomUUID()
    const held = upstream.intercept('POST', '/request', 'hold')
    const first = create(bff.url, name, key).catch((error: unknown) => error)
    // Humanos created the request; the BFF dies before it hears so.
    const createdId = (JSON.parse((await held).body) as { id: string }).id
    await bff.kill()
    expect(await first).toBeInstanceOf(Error)

    bff = await startBffProcess(bffEnv)
    const retry = await create(bff.url, name, key)
    expect(retry.status, JSON.stringify(retry.json)).toBe(201)
    expect(retry.json.requestId).toBe(createdId)
    expect(await inHumanos(name)).toBe(1)
    expect(await inBff(name)).toBe(1)
  })

  it('the answer is lost after the BFF finished: the retry gets the same request, once', async () => {
    const front = await startFaultProxy(bff.url)
    try {
      const name = `Lost ${randomUUID()}`
      const key = randomUUID()
      const dropped = front.intercept('POST', '/api/requests', 'drop')
      const first = create(front.url, name, key).catch((error: unknown) => error)
      const lost = JSON.parse((await dropped).body) as { requestId: string }
      expect(await first).toBeInstanceOf(Error)

      const retry = await create(front.url, name, key)
      expect(retry.status, JSON.stringify(retry.json)).toBe(201)
      expect(retry.json.requestId).toBe(lost.requestId)
      expect(await inHumanos(name)).toBe(1)
      expect(await inBff(name)).toBe(1)
    } finally {
      await front.close()
    }
  })

  it('the same key with another body is refused and creates nothing', async () => {
    const key = randomUUID()
    const name = `First ${key}`
    expect((await create(bff.url, name, key)).status).toBe(201)
    const other = await create(bff.url, `Other ${key}`, key)
    expect(other.status).toBe(409)
    expect(other.json.error).toBe('idempotency_conflict')
    expect(await inHumanos(`Other ${key}`)).toBe(0)
    expect(await inHumanos(name)).toBe(1)
  })

  it('refuses a malformed key, naming the header', async () => {
    const answer = await create(bff.url, 'Bad key', 'short')
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: 'invalid_request', field: 'Idempotency-Key' })
  })
})
