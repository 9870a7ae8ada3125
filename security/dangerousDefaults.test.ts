// Issue 15, item 6: defaults that are fine on a laptop must not silently become holes when
// deployed. The demo BFF refuses to start when the README's webhook secrets (with which anyone
// can forge a webhook it records as a decision) meet a non-loopback upstream or bind address;
// the sandbox says loudly what it serves when bound beyond loopback. Real processes, read by
// their exit code and output.
import { describe, expect, it } from 'vitest'
import { runToExit, startBffProcess, startSandboxProcess } from './support/processes.js'

const BFF = 'apps/demo/src/bff/main.ts'
const OWN_SECRETS = {
  HUMANOS_WEBHOOK_SIGNATURE_SECRET: 'whsec-of-this-deployment',
  HUMANOS_WEBHOOK_ENCRYPTION_SECRET: 'b3duLWVuY3J5cHRpb24tc2VjcmV0',
  HUMANOS_WEBHOOK_ENCRYPTION_SALT: 'own-salt',
}

describe('the demo BFF with the README webhook secrets', () => {
  it('refuses to start against a production-like Humanos URL', async () => {
    const run = await runToExit(BFF, {
      BFF_PORT: '0',
      DEMO_DATA: ':memory:',
      HUMANOS_BASE_URL: 'https://api.humanos.example',
    })
    expect(run.code).toBe(1)
    expect(run.output).toContain('Refusing to start')
    expect(run.output).toContain('HUMANOS_WEBHOOK_SIGNATURE_SECRET')
    expect(run.output).toContain('HUMANOS_BASE_URL is https://api.humanos.example')
    expect(run.output).not.toContain('Demo BFF ready')
  })

  it('refuses to start bound beyond loopback, even against the local sandbox', async () => {
    const run = await runToExit(BFF, { BFF_PORT: '0', DEMO_DATA: ':memory:', BFF_HOST: '0.0.0.0' })
    expect(run.code).toBe(1)
    expect(run.output).toContain('BFF_HOST is 0.0.0.0')
    expect(run.output).toContain('DEMO_ALLOW_DEFAULT_SECRETS')
  })

  it('starts with secrets of its own, or with the explicit opt-in and a warning', async () => {
    const own = await startBffProcess({
      DEMO_DATA: ':memory:',
      HUMANOS_BASE_URL: 'https://api.humanos.example',
      ...OWN_SECRETS,
    })
    await own.stop()
    const optIn = await startBffProcess({
      DEMO_DATA: ':memory:',
      BFF_HOST: '0.0.0.0',
      DEMO_ALLOW_DEFAULT_SECRETS: 'true',
    })
    expect(optIn.output()).toContain('WARNING: DEMO_ALLOW_DEFAULT_SECRETS=true')
    await optIn.stop()
  })

  it('starts quietly on loopback against the local sandbox: npm run demo needs no setup', async () => {
    const local = await startBffProcess({ DEMO_DATA: ':memory:' })
    expect(local.output()).not.toMatch(/WARNING|Refusing/)
    await local.stop()
  })
})

describe('the sandbox bound beyond loopback', () => {
  it('warns on stderr and names what it serves to the network', async () => {
    const exposed = await startSandboxProcess({ SANDBOX_DATA: ':memory:', HOST: '0.0.0.0' })
    try {
      const output = exposed.output()
      expect(output).toContain('WARNING: the sandbox listens on 0.0.0.0')
      expect(output).toContain('DEFAULT API key')
      expect(output).toContain('still answer only this machine')
    } finally {
      await exposed.stop()
    }
    const open = await startSandboxProcess({
      SANDBOX_DATA: ':memory:',
      HOST: '0.0.0.0',
      SANDBOX_REMOTE_DEV_TOOLS: 'true',
    })
    try {
      expect(open.output()).toContain('read EVERY one-time code')
    } finally {
      await open.stop()
    }
  })

  it('says nothing of the kind on loopback', async () => {
    const local = await startSandboxProcess({ SANDBOX_DATA: ':memory:' })
    try {
      expect(local.output()).not.toContain('WARNING')
    } finally {
      await local.stop()
    }
  })
})
