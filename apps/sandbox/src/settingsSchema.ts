import { z } from 'zod'

/** Humanos accepts at most 10 origins per organization (link-protocol section 4). */
export const MAX_ALLOWED_ORIGINS = 10

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1'])

/**
 * One allowlist entry: a bare origin. `https:` anywhere, as Humanos requires; the sandbox also
 * takes `http://localhost:<port>` and `http://127.0.0.1:<port>` so local hosts can be tested.
 */
export const originSchema = z.string().transform((value, ctx) => {
  let url: URL | null = null
  try {
    url = new URL(value)
  } catch {
    // Reported below, with the other malformed cases.
  }
  const bare = value.replace(/\/$/, '')
  if (!url || url.origin !== bare) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a bare origin like https://a.b` })
    return z.NEVER
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" must use https: (http: only for localhost and 127.0.0.1)`,
    })
    return z.NEVER
  }
  return url.origin
})

/** The allowlist: 0-10 distinct origins. */
export const originListSchema = z
  .array(originSchema)
  .max(MAX_ALLOWED_ORIGINS, `at most ${MAX_ALLOWED_ORIGINS} origins`)
  .transform((origins) => [...new Set(origins)])

/** The webhook encryption secret: standard base64 of at least 16 bytes. */
export const webhookSecretSchema = z
  .string()
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'must be base64')
  .refine((value) => Buffer.from(value, 'base64').length >= 16, 'must decode to 16 bytes or more')

/**
 * Who delivers one-time codes: `humanos` (the sandbox "sends" them, into its outbox) or `none`
 * (the organization does, so `POST /request` answers each subject's `code`).
 */
export const otpDeliverySchema = z.enum(['humanos', 'none'])

/** What `PUT /_sandbox/settings` may change; every field is optional. */
export const settingsPatchSchema = z.strictObject({
  allowedOrigins: originListSchema.optional(),
  webhookUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .nullable()
    .optional(),
  webhookSignatureSecret: z.string().min(1).max(512).optional(),
  webhookEncryptionSecret: webhookSecretSchema.optional(),
  webhookEncryptionSalt: z.string().min(1).max(512).optional(),
  otpDelivery: otpDeliverySchema.optional(),
})

/** The organization settings the sandbox keeps (env values, or what a `PUT` set). */
export interface OrganizationSettings {
  allowedOrigins: string[]
  webhookUrl: string | null
  webhookSignatureSecret: string
  webhookEncryptionSecret: string
  webhookEncryptionSalt: string
  otpDelivery: 'humanos' | 'none'
}

export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export const SETTINGS_KEYS = [
  'allowedOrigins',
  'webhookUrl',
  'webhookSignatureSecret',
  'webhookEncryptionSecret',
  'webhookEncryptionSalt',
  'otpDelivery',
] as const satisfies ReadonlyArray<keyof OrganizationSettings>
