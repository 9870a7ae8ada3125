import type { RateLimiter } from './api/rateLimiter.js'
import type { SandboxConfig } from './config.js'
import type { Db } from './db/database.js'
import type { SandboxKeys } from './keys/sandboxKeys.js'
import type { OrganizationSettings } from './settingsSchema.js'
import type { WebhookDispatcher } from './webhooks/dispatcher.js'

/** Everything a route or flow step needs: one per running sandbox, nothing global. */
export interface SandboxContext {
  config: SandboxConfig
  db: Db
  keys: SandboxKeys
  /** The sandbox's public base URL, without a trailing slash (set once the server listens). */
  baseUrl: string
  /**
   * `did:web:` of {@link baseUrl}: the platform, `issuer` of every credential. An
   * organization's issuer DID is `<platformDid>:issuer:<orgId>` (see `issuerDidOf`).
   */
  platformDid: string
  webhooks: WebhookDispatcher
  rateLimiter: RateLimiter
  /** The Link page and its API: per link id, and per client (TCP peer). */
  linkLimiters: { perLink: RateLimiter; perClient: RateLimiter }
  /** The settings in force for one organization. */
  settings(orgId: string): OrganizationSettings
  log(line: string): void
}
