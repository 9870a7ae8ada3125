// The browser bundle is built for real and searched: no secret of the BFF's configuration may
// end up in what a browser downloads.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_BFF_CONFIG } from './config.js'

const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const outDir = mkdtempSync(path.join(tmpdir(), 'demo-web-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  )
}

describe('the web bundle', () => {
  it('carries no API key or secret, even when they are set in the environment', async () => {
    const secrets = {
      HUMANOS_API_KEY: 'env-api-key-8d1f',
      HUMANOS_SIGNATURE_SECRET: 'env-signature-secret-51ac',
      HUMANOS_WEBHOOK_SIGNATURE_SECRET: 'env-webhook-secret-77e0',
    }
    Object.assign(process.env, secrets)
    try {
      await build({
        configFile: path.join(demoDir, 'vite.config.ts'),
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true, sourcemap: true },
      })
    } finally {
      for (const name of Object.keys(secrets)) delete process.env[name]
    }
    const files = filesUnder(outDir)
    const text = files.map((file) => readFileSync(file, 'utf8')).join('\n')
    // The scan reads the real app: its BFF calls and the plain-HTML page are in there.
    expect(text).toContain('/api/attestations')
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['embed.js']))
    const forbidden = [
      ...Object.values(secrets),
      DEFAULT_BFF_CONFIG.apiKey,
      DEFAULT_BFF_CONFIG.signatureSecret,
      DEFAULT_BFF_CONFIG.webhookSignatureSecret,
      DEFAULT_BFF_CONFIG.webhookEncryptionSecret,
      DEFAULT_BFF_CONFIG.webhookEncryptionSalt,
    ]
    expect(forbidden.filter((secret) => text.includes(secret))).toEqual([])
  }, 60_000)
})
