import type { Db } from './database.js'

/** One OTP message the sandbox "sent" by email or SMS. */
export interface OutboxMessage {
  id: string
  requestId: string
  sessionId: string
  contact: string
  channel: 'email' | 'sms'
  code: string
  link: string
  /** Why it was sent: the request was created, or a resend. */
  reason: 'created' | 'resend'
  /** `failed` for contacts the sandbox treats as undeliverable. */
  status: 'sent' | 'failed'
  error: string | null
  createdAt: string
}

interface OutboxRow {
  id: string
  request_id: string
  session_id: string
  contact: string
  channel: 'email' | 'sms'
  code: string
  link: string
  reason: 'created' | 'resend'
  status: 'sent' | 'failed'
  error: string | null
  created_at: number
}

export function insertOutboxMessage(
  db: Db,
  orgId: string,
  message: Omit<OutboxMessage, 'createdAt'> & { createdAt: number },
): void {
  db.prepare(
    `INSERT INTO outbox (id, org_id, request_id, session_id, contact, channel, code, link, reason,
       status, error, created_at)
     VALUES (@id, @orgId, @requestId, @sessionId, @contact, @channel, @code, @link, @reason,
       @status, @error, @createdAt)`,
  ).run({ ...message, orgId })
}

/** An organization's messages, newest first; only to `contact` when given. */
export function listOutbox(
  db: Db,
  orgId: string,
  contact: string | undefined,
  limit: number,
): OutboxMessage[] {
  const rows = db
    .prepare<{ orgId: string; contact: string | null; limit: number }, OutboxRow>(
      `SELECT * FROM outbox WHERE org_id = @orgId AND (@contact IS NULL OR contact = @contact)
       ORDER BY seq DESC LIMIT @limit`,
    )
    .all({ orgId, contact: contact ?? null, limit })
  return rows.map((row) => ({
    id: row.id,
    requestId: row.request_id,
    sessionId: row.session_id,
    contact: row.contact,
    channel: row.channel,
    code: row.code,
    link: row.link,
    reason: row.reason,
    status: row.status,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
  }))
}
