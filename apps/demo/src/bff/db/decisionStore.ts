import type { Channel, DecisionView } from '../../shared/apiTypes.js'
import type { Db } from './database.js'

/** A decision as either channel describes it. */
export interface DecisionInput {
  requestId: string
  eventType: 'credential' | 'identity'
  subject: string
  contact: string | null
  credentialId: string | null
  outcome: DecisionView['outcome']
  credentialStatus: string | null
  decidedAt: string
}

/** How and when one copy of a decision arrived. */
export type Arrival =
  | { channel: 'attestation'; at: number; jti: string }
  | { channel: 'webhook'; at: number; webhookId: string | null }

export interface DecisionRow {
  key: string
  request_id: string
  event_type: 'credential' | 'identity'
  subject: string
  contact: string | null
  credential_id: string | null
  outcome: DecisionView['outcome']
  credential_status: string | null
  decided_at: string
  first_channel: Channel
  attestation_at: number | null
  attestation_jti: string | null
  webhook_at: number | null
  webhook_id: string | null
}

// Both channels describe the same decision with the same fields (link-protocol section 7), so
// this key lets the attestation and the webhook find each other whichever comes first.
function decisionKey(d: DecisionInput): string {
  return [d.eventType, d.requestId, d.subject, d.credentialId ?? '', d.decidedAt].join('|')
}

/**
 * Records one arrival of a decision: inserts it with this channel as the first, or fills in
 * this channel's time on the existing row. A channel's first arrival wins; repeats change nothing.
 */
export function recordDecision(db: Db, input: DecisionInput, arrival: Arrival): DecisionRow {
  const key = decisionKey(input)
  const attestation = arrival.channel === 'attestation' ? arrival : null
  const webhook = arrival.channel === 'webhook' ? arrival : null
  db.prepare(
    `INSERT INTO decisions (key, request_id, event_type, subject, contact, credential_id, outcome,
       credential_status, decided_at, first_channel, attestation_at, attestation_jti, webhook_at,
       webhook_id)
     VALUES (@key, @requestId, @eventType, @subject, @contact, @credentialId, @outcome,
       @credentialStatus, @decidedAt, @channel, @attestationAt, @jti, @webhookAt, @webhookId)
     ON CONFLICT (key) DO UPDATE SET
       contact = COALESCE(contact, excluded.contact),
       credential_status = COALESCE(credential_status, excluded.credential_status),
       attestation_at = COALESCE(attestation_at, excluded.attestation_at),
       attestation_jti = COALESCE(attestation_jti, excluded.attestation_jti),
       webhook_at = COALESCE(webhook_at, excluded.webhook_at),
       webhook_id = COALESCE(webhook_id, excluded.webhook_id)`,
  ).run({
    key,
    ...input,
    channel: arrival.channel,
    attestationAt: attestation?.at ?? null,
    jti: attestation?.jti ?? null,
    webhookAt: webhook?.at ?? null,
    webhookId: webhook?.webhookId ?? null,
  })
  const row = db.prepare<[string], DecisionRow>('SELECT * FROM decisions WHERE key = ?').get(key)
  if (!row) throw new Error('Decision insert failed')
  return row
}

/** Decisions of the given requests, oldest decision first. */
export function decisionsOf(db: Db, requestIds: readonly string[]): DecisionRow[] {
  if (requestIds.length === 0) return []
  const marks = requestIds.map(() => '?').join(', ')
  return db
    .prepare<string[], DecisionRow>(
      `SELECT * FROM decisions WHERE request_id IN (${marks}) ORDER BY decided_at, key`,
    )
    .all(...requestIds)
}
