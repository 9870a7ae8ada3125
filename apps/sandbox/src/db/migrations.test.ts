import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../config.js'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import { MIGRATIONS } from './schema.js'

let dir: string | undefined
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }))

describe('migration 2: organizations', () => {
  it('upgrades a one-organization database in place: its data belongs to the first organization', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sandbox-migrate-'))
    const dataFile = path.join(dir, 'old.sqlite')
    const old = new Database(dataFile)
    old.exec(MIGRATIONS[0] as string)
    old.pragma('user_version = 1')
    old
      .prepare("INSERT INTO settings (key, base, override) VALUES ('allowedOrigins', ?, ?)")
      .run(JSON.stringify(DEFAULT_CONFIG.allowedOrigins), JSON.stringify(['https://kept.example']))
    old.prepare("INSERT INTO users (contact) VALUES ('old@example.com')").run()
    old
      .prepare(
        `INSERT INTO requests (id, seq, name, security_level, language, authorized_dids, created_at,
         expires_at) VALUES ('r1', 1, 'Old request', 'CONTACT', 'ENG', '[]', 1, ?)`,
      )
      .run(Date.now() + 60_000)
    old.close()

    const t = await startTestSandbox({ dataFile })
    try {
      const listed = await t.api('GET', '/request')
      expect(listed.json.data.map((r: { id: string }) => r.id)).toEqual(['r1'])
      const settings = await fetch(`${t.url}/_sandbox/settings`).then((r) => r.json())
      expect(settings.allowedOrigins).toEqual(['https://kept.example'])
      expect(settings.otpDelivery).toBe('humanos')
      // The old contact keeps its user number; a new contact gets the next one.
      const created = await t.api('POST', '/request', {
        body: requestBody({ contacts: ['old@example.com', 'new@example.com'] }),
      })
      expect(created.json.subjects.map((s: { id: string }) => s.id.split(':').pop())).toEqual([
        '1',
        '2',
      ])
      // Another organization does not inherit the old data.
      const other = await t.addOrganization()
      expect((await other.api('GET', '/request')).json.data).toEqual([])
    } finally {
      await t.close()
    }
  })
})
