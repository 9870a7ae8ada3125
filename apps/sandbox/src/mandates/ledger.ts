// Receipts and activity events (humanos-mandates.md section 7). Both are written by the caller's
// transaction, so a state change and its record commit or roll back together.
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/database.js'
import { insertActivity } from '../db/activityStore.js'
import { insertReceipt } from '../db/receiptStore.js'
import { signDataIntegrity } from '../proof/eddsaJcs.js'
import { isoDate, w3cDate } from '../flow/ids.js'
import type { PlatformKey } from './platformKey.js'

/** The activity types of section 7 [Humanos]. */
export const ACTIVITY_TYPES = [
  'REQUEST_CREATED',
  'REQUEST_CANCELED',
  'VP_CREATED',
  'VP_DENIED',
  'VP_VERIFIED',
  'VP_VERIFICATION_DENIED',
  'USER_DECISION_ACCEPTED',
  'USER_DECISION_REJECTED',
  'MANDATE_ISSUED',
  'MANDATE_REVOKED',
  'KYC_ACCEPTED',
  'KYC_REJECTED',
] as const

export type ActivityType = (typeof ACTIVITY_TYPES)[number]

/** What an event is about [ours]: requests, credentials (mandates) and subjects. */
export const ENTITY_TYPES = ['REQUEST', 'CREDENTIAL', 'USER'] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

/** A receipt as every answer carries it. */
export interface ReceiptRef {
  id: string
  timestamp: string
}

export interface ActivityInput {
  orgId: string
  type: ActivityType
  entityType: EntityType
  entityId: string
  actorDid: string | null
  subjectDid: string | null
  payload: Record<string, unknown>
  now: number
}

/** Appends one activity event. */
export function recordActivity(db: Db, input: ActivityInput): void {
  insertActivity(db, {
    id: randomUUID(),
    org_id: input.orgId,
    type: input.type,
    entity_type: input.entityType,
    entity_id: input.entityId,
    actor_did: input.actorDid,
    subject_did: input.subjectDid,
    payload: JSON.stringify(input.payload),
    created_at: input.now,
  })
}

/**
 * Signs and stores a receipt for one step, and appends its activity event (whose payload
 * names the receipt). The stored receipt is `{ id, type, credentialId, timestamp, issuer,
 * details, proof }`, the proof an eddsa-jcs-2022 `assertionMethod` proof by the platform key.
 */
export function recordStep(
  db: Db,
  key: PlatformKey,
  input: ActivityInput & { credentialId: string },
): ReceiptRef {
  const id = `urn:via:receipt:${randomUUID()}`
  const timestamp = isoDate(input.now)
  const unsigned = {
    id,
    type: input.type,
    credentialId: input.credentialId,
    timestamp,
    issuer: key.did,
    details: input.payload,
  }
  const proof = signDataIntegrity(
    unsigned,
    {
      verificationMethod: key.verificationMethod,
      created: w3cDate(input.now),
      proofPurpose: 'assertionMethod',
      signer: key.signer,
    },
    'proof',
  )
  insertReceipt(db, {
    id,
    org_id: input.orgId,
    type: input.type,
    credential_id: input.credentialId,
    body: JSON.stringify({ ...unsigned, proof }),
    created_at: input.now,
  })
  recordActivity(db, { ...input, payload: { receiptId: id, ...input.payload } })
  return { id, timestamp }
}
