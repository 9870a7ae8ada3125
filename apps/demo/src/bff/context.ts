import type { HumanosClient, ReplayStore } from '@humanos-link/server'
import type { BffConfig } from './config.js'
import type { Db } from './db/database.js'
import type { RequestRow } from './db/requestStore.js'
import type { RateLimiter } from './http/rateLimiter.js'
import type { Session } from './session/sessions.js'

/** What every route of the BFF works with. */
export interface BffContext {
  config: BffConfig
  db: Db
  humanos: HumanosClient
  /**
   * The same client, but a `429` fails at once instead of being waited out: for calls a person
   * waits on (a resend within the cool-down says so rather than hanging for 30 s).
   */
  humanosInteractive: HumanosClient
  replayStore: ReplayStore
  /** `POST /api/requests` per session. */
  createLimiter: RateLimiter
  /** New sessions per TCP peer. */
  sessionLimiter: RateLimiter
  /** One line of the BFF's own log; never a secret or a body. */
  log: (line: string) => void
}

/** The Hono environment of `/api` routes: the caller's session, and a request it owns. */
export interface BffEnv {
  Variables: {
    session: Session
    /** Set by `ownedRequestParam` on `:requestId` routes. */
    request: RequestRow
  }
}
