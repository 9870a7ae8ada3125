import type { Db } from './database.js'

/** A verified webhook delivery, as stored. */
export interface WebhookEventInput {
  dedupeKey: string
  webhookId: string | null
  eventType: string
  requestId: string | null
  receivedAt: number
  event: unknown
}

export interface WebhookEventRow {
  dedupe_key: string
  webhook_id: string | null
  event_type: string
  request_id: string | null
  received_at: number
  deliveries: number
}

/**
 * Stores a verified delivery, or, when one with the same dedupe key (from the signed event) was
 * stored before, only counts it.
 * @returns `true` for a new event, `false` for a duplicate (a retry of one already stored).
 */
export function insertWebhookEvent(db: Db, input: WebhookEventInput): boolean {
  const inserted = db
    .prepare(
      `INSERT INTO webhook_events (dedupe_key, webhook_id, event_type, request_id, received_at,
         event)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (dedupe_key) DO NOTHING`,
    )
    .run(
      input.dedupeKey,
      input.webhookId,
      input.eventType,
      input.requestId,
      input.receivedAt,
      JSON.stringify(input.event),
    )
  if (inserted.changes === 1) return true
  db.prepare('UPDATE webhook_events SET deliveries = deliveries + 1 WHERE dedupe_key = ?').run(
    input.dedupeKey,
  )
  return false
}

/** The newest events about requests of `owner` first, without their bodies. */
export function listWebhookEvents(db: Db, owner: string, limit: number): WebhookEventRow[] {
  return db
    .prepare<[string, number], WebhookEventRow>(
      `SELECT e.dedupe_key, e.webhook_id, e.event_type, e.request_id, e.received_at, e.deliveries
       FROM webhook_events e JOIN requests r ON r.id = e.request_id
       WHERE r.owner = ?
       ORDER BY e.received_at DESC, e.dedupe_key LIMIT ?`,
    )
    .all(owner, limit)
}
