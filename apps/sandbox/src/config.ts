import path from 'node:path'
import { z } from 'zod'
import { PACKAGE_ROOT, RUNNING_FROM_SOURCE } from './packagePaths.js'
import { originListSchema, otpDeliverySchema, webhookSecretSchema } from './settingsSchema.js'

/**
 * Where the sandbox keeps its database when `SANDBOX_DATA` is not set: `apps/sandbox/.data/` in
 * this repository; `.humanos-sandbox/` in the current folder for the installed package (a
 * database inside `node_modules` or the npx cache would vanish with the next install).
 */
export const DEFAULT_DATA_FILE = RUNNING_FROM_SOURCE
  ? path.join(PACKAGE_ROOT, '.data', 'sandbox.sqlite')
  : path.resolve('.humanos-sandbox', 'sandbox.sqlite')

/**
 * The dev servers a new project most likely runs on, as `localhost` and `127.0.0.1`: Next.js,
 * Express and most Node servers (3000), Vite (5173) and its preview (4173), and 8080. Only
 * loopback `http:` origins, so the default lets no deployed site in.
 */
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = Object.freeze(
  [3000, 5173, 4173, 8080].flatMap((port) => [
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
  ]),
)

/** Everything the sandbox can be configured with. Durations are in milliseconds. */
export interface SandboxConfig {
  /** Interface to listen on (`HOST`). */
  host: string
  /** Port to listen on (`PORT`); `0` picks a free one. */
  port: number
  /**
   * Base URL the sandbox calls itself by (links, `iss`, the DID). Default: `http://<host>:<port>`
   * with the port actually bound (`SANDBOX_PUBLIC_URL`).
   */
  publicUrl: string | null
  /** The one API key the API accepts as `Authorization: Bearer <key>`. */
  apiKey: string
  /** Secret of the `X-Signature` HMAC. */
  signatureSecret: string
  /** Host origins the Link page may talk to (at most 10). */
  allowedOrigins: string[]
  /** Where webhooks go; `null` records events without delivering them. */
  webhookUrl: string | null
  webhookSignatureSecret: string
  /** Base64; its decoded bytes are the PBKDF2 password. */
  webhookEncryptionSecret: string
  webhookEncryptionSalt: string
  /**
   * Who delivers the first organization's one-time codes: `humanos` (the sandbox, into its
   * outbox) or `none` (the organization; `POST /request` then answers each subject's `code`).
   */
  otpDelivery: 'humanos' | 'none'
  /** SQLite file, or `:memory:`. */
  dataFile: string
  /**
   * Show the codes that were "sent" in the sandbox inbox (`/_sandbox/inbox`, `/_sandbox/outbox`).
   * The Link page never shows them.
   */
  showCodes: boolean
  /** Let other machines use `/_sandbox/*` (http/loopbackOnly.ts). Default false. */
  remoteDevTools: boolean
  /** Life of a request's Link sessions. */
  sessionTtlMs: number
  /** Life of one one-time code. */
  otpTtlMs: number
  /** Wrong codes one frame (one page load) may type before that frame is locked. */
  otpMaxAttempts: number
  /**
   * Wrong codes from every frame of a session before the session itself is locked for
   * {@link otpLockMs}: the bound on guessing with many page loads.
   */
  otpSessionMaxFailures: number
  /** How long a session locked by {@link otpSessionMaxFailures} stays locked. */
  otpLockMs: number
  /** Wait between two resends (from the Link page, or by the integrator's server). */
  otpResendCooldownMs: number
  /**
   * Successful resends `PATCH /request/resend` may make per subject; the code sent when the
   * request was created does not count.
   */
  otpMaxResends: number
  /** How far `X-Timestamp` may be from the sandbox's clock. */
  timestampToleranceMs: number
  /** `POST /request` calls per API key per minute. */
  rateLimitPerMinute: number
  /** Link page loads and page API calls per link per minute (`429` above). */
  linkRateLimitPerMinute: number
  /** Link page loads and page API calls per client (TCP peer) per minute (`429` above). */
  linkClientRateLimitPerMinute: number
  /** Frames (page loads) a session keeps; the oldest unverified go first. */
  framesPerSession: number
  /** Largest request body, in bytes (`413` above). */
  maxBodyBytes: number
  /** Deepest JSON nesting a body may have (`400` above). */
  maxJsonDepth: number
  /** Webhook attempts per event, the first included. */
  webhookMaxAttempts: number
  /** Delay before the first retry; it doubles after each failure. */
  webhookBackoffMs: number
  /** A webhook receiver that has not answered after this long has failed. */
  webhookTimeoutMs: number
  /** Print one line per HTTP request. */
  logRequests: boolean
}

/** Safe local defaults; the secrets are public on purpose: this is a laptop sandbox. */
export const DEFAULT_CONFIG: Readonly<SandboxConfig> = Object.freeze({
  host: '127.0.0.1',
  port: 4010,
  publicUrl: null,
  apiKey: 'sandbox-api-key',
  signatureSecret: 'sandbox-signature-secret',
  allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS],
  webhookUrl: null,
  webhookSignatureSecret: 'sandbox-webhook-signature-secret',
  webhookEncryptionSecret: 'c2FuZGJveC13ZWJob29rLWVuY3J5cHRpb24tc2VjcmV0',
  webhookEncryptionSalt: 'sandbox-webhook-salt',
  otpDelivery: 'humanos',
  dataFile: DEFAULT_DATA_FILE,
  showCodes: true,
  remoteDevTools: false,
  sessionTtlMs: 24 * 60 * 60 * 1000,
  otpTtlMs: 10 * 60 * 1000,
  otpMaxAttempts: 3,
  otpSessionMaxFailures: 10,
  otpLockMs: 15 * 60 * 1000,
  otpResendCooldownMs: 30_000,
  otpMaxResends: 5,
  timestampToleranceMs: 5 * 60 * 1000,
  rateLimitPerMinute: 60,
  linkRateLimitPerMinute: 60,
  linkClientRateLimitPerMinute: 300,
  framesPerSession: 20,
  maxBodyBytes: 1024 * 1024,
  maxJsonDepth: 32,
  webhookMaxAttempts: 8,
  webhookBackoffMs: 2000,
  webhookTimeoutMs: 10_000,
  logRequests: false,
})

const positiveInt = z.number().int().positive()

const configSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(0).max(65_535),
  publicUrl: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .nullable(),
  apiKey: z.string().min(1),
  signatureSecret: z.string().min(1),
  allowedOrigins: originListSchema,
  webhookUrl: z.url({ protocol: /^https?$/ }).nullable(),
  webhookSignatureSecret: z.string().min(1),
  webhookEncryptionSecret: webhookSecretSchema,
  webhookEncryptionSalt: z.string().min(1),
  otpDelivery: otpDeliverySchema,
  dataFile: z.string().min(1),
  showCodes: z.boolean(),
  remoteDevTools: z.boolean(),
  sessionTtlMs: positiveInt,
  otpTtlMs: positiveInt,
  otpMaxAttempts: positiveInt,
  otpSessionMaxFailures: positiveInt,
  otpLockMs: positiveInt,
  otpResendCooldownMs: z.number().int().min(0),
  otpMaxResends: z.number().int().min(0),
  timestampToleranceMs: positiveInt,
  rateLimitPerMinute: positiveInt,
  linkRateLimitPerMinute: positiveInt,
  linkClientRateLimitPerMinute: positiveInt,
  framesPerSession: positiveInt,
  maxBodyBytes: positiveInt,
  maxJsonDepth: positiveInt,
  webhookMaxAttempts: positiveInt,
  webhookBackoffMs: z.number().int().min(0),
  webhookTimeoutMs: positiveInt,
  logRequests: z.boolean(),
})

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .map((issue) => `${prefix}${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('\n')
}

/**
 * Merges `options` over {@link DEFAULT_CONFIG} and checks the result.
 * @throws Error naming every invalid option.
 */
export function resolveSandboxConfig(options: Partial<SandboxConfig> = {}): SandboxConfig {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  const parsed = configSchema.safeParse({ ...DEFAULT_CONFIG, ...defined })
  if (!parsed.success) {
    throw new Error(`Invalid sandbox configuration:\n${describeIssues(parsed.error, '')}`)
  }
  return parsed.data
}

type Env = Record<string, string | undefined>

const ENV_NUMBERS: Array<[string, keyof SandboxConfig, number]> = [
  ['PORT', 'port', 1],
  ['SANDBOX_SESSION_TTL_SECONDS', 'sessionTtlMs', 1000],
  ['SANDBOX_OTP_TTL_SECONDS', 'otpTtlMs', 1000],
  ['SANDBOX_OTP_COOLDOWN_SECONDS', 'otpResendCooldownMs', 1000],
  ['SANDBOX_OTP_MAX_RESENDS', 'otpMaxResends', 1],
  ['SANDBOX_RATE_LIMIT_PER_MINUTE', 'rateLimitPerMinute', 1],
  ['SANDBOX_LINK_RATE_LIMIT_PER_MINUTE', 'linkRateLimitPerMinute', 1],
  ['SANDBOX_LINK_CLIENT_RATE_LIMIT_PER_MINUTE', 'linkClientRateLimitPerMinute', 1],
  ['SANDBOX_MAX_BODY_BYTES', 'maxBodyBytes', 1],
  ['SANDBOX_WEBHOOK_MAX_ATTEMPTS', 'webhookMaxAttempts', 1],
  ['SANDBOX_WEBHOOK_BACKOFF_MS', 'webhookBackoffMs', 1],
  ['SANDBOX_WEBHOOK_TIMEOUT_MS', 'webhookTimeoutMs', 1],
]

const ENV_STRINGS: Array<[string, keyof SandboxConfig]> = [
  ['HOST', 'host'],
  ['SANDBOX_PUBLIC_URL', 'publicUrl'],
  ['SANDBOX_API_KEY', 'apiKey'],
  ['SANDBOX_SIGNATURE_SECRET', 'signatureSecret'],
  ['SANDBOX_WEBHOOK_URL', 'webhookUrl'],
  ['SANDBOX_WEBHOOK_SIGNATURE_SECRET', 'webhookSignatureSecret'],
  ['SANDBOX_WEBHOOK_ENCRYPTION_SECRET', 'webhookEncryptionSecret'],
  ['SANDBOX_WEBHOOK_ENCRYPTION_SALT', 'webhookEncryptionSalt'],
  ['SANDBOX_DATA', 'dataFile'],
  ['SANDBOX_OTP_DELIVERY', 'otpDelivery'],
]

const ENV_BOOLEANS: Array<[string, keyof SandboxConfig]> = [
  ['SANDBOX_SHOW_CODES', 'showCodes'],
  ['SANDBOX_REMOTE_DEV_TOOLS', 'remoteDevTools'],
  ['SANDBOX_LOG_REQUESTS', 'logRequests'],
]

/** Every environment variable {@link loadSandboxConfig} reads (the CLI's flags mirror them). */
export const SANDBOX_ENV_NAMES: readonly string[] = Object.freeze([
  ...ENV_NUMBERS.map(([name]) => name),
  ...ENV_STRINGS.map(([name]) => name),
  'SANDBOX_ALLOWED_ORIGINS',
  ...ENV_BOOLEANS.map(([name]) => name),
])

function envBoolean(name: string, raw: string, problems: string[]): boolean | undefined {
  if (/^(1|true|yes|on)$/i.test(raw)) return true
  if (/^(0|false|no|off)$/i.test(raw)) return false
  problems.push(`${name}: expected true or false, got "${raw}"`)
  return undefined
}

/**
 * Reads the configuration from environment variables (see the README for the list); unset or
 * empty variables keep their defaults. The CLI logs requests unless `SANDBOX_LOG_REQUESTS=0`.
 * @throws Error naming every variable that is set but invalid.
 */
export function loadSandboxConfig(env: Env): SandboxConfig {
  const options: Record<string, unknown> = { logRequests: true }
  const problems: string[] = []
  const value = (name: string) => {
    const raw = env[name]?.trim()
    return raw ? raw : undefined
  }
  for (const [name, key] of ENV_STRINGS) options[key] = value(name)
  for (const [name, key, factor] of ENV_NUMBERS) {
    const raw = value(name)
    if (raw === undefined) continue
    if (/^\d+$/.test(raw)) options[key] = Number(raw) * factor
    else problems.push(`${name}: expected a whole number, got "${raw}"`)
  }
  for (const [name, key] of ENV_BOOLEANS) {
    const raw = value(name)
    if (raw !== undefined) options[key] = envBoolean(name, raw, problems)
  }
  const origins = value('SANDBOX_ALLOWED_ORIGINS')
  if (origins !== undefined) {
    options.allowedOrigins = origins
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean)
  }
  if (problems.length > 0) throw new Error(`Invalid sandbox configuration:\n${problems.join('\n')}`)
  return resolveSandboxConfig(options as Partial<SandboxConfig>)
}
