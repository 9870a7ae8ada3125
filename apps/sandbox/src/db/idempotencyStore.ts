import type { Db } from './database.js'

/** How long a stored response is replayed for the same `Idempotency-Key`. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

export interface StoredResponse {
  fingerprint: string
  status: number
  body: string
}

export function findIdempotent(
  db: Db,
  orgId: string,
  key: string,
  now: number,
): StoredResponse | undefined {
  db.prepare('DELETE FROM idempotency WHERE created_at <= ?').run(now - IDEMPOTENCY_TTL_MS)
  return db
    .prepare<[string, string], StoredResponse>(
      'SELECT fingerprint, status, body FROM idempotency WHERE org_id = ? AND key = ?',
    )
    .get(orgId, key)
}

export function saveIdempotent(
  db: Db,
  orgId: string,
  key: string,
  response: StoredResponse,
  now: number,
): void {
  db.prepare(
    `INSERT INTO idempotency (org_id, key, fingerprint, status, body, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(orgId, key, response.fingerprint, response.status, response.body, now)
}
