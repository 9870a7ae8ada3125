import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { requestBody, startTestSandbox } from './testing/testSandbox.js'

let dir: string
let dataFile: string

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sandbox-data-'))
  dataFile = path.join(dir, 'nested', 'sandbox.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const json = (url: string) => fetch(url).then((r) => r.json())

describe('restart persistence', () => {
  it('keeps requests, decisions, the outbox and the signing keys across a restart', async () => {
    const first = await startTestSandbox({ dataFile })
    const port = first.sandbox.config.port
    const created = await first.api('POST', '/request', {
      body: requestBody({ contacts: ['a@x.io', 'b@x.io'] }),
    })
    const sessionId = new URL(created.json.subjects[0].link).pathname.split('/').pop()
    await first.post(`/_sandbox/sessions/${sessionId}/decide`, { action: 'accept' })
    const before = {
      detail: (await first.api('GET', `/request/${created.json.id}`)).json,
      jwks: await json(`${first.url}/.well-known/jwks.json`),
      did: await json(`${first.url}/.well-known/did.json`),
      outbox: await json(`${first.url}/_sandbox/outbox`),
    }
    await first.close()

    const second = await startTestSandbox({ dataFile, port })
    try {
      expect((await second.api('GET', `/request/${created.json.id}`)).json).toEqual(before.detail)
      expect(await json(`${second.url}/.well-known/jwks.json`)).toEqual(before.jwks)
      expect(await json(`${second.url}/.well-known/did.json`)).toEqual(before.did)
      expect(await json(`${second.url}/_sandbox/outbox`)).toEqual(before.outbox)
      expect(before.detail.credentials[0].decisions).toHaveLength(1)
      // The next user gets the next number: counters survive too.
      const next = await second.api('POST', '/request', {
        body: requestBody({ contacts: ['c@x.io'] }),
      })
      expect(next.json.subjects[0].id).toMatch(/:user:3$/)
    } finally {
      await second.close()
    }
  })

  it('keeps settings changed at run time, until the configuration of that setting changes', async () => {
    const put = (url: string, body: unknown) =>
      fetch(`${url}/_sandbox/settings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const first = await startTestSandbox({ dataFile })
    expect(
      (
        await put(first.url, {
          allowedOrigins: ['https://shop.example'],
          webhookEncryptionSalt: 'salt-2',
        })
      ).status,
    ).toBe(200)
    await first.close()

    const second = await startTestSandbox({ dataFile })
    expect(await json(`${second.url}/_sandbox/settings`)).toMatchObject({
      allowedOrigins: ['https://shop.example'],
      webhookEncryptionSalt: 'salt-2',
    })
    await second.close()

    const third = await startTestSandbox({ dataFile, allowedOrigins: ['https://other.example'] })
    try {
      expect(await json(`${third.url}/_sandbox/settings`)).toMatchObject({
        allowedOrigins: ['https://other.example'],
        webhookEncryptionSalt: 'salt-2',
      })
    } finally {
      await third.close()
    }
  })

  it('refuses a database written by a newer sandbox', async () => {
    const Database = (await import('better-sqlite3')).default
    const { mkdirSync } = await import('node:fs')
    mkdirSync(path.dirname(dataFile), { recursive: true })
    const db = new Database(dataFile)
    db.pragma('user_version = 99')
    db.close()
    await expect(startTestSandbox({ dataFile })).rejects.toThrow(/schema version 99/)
  })
})
