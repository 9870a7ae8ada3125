import type { Db } from './database'

/** How long a stored response is replayed for the same `Idempotency-Key`. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

export interface StoredResponse {
  fingerprint: string
  status: number
  body: string
}

export function findIdempotent(
  db: Db,
  apiKeyHash: string,
  key: string,
  now: number,
): StoredResponse | undefined {
  db.prepare('DELETE FROM idempotency WHERE created_at <= ?').run(now - IDEMPOTENCY_TTL_MS)
  return db
    .prepare<[string, string], StoredResponse>(
      'SELECT fingerprint, status, body FROM idempotency WHERE api_key_hash = ? AND key = ?',
    )
    .get(apiKeyHash, key)
}

export function saveIdempotent(
  db: Db,
  apiKeyHash: string,
  key: string,
  response: StoredResponse,
  now: number,
): void {
  db.prepare(
    `INSERT INTO idempotency (api_key_hash, key, fingerprint, status, body, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(apiKeyHash, key, response.fingerprint, response.status, response.body, now)
}
