import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** Where the BFF keeps its database when `DEMO_DATA` is not set: `apps/demo/.data/demo.sqlite`. */
export const DEFAULT_DATA_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '.data',
  'demo.sqlite',
)

/** Everything the BFF is configured with. Secrets live here and nowhere the browser can reach. */
export interface BffConfig {
  /** Interface to listen on (`BFF_HOST`). */
  host: string
  /** Port (`BFF_PORT`); `0` picks a free one. */
  port: number
  /** The Humanos API (`HUMANOS_BASE_URL`); also the attestations' `iss`. */
  humanosBaseUrl: string
  apiKey: string
  signatureSecret: string
  webhookSignatureSecret: string
  webhookEncryptionSecret: string
  webhookEncryptionSalt: string
  /** Origins of the pages that host the Link frame (`DEMO_ORIGIN`, comma-separated): the `aud`. */
  demoOrigins: string[]
  /** SQLite file, or `:memory:` (`DEMO_DATA`). */
  dataFile: string
  /** `POST /api/requests` per client per minute (`DEMO_CREATE_LIMIT_PER_MINUTE`). */
  createLimitPerMinute: number
  /** Largest request body in bytes (`DEMO_MAX_BODY_BYTES`); `413` above. */
  maxBodyBytes: number
  /** Deepest JSON nesting of a body; `400` above. */
  maxJsonDepth: number
  /** New browser sessions per TCP peer per minute (`DEMO_SESSION_LIMIT_PER_MINUTE`). */
  sessionLimitPerMinute: number
  /**
   * Host names the BFF answers besides IP literals, `localhost` and the hosts of
   * `demoOrigins` (`BFF_ALLOWED_HOSTS`, comma-separated); see http/hostGuard.ts.
   */
  allowedHosts: string[]
  /**
   * Start even though the webhook secrets are the public defaults and the upstream or the bind
   * address is not loopback (`DEMO_ALLOW_DEFAULT_SECRETS=true`); see {@link resolveBffConfig}.
   */
  allowDefaultSecrets: boolean
}

// The sandbox's defaults (apps/sandbox/src/config.ts), so `npm run demo` works with no setup.
// They are public on purpose; a test checks they still match the sandbox.
export const DEFAULT_BFF_CONFIG: Readonly<BffConfig> = Object.freeze({
  host: '127.0.0.1',
  port: 4020,
  humanosBaseUrl: 'http://127.0.0.1:4010',
  apiKey: 'sandbox-api-key',
  signatureSecret: 'sandbox-signature-secret',
  webhookSignatureSecret: 'sandbox-webhook-signature-secret',
  webhookEncryptionSecret: 'c2FuZGJveC13ZWJob29rLWVuY3J5cHRpb24tc2VjcmV0',
  webhookEncryptionSalt: 'sandbox-webhook-salt',
  demoOrigins: ['http://localhost:5173'],
  dataFile: DEFAULT_DATA_FILE,
  createLimitPerMinute: 20,
  maxBodyBytes: 64 * 1024,
  maxJsonDepth: 16,
  sessionLimitPerMinute: 60,
  allowedHosts: [],
  allowDefaultSecrets: false,
})

const origin = z
  .url({ protocol: /^https?$/ })
  .refine((value) => new URL(value).origin === value, 'must be an origin, like http://host:port')

const configSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(0).max(65_535),
  humanosBaseUrl: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
  apiKey: z.string().min(1),
  signatureSecret: z.string().min(1),
  webhookSignatureSecret: z.string().min(1),
  webhookEncryptionSecret: z.base64(),
  webhookEncryptionSalt: z.string().min(1),
  demoOrigins: z.array(origin).min(1),
  dataFile: z.string().min(1),
  createLimitPerMinute: z.number().int().positive(),
  maxBodyBytes: z.number().int().positive(),
  maxJsonDepth: z.number().int().positive(),
  sessionLimitPerMinute: z.number().int().positive(),
  allowedHosts: z.array(z.string().regex(/^[A-Za-z0-9.-]+$/, 'must be a host name')),
  allowDefaultSecrets: z.boolean(),
})

const WEBHOOK_SECRETS = [
  ['webhookSignatureSecret', 'HUMANOS_WEBHOOK_SIGNATURE_SECRET'],
  ['webhookEncryptionSecret', 'HUMANOS_WEBHOOK_ENCRYPTION_SECRET'],
  ['webhookEncryptionSalt', 'HUMANOS_WEBHOOK_ENCRYPTION_SALT'],
] as const

/** True for `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: this machine only. */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase()
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  )
}

/**
 * The README's webhook secrets are public: with them anyone can forge a webhook that the BFF
 * records as a decision. That is fine against the local sandbox; with a real upstream or a BFF
 * reachable from other machines it is a hole, so the configuration is refused.
 */
function defaultSecretProblem(config: z.infer<typeof configSchema>): string | null {
  if (config.allowDefaultSecrets) return null
  const defaults = WEBHOOK_SECRETS.filter(([key]) => config[key] === DEFAULT_BFF_CONFIG[key])
  if (defaults.length === 0) return null
  const upstream = new URL(config.humanosBaseUrl).hostname
  const exposed = [
    isLoopbackHost(upstream) ? null : `HUMANOS_BASE_URL is ${config.humanosBaseUrl}`,
    isLoopbackHost(config.host) ? null : `BFF_HOST is ${config.host}`,
  ].filter(Boolean)
  if (exposed.length === 0) return null
  return (
    `Refusing to start: ${defaults.map(([, env]) => env).join(', ')} still have the public ` +
    `default values from the README, and ${exposed.join(' and ')} (not loopback). Anyone could ` +
    'forge webhooks this BFF would record. Set your own secrets (the ones your Humanos ' +
    'dashboard shows), or set DEMO_ALLOW_DEFAULT_SECRETS=true if this really is a throwaway setup.'
  )
}

/**
 * Merges `options` over {@link DEFAULT_BFF_CONFIG} and checks the result.
 * @throws Error naming every invalid option (never its value: some are secrets), and when the
 *   public default webhook secrets meet a non-loopback upstream or bind address (unless
 *   `allowDefaultSecrets`).
 */
export function resolveBffConfig(options: Partial<BffConfig> = {}): BffConfig {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  const parsed = configSchema.safeParse({ ...DEFAULT_BFF_CONFIG, ...defined })
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new Error(`Invalid BFF configuration:\n${lines.join('\n')}`)
  }
  const problem = defaultSecretProblem(parsed.data)
  if (problem) throw new Error(problem)
  return parsed.data
}

type Env = Record<string, string | undefined>

const ENV_STRINGS: Array<[string, keyof BffConfig]> = [
  ['BFF_HOST', 'host'],
  ['HUMANOS_BASE_URL', 'humanosBaseUrl'],
  ['HUMANOS_API_KEY', 'apiKey'],
  ['HUMANOS_SIGNATURE_SECRET', 'signatureSecret'],
  ['HUMANOS_WEBHOOK_SIGNATURE_SECRET', 'webhookSignatureSecret'],
  ['HUMANOS_WEBHOOK_ENCRYPTION_SECRET', 'webhookEncryptionSecret'],
  ['HUMANOS_WEBHOOK_ENCRYPTION_SALT', 'webhookEncryptionSalt'],
  ['DEMO_DATA', 'dataFile'],
]

const ENV_NUMBERS: Array<[string, keyof BffConfig]> = [
  ['BFF_PORT', 'port'],
  ['DEMO_CREATE_LIMIT_PER_MINUTE', 'createLimitPerMinute'],
  ['DEMO_MAX_BODY_BYTES', 'maxBodyBytes'],
  ['DEMO_SESSION_LIMIT_PER_MINUTE', 'sessionLimitPerMinute'],
]

/**
 * Reads the configuration from environment variables (README lists them); unset or empty ones
 * keep the sandbox-matching defaults.
 * @throws Error naming every variable that is set but invalid.
 */
export function loadBffConfig(env: Env): BffConfig {
  const options: Record<string, unknown> = {}
  const problems: string[] = []
  const value = (name: string) => env[name]?.trim() || undefined
  for (const [name, key] of ENV_STRINGS) options[key] = value(name)
  for (const [name, key] of ENV_NUMBERS) {
    const raw = value(name)
    if (raw === undefined) continue
    if (/^\d+$/.test(raw)) options[key] = Number(raw)
    else problems.push(`${name}: expected a whole number, got "${raw}"`)
  }
  const origins = value('DEMO_ORIGIN')
  if (origins !== undefined) {
    options.demoOrigins = origins
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
  }
  const allowDefaults = value('DEMO_ALLOW_DEFAULT_SECRETS')
  if (allowDefaults !== undefined) {
    if (allowDefaults === 'true' || allowDefaults === 'false') {
      options.allowDefaultSecrets = allowDefaults === 'true'
    } else
      problems.push(`DEMO_ALLOW_DEFAULT_SECRETS: expected true or false, got "${allowDefaults}"`)
  }
  const hosts = value('BFF_ALLOWED_HOSTS')
  if (hosts !== undefined) {
    options.allowedHosts = hosts
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean)
  }
  if (problems.length > 0) throw new Error(`Invalid BFF configuration:\n${problems.join('\n')}`)
  return resolveBffConfig(options as Partial<BffConfig>)
}
