// Fault injection for step 3 of api/idempotency.ts: the idempotency record and the resource it
// answers for are written in one transaction. A trigger, added through a second connection to
// the sandbox's database file, makes the idempotency insert fail after the resource was written
// in the same transaction: the way a crash between the two steps would. A retry with the same
// key must then create exactly one resource.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import type { TestSandbox } from '../testing/testSandbox.js'

let dir: string
let t: TestSandbox
let side: Database.Database

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sandbox-fault-'))
  const dataFile = path.join(dir, 'sandbox.sqlite')
  t = await startTestSandbox({ dataFile, otpResendCooldownMs: 0 })
  side = new Database(dataFile)
  side.pragma('busy_timeout = 5000')
})
afterAll(async () => {
  side.close()
  await t.close()
  rmSync(dir, { recursive: true, force: true })
})

function failIdempotencyInserts(): void {
  side.exec(`CREATE TRIGGER injected_fault BEFORE INSERT ON idempotency
    BEGIN SELECT RAISE(ABORT, 'injected fault between the resource and its idempotency record'); END`)
}
function heal(): void {
  side.exec('DROP TRIGGER injected_fault')
}
const count = (sql: string) => (side.prepare(sql).get() as { n: number }).n

describe('idempotency in one transaction', () => {
  it('POST /request: a failure after the request was written leaves nothing, and the retry creates one', async () => {
    const headers = { 'Idempotency-Key': 'fault-create' }
    const body = requestBody({ contacts: ['fault@example.com'] })
    failIdempotencyInserts()
    const failed = await t.api('POST', '/request', { body, headers })
    heal()
    expect(failed.status).toBe(500)
    expect(count('SELECT COUNT(*) AS n FROM requests')).toBe(0)
    expect(count('SELECT COUNT(*) AS n FROM outbox')).toBe(0)

    const retried = await t.api('POST', '/request', { body, headers })
    expect(retried.status).toBe(200)
    const again = await t.api('POST', '/request', { body, headers })
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.json).toEqual(retried.json)
    expect(count('SELECT COUNT(*) AS n FROM requests')).toBe(1)
    expect(count("SELECT COUNT(*) AS n FROM outbox WHERE contact = 'fault@example.com'")).toBe(1)
  })

  it('PATCH /request/resend: a failed record rolls the resend back too', async () => {
    const created = await t.api('POST', '/request', {
      body: requestBody({ contacts: ['re@example.com'] }),
    })
    const resend = `/request/resend/${created.json.id}?contact=re%40example.com`
    const headers = { 'Idempotency-Key': 'fault-resend' }
    const sends = () => count("SELECT COUNT(*) AS n FROM outbox WHERE contact = 're@example.com'")
    failIdempotencyInserts()
    expect((await t.api('PATCH', resend, { headers })).status).toBe(500)
    heal()
    expect(sends()).toBe(1)
    expect((await t.api('PATCH', resend, { headers })).status).toBe(200)
    expect((await t.api('PATCH', resend, { headers })).status).toBe(200)
    expect(sends()).toBe(2)
  })

  it('POST /user: a failed record imports nobody', async () => {
    const headers = { 'Idempotency-Key': 'fault-user' }
    const body = [{ contact: 'imported@example.com' }]
    failIdempotencyInserts()
    expect((await t.api('POST', '/user', { body, headers })).status).toBe(500)
    heal()
    expect(count("SELECT COUNT(*) AS n FROM users WHERE contact = 'imported@example.com'")).toBe(0)
    const retried = await t.api('POST', '/user', { body, headers })
    expect(retried.json[0].status).toBe(200)
  })
})
