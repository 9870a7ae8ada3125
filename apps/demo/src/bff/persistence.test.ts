// Requests and decisions live in SQLite: a BFF restarted on the same file has lost nothing, and
// still refuses an attestation it accepted before the restart.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedRequest, RequestList } from '../shared/apiTypes.js'
import { openDatabase } from './db/database.js'
import { MIGRATIONS } from './db/migrations.js'
import { decideInFrame } from './testing/linkFlow.js'
import { TEST_ORIGIN, startDemoStack } from './testing/demoStack.js'
import type { DemoStack } from './testing/demoStack.js'

let dir: string
let stack: DemoStack

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'demo-bff-'))
  stack = await startDemoStack({ dataFile: path.join(dir, 'nested', 'demo.sqlite') })
})
afterAll(async () => {
  await stack.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('persistence', () => {
  it('keeps requests, decisions and used attestations across a restart', async () => {
    const created = await stack.call('POST', '/api/requests', {
      contacts: ['keep@example.com'],
      credentialName: 'Keep me',
    })
    const { requestId, link } = created.json as CreatedRequest
    const [payload] = await decideInFrame({
      sandboxUrl: stack.sandboxUrl,
      link,
      contact: 'keep@example.com',
      origin: TEST_ORIGIN,
      action: 'accept',
    })
    const accepted = await stack.call('POST', '/api/attestations', {
      attestation: payload?.attestation,
    })
    expect(accepted.status).toBe(200)
    const before = (await stack.call('GET', '/api/requests')).json as RequestList

    await stack.stopBff()
    await stack.restartBff()

    const after = (await stack.call('GET', '/api/requests')).json as RequestList
    expect(after).toEqual(before)
    expect(after.data.find((r) => r.requestId === requestId)?.status).toBe('ACTIVE')
    const replay = await stack.call('POST', '/api/attestations', {
      attestation: payload?.attestation,
    })
    expect(replay.status).toBe(409)
  })

  it('refuses a database written by a newer demo instead of corrupting it', () => {
    const file = path.join(dir, 'newer.sqlite')
    const db = openDatabase(file)
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    db.close()
    expect(() => openDatabase(file)).toThrow(/newer than this demo/)
  })
})
