import type { HumanosClient, ReplayStore } from '@humanos-link/server'
import type { BffConfig } from './config'
import type { Db } from './db/database'
import type { RateLimiter } from './http/rateLimiter'

/** What every route of the BFF works with. */
export interface BffContext {
  config: BffConfig
  db: Db
  humanos: HumanosClient
  replayStore: ReplayStore
  createLimiter: RateLimiter
  /** One line of the BFF's own log; never a secret or a body. */
  log: (line: string) => void
}
