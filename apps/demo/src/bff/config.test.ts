import { DEFAULT_CONFIG as SANDBOX_DEFAULTS } from '@humanos-link/sandbox'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BFF_CONFIG, loadBffConfig } from './config.js'

describe('BFF configuration', () => {
  it('defaults to the sandbox’s own credentials, so `npm run demo` needs no setup', () => {
    const config = loadBffConfig({})
    expect(config).toMatchObject({
      humanosBaseUrl: `http://${SANDBOX_DEFAULTS.host}:${SANDBOX_DEFAULTS.port}`,
      apiKey: SANDBOX_DEFAULTS.apiKey,
      signatureSecret: SANDBOX_DEFAULTS.signatureSecret,
      webhookSignatureSecret: SANDBOX_DEFAULTS.webhookSignatureSecret,
      webhookEncryptionSecret: SANDBOX_DEFAULTS.webhookEncryptionSecret,
      webhookEncryptionSalt: SANDBOX_DEFAULTS.webhookEncryptionSalt,
      port: 4020,
      demoOrigins: ['http://localhost:5173'],
    })
    // The web app's origin must be one the sandbox lets the Link frame talk to.
    expect(SANDBOX_DEFAULTS.allowedOrigins).toEqual(expect.arrayContaining(config.demoOrigins))
    expect(config.dataFile).toMatch(/apps[/\\]demo[/\\]\.data[/\\]demo\.sqlite$/)
  })

  it('reads the environment, trimming and splitting origins', () => {
    const config = loadBffConfig({
      HUMANOS_BASE_URL: 'http://127.0.0.1:4110/',
      HUMANOS_API_KEY: 'key',
      BFF_PORT: '4120',
      DEMO_ORIGIN: ' http://localhost:5175 , https://demo.example ',
      DEMO_DATA: ':memory:',
      DEMO_CREATE_LIMIT_PER_MINUTE: '',
    })
    expect(config).toMatchObject({
      humanosBaseUrl: 'http://127.0.0.1:4110',
      apiKey: 'key',
      port: 4120,
      demoOrigins: ['http://localhost:5175', 'https://demo.example'],
      dataFile: ':memory:',
      createLimitPerMinute: DEFAULT_BFF_CONFIG.createLimitPerMinute,
    })
  })

  it('names each invalid variable without echoing secret values', () => {
    expect(() => loadBffConfig({ BFF_PORT: 'eighty' })).toThrow(/BFF_PORT: expected a whole number/)
    expect(() => loadBffConfig({ DEMO_ORIGIN: 'http://localhost:5173/app' })).toThrow(
      /demoOrigins\.0: must be an origin/,
    )
    let message = ''
    try {
      loadBffConfig({ HUMANOS_WEBHOOK_ENCRYPTION_SECRET: 'not base64 secret!' })
    } catch (error) {
      message = error instanceof Error ? error.message : ''
    }
    expect(message).toMatch(/webhookEncryptionSecret/)
    expect(message).not.toContain('not base64 secret!')
  })
})
