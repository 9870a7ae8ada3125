import type { ReplayStore } from '@humanos-link/server'
import type { Db } from './database.js'

/**
 * A {@link ReplayStore} in the demo's database, so an attestation accepted before a restart is
 * still refused after it. `INSERT ... ON CONFLICT DO NOTHING` makes the check-and-mark atomic.
 */
export function createSqliteReplayStore(db: Db, now: () => number = Date.now): ReplayStore {
  const sweep = db.prepare<[number]>('DELETE FROM used_jtis WHERE expires_at <= ?')
  const mark = db.prepare<[string, number]>(
    'INSERT INTO used_jtis (jti, expires_at) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING',
  )
  return {
    markUsed(jti, expiresAt) {
      sweep.run(now())
      return mark.run(jti, expiresAt).changes === 1
    },
  }
}
