import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import type { Server } from 'node:http'
import { RateLimiter } from './api/rateLimiter.js'
import { createApp } from './app.js'
import { resolveSandboxConfig } from './config.js'
import type { SandboxConfig } from './config.js'
import type { SandboxContext } from './context.js'
import { openDatabase } from './db/database.js'
import { primaryOrganization, syncPrimaryCredentials } from './db/organizationStore.js'
import { readSettings, syncSettings } from './db/settingsStore.js'
import { loadSandboxKeys } from './keys/sandboxKeys.js'
import { platformDidFor } from './proof/didDocument.js'
import type { OrganizationSettings } from './settingsSchema.js'
import { WebhookDispatcher } from './webhooks/dispatcher.js'

export { loadSandboxConfig, DEFAULT_CONFIG } from './config.js'
export type { SandboxConfig } from './config.js'

/** A sandbox that is listening. */
export interface RunningSandbox {
  /** Its base URL, e.g. `http://127.0.0.1:4010` (the port actually bound when `port` was 0). */
  url: string
  /** The configuration in force, with the real port. */
  config: SandboxConfig
  /** Stops webhook retries and the server, and closes the database. Safe to call twice. */
  close(): Promise<void>
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo)
    })
  })
}

function baseUrlFor(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`
}

/**
 * Starts a sandbox: opens (or creates) its database, loads its keys, resumes pending webhook
 * deliveries and listens.
 * @param options overrides of the defaults (not of the environment: use `loadSandboxConfig`
 *   for that); `port: 0` picks a free port, `dataFile: ':memory:'` keeps nothing on disk
 * @throws Error for an invalid option, a database it cannot open, or a port in use
 */
export async function startSandbox(options: Partial<SandboxConfig> = {}): Promise<RunningSandbox> {
  const config = resolveSandboxConfig(options)
  const db = openDatabase(config.dataFile)
  try {
    const keys = await loadSandboxKeys(db)
    const configured: OrganizationSettings = {
      allowedOrigins: config.allowedOrigins,
      webhookUrl: config.webhookUrl,
      webhookSignatureSecret: config.webhookSignatureSecret,
      webhookEncryptionSecret: config.webhookEncryptionSecret,
      webhookEncryptionSalt: config.webhookEncryptionSalt,
      otpDelivery: config.otpDelivery,
    }
    syncPrimaryCredentials(db, config.apiKey, config.signatureSecret)
    syncSettings(db, primaryOrganization(db).id, configured)
    const log = (line: string) => console.info(`[sandbox] ${line}`)
    const settings = (orgId: string) => readSettings(db, orgId, configured)
    const ctx: SandboxContext = {
      config,
      db,
      keys,
      baseUrl: config.publicUrl ?? '',
      platformDid: config.publicUrl ? platformDidFor(config.publicUrl) : '',
      rateLimiter: new RateLimiter(config.rateLimitPerMinute),
      linkLimiters: {
        perLink: new RateLimiter(config.linkRateLimitPerMinute),
        perClient: new RateLimiter(config.linkClientRateLimitPerMinute),
      },
      webhooks: new WebhookDispatcher({
        db,
        settings,
        maxAttempts: config.webhookMaxAttempts,
        backoffMs: config.webhookBackoffMs,
        timeoutMs: config.webhookTimeoutMs,
        log,
      }),
      settings,
      log,
    }
    const app = createApp(ctx)
    const server = createAdaptorServer({ fetch: app.fetch }) as Server
    const address = await listen(server, config.port, config.host)
    // Known only now when the port was 0; no request can arrive before this line runs.
    if (!config.publicUrl) {
      ctx.baseUrl = baseUrlFor(config.host, address.port)
      ctx.platformDid = platformDidFor(ctx.baseUrl)
    }
    ctx.webhooks.kick()
    let closing: Promise<void> | undefined
    return {
      url: ctx.baseUrl,
      config: { ...config, port: address.port },
      close: () =>
        (closing ??= (async () => {
          await ctx.webhooks.close()
          await new Promise<void>((resolve) => {
            server.close(() => resolve())
            server.closeAllConnections()
          })
          db.close()
        })()),
    }
  } catch (error) {
    db.close()
    throw error
  }
}
