import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, loadSandboxConfig, resolveSandboxConfig } from './config.js'

describe('loadSandboxConfig', () => {
  it('uses the safe local defaults with an empty environment', () => {
    const config = loadSandboxConfig({})
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4010,
      allowedOrigins: expect.arrayContaining([
        'http://localhost:3000',
        'http://127.0.0.1:3000',
        'http://localhost:5173',
        'http://127.0.0.1:5173',
      ]),
      webhookUrl: null,
      showCodes: true,
      logRequests: true,
    })
    expect(config.dataFile).toMatch(/apps\/sandbox\/\.data\/sandbox\.sqlite$/)
  })

  it('reads every documented variable', () => {
    const config = loadSandboxConfig({
      PORT: '4110',
      HOST: '0.0.0.0',
      SANDBOX_API_KEY: 'k',
      SANDBOX_SIGNATURE_SECRET: 's',
      SANDBOX_ALLOWED_ORIGINS: ' http://localhost:5180 , https://shop.example/ ',
      SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:9000/hooks',
      SANDBOX_WEBHOOK_SIGNATURE_SECRET: 'ws',
      SANDBOX_WEBHOOK_ENCRYPTION_SECRET: Buffer.alloc(32, 1).toString('base64'),
      SANDBOX_WEBHOOK_ENCRYPTION_SALT: 'salt',
      SANDBOX_DATA: ':memory:',
      SANDBOX_SHOW_CODES: 'false',
      SANDBOX_SESSION_TTL_SECONDS: '60',
      SANDBOX_OTP_COOLDOWN_SECONDS: '5',
      SANDBOX_RATE_LIMIT_PER_MINUTE: '10',
      SANDBOX_WEBHOOK_BACKOFF_MS: '100',
      SANDBOX_LOG_REQUESTS: '0',
    })
    expect(config).toMatchObject({
      port: 4110,
      host: '0.0.0.0',
      apiKey: 'k',
      signatureSecret: 's',
      allowedOrigins: ['http://localhost:5180', 'https://shop.example'],
      webhookUrl: 'http://127.0.0.1:9000/hooks',
      dataFile: ':memory:',
      showCodes: false,
      sessionTtlMs: 60_000,
      otpResendCooldownMs: 5000,
      rateLimitPerMinute: 10,
      webhookBackoffMs: 100,
      logRequests: false,
    })
  })

  it.each([
    [{ PORT: 'eighty' }, /PORT: expected a whole number/],
    [{ SANDBOX_SHOW_CODES: 'maybe' }, /SANDBOX_SHOW_CODES: expected true or false/],
    [{ SANDBOX_ALLOWED_ORIGINS: 'http://shop.example' }, /must use https/],
    [{ SANDBOX_ALLOWED_ORIGINS: 'https://shop.example/path' }, /not a bare origin/],
    [
      {
        SANDBOX_ALLOWED_ORIGINS: Array.from({ length: 11 }, (_, i) => `https://s${i}.example`).join(
          ',',
        ),
      },
      /at most 10/,
    ],
    [{ SANDBOX_WEBHOOK_ENCRYPTION_SECRET: 'not base64!' }, /must be base64/],
    [{ SANDBOX_WEBHOOK_URL: 'ftp://x' }, /webhookUrl/],
  ])('refuses an invalid environment %j', (env, message) => {
    expect(() => loadSandboxConfig(env)).toThrow(message)
  })
})

describe('resolveSandboxConfig', () => {
  it('merges options over the defaults, ignoring undefined', () => {
    const config = resolveSandboxConfig({ port: 0, apiKey: undefined })
    expect(config.port).toBe(0)
    expect(config.apiKey).toBe(DEFAULT_CONFIG.apiKey)
    expect(config.logRequests).toBe(false)
  })

  it('refuses unknown options', () => {
    expect(() => resolveSandboxConfig({ prot: 1 } as never)).toThrow(
      /Invalid sandbox configuration/,
    )
  })
})
