import { randomBytes } from 'node:crypto'
import type { SandboxContext } from '../context.js'
import { insertOrganization } from '../db/organizationStore.js'
import { syncSettings } from '../db/settingsStore.js'
import { issuerDidOf } from '../proof/didDocument.js'

/** What `POST /_sandbox/organizations` takes. */
export interface NewOrganization {
  name: string
  allowedOrigins?: string[]
  webhookUrl?: string | null
  otpDelivery?: 'humanos' | 'none'
}

/** The answer: the new organization with every secret it needs (shown only here). */
export interface CreatedOrganization {
  id: string
  name: string
  issuerDid: string
  apiKey: string
  signatureSecret: string
  webhookSignatureSecret: string
  webhookEncryptionSecret: string
  webhookEncryptionSalt: string
}

const secret = (bytes: number) => randomBytes(bytes).toString('base64url')

/** Adds an organization with fresh random credentials and webhook secrets. */
export function createOrganization(
  ctx: SandboxContext,
  input: NewOrganization,
): CreatedOrganization {
  return ctx.db.transaction(() => {
    const org = insertOrganization(ctx.db, {
      name: input.name,
      apiKey: `sk_sandbox_${secret(24)}`,
      signatureSecret: secret(32),
      now: Date.now(),
    })
    const settings = {
      allowedOrigins: input.allowedOrigins ?? [],
      webhookUrl: input.webhookUrl ?? null,
      webhookSignatureSecret: secret(32),
      webhookEncryptionSecret: randomBytes(32).toString('base64'),
      webhookEncryptionSalt: secret(16),
      otpDelivery: input.otpDelivery ?? 'humanos',
    } as const
    syncSettings(ctx.db, org.id, { ...settings, allowedOrigins: [...settings.allowedOrigins] })
    return {
      id: org.id,
      name: org.name,
      issuerDid: issuerDidOf(ctx.platformDid, org.id),
      apiKey: org.apiKey,
      signatureSecret: org.signatureSecret,
      webhookSignatureSecret: settings.webhookSignatureSecret,
      webhookEncryptionSecret: settings.webhookEncryptionSecret,
      webhookEncryptionSalt: settings.webhookEncryptionSalt,
    }
  })()
}
