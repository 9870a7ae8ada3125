import type { Db } from './database.js'

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'skipped'

export interface DeliveryRow {
  seq: number
  id: string
  org_id: string
  event_type: string
  payload: string
  status: DeliveryStatus
  attempts: number
  next_attempt_at: number | null
  last_status: number | null
  last_error: string | null
  created_at: number
  delivered_at: number | null
}

export function insertDelivery(
  db: Db,
  row: {
    id: string
    orgId: string
    eventType: string
    payload: string
    status: DeliveryStatus
    at: number
  },
): void {
  db.prepare(
    `INSERT INTO webhook_deliveries (id, org_id, event_type, payload, status, next_attempt_at,
       created_at)
     VALUES (@id, @orgId, @eventType, @payload, @status,
       CASE WHEN @status = 'pending' THEN @at ELSE NULL END, @at)`,
  ).run(row)
}

/** Pending deliveries due at `now`, oldest first. */
export function dueDeliveries(db: Db, now: number, limit: number): DeliveryRow[] {
  return db
    .prepare<[number, number], DeliveryRow>(
      `SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, seq LIMIT ?`,
    )
    .all(now, limit)
}

/** When the next pending delivery is due, or `null` when none is pending. */
export function nextDueAt(db: Db): number | null {
  const row = db
    .prepare<[], { at: number | null }>(
      `SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'`,
    )
    .get()
  return row?.at ?? null
}

export function recordAttempt(
  db: Db,
  id: string,
  result: {
    status: DeliveryStatus
    attempts: number
    nextAttemptAt: number | null
    httpStatus: number | null
    error: string | null
    at: number
  },
): void {
  db.prepare(
    `UPDATE webhook_deliveries SET status = @status, attempts = @attempts,
       next_attempt_at = @nextAttemptAt, last_status = @httpStatus, last_error = @error,
       delivered_at = CASE WHEN @status = 'delivered' THEN @at ELSE delivered_at END
     WHERE id = @id`,
  ).run({ id, ...result })
}

/** An organization's deliveries, newest first. */
export function listDeliveries(db: Db, orgId: string, limit: number): DeliveryRow[] {
  return db
    .prepare<[string, number], DeliveryRow>(
      'SELECT * FROM webhook_deliveries WHERE org_id = ? ORDER BY seq DESC LIMIT ?',
    )
    .all(orgId, limit)
}
