// Issue 15 item 12: every page load stored a frame row with no bound, and the Link page's API
// had no rate limit. A loop opening a known link must neither grow the database nor go on
// forever.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { generateHostKeyPair } from '@humanos-link/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RateLimiter } from '../api/rateLimiter.js'
import type { SandboxConfig } from '../config.js'
import { linkPageClient } from '../testing/linkPageClient.js'
import { startTestSandbox } from '../testing/testSandbox.js'

const keys = await generateHostKeyPair()
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  vi.useRealTimers()
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function sandbox(options: Partial<SandboxConfig> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-flood-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const dataFile = path.join(dir, 'data.sqlite')
  const t = await startTestSandbox({ dataFile, ...options })
  cleanups.push(() => t.close())
  const frames = (sessionId?: string) => {
    const db = new Database(dataFile, { readonly: true })
    try {
      const sql = `SELECT COUNT(*) AS n FROM frames${sessionId ? ' WHERE session_id = ?' : ''}`
      return (db.prepare(sql).get(...(sessionId ? [sessionId] : [])) as { n: number }).n
    } finally {
      db.close()
    }
  }
  return { t, frames, ...linkPageClient(t, keys) }
}

describe('frame rows', () => {
  it('are bounded per session: a flood of page loads keeps the newest and the verified', async () => {
    const { frames, createRequest, open, codeFor, page } = await sandbox({ framesPerSession: 5 })
    const { link, sessionId } = await createRequest()
    const person = (await open(link)).boot.frame
    await page(sessionId, '/otp/verify', { frame: person, code: await codeFor(sessionId) })
    const opened = []
    for (let i = 0; i < 12; i++) opened.push((await open(link)).boot.frame)
    expect(frames(sessionId)).toBe(5)
    // The person's verified frame survived the flood and can still decide.
    const decided = await page(sessionId, '/decision', { frame: person, action: 'accept' })
    expect(decided.status).toBe(200)
    // An evicted frame is told to reload.
    const evicted = await page(sessionId, '/otp/verify', { frame: opened[0], code: '123456' })
    expect(evicted).toMatchObject({ status: 403, json: { code: 'invalid_frame' } })
  }, 20_000)

  it('are deleted once no session can still use them', async () => {
    const { frames, createRequest, open } = await sandbox({ sessionTtlMs: 60_000 })
    const old = await createRequest()
    for (let i = 0; i < 3; i++) await open(old.link)
    expect(frames()).toBe(3)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_001 })
    const fresh = await createRequest()
    await open(fresh.link)
    expect(frames()).toBe(1)
    expect(frames(old.sessionId)).toBe(0)
  })
})

describe('the Link page rate limit', () => {
  it('answers page loads over a link’s budget with a 429 page that says so, and tells the host', async () => {
    const { frames, createRequest, open } = await sandbox({ linkRateLimitPerMinute: 3 })
    const { link, sessionId } = await createRequest()
    for (let i = 0; i < 3; i++) expect((await open(link)).res.status).toBe(200)
    const refused = await open(link)
    expect(refused.res.status).toBe(429)
    expect(Number(refused.res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.html).toContain('This link was opened too often')
    // The protocol has no closer code than `internal`; the message says what happened.
    expect(refused.boot).toMatchObject({
      mode: 'error',
      code: 'internal',
      origin: expect.any(String),
    })
    expect(refused.boot.message).toMatch(/^Too many requests for this link: wait \d+ s/)
    expect(frames(sessionId)).toBe(3)
    // Another link is not affected.
    expect((await open((await createRequest()).link)).res.status).toBe(200)
  })

  it('limits the page API calls of one link too', async () => {
    const { t, createRequest, open } = await sandbox({ linkRateLimitPerMinute: 4 })
    const { link, sessionId } = await createRequest()
    const frame = (await open(link)).boot.frame
    const statuses = []
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await t.post(`/link/${sessionId}/otp/verify`, { frame, code: '000001' })).status,
      )
    }
    const refused = await t.post(`/link/${sessionId}/otp/verify`, { frame, code: '000001' })
    expect(statuses.slice(0, 3)).toEqual([400, 400, 423])
    expect(refused).toMatchObject({
      status: 429,
      json: { code: 'rate_limited', message: expect.stringMatching(/wait \d+ s/) },
    })
  })

  it('limits one client across links', async () => {
    const { createRequest, open } = await sandbox({ linkClientRateLimitPerMinute: 5 })
    const links = []
    for (let i = 0; i < 6; i++) links.push((await createRequest()).link)
    const statuses = []
    for (const link of links) statuses.push((await open(link)).res.status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const unknown = await open(links[0]!.replace(/[^/]+$/, 'made-up-id'))
    expect(unknown.res.status).toBe(429)
  })
})

describe('RateLimiter memory', () => {
  it('drops keys with no call in the window once it holds many', () => {
    const limiter = new RateLimiter(1, 1000)
    for (let i = 0; i < 5000; i++) limiter.take(`key-${i}`, i)
    expect(limiter.size).toBeLessThanOrEqual(2000)
  })
})
