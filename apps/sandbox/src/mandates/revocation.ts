// `DELETE /credential/revoke/:credentialId` (humanos-mandates.md section 6).
import { getMandate, revokeMandate } from '../db/mandateStore.js'
import { isoDate } from '../flow/ids.js'
import type { ReceiptRef } from './ledger.js'
import { recordStep } from './ledger.js'
import type { MandateContext } from './mandateContext.js'
import { MandateError } from './mandateError.js'
import { subjectOf } from './presentations.js'

export interface Revocation {
  credentialId: string
  status: 'REVOKED'
  revokedAt: string
  receipt: ReceiptRef
}

/**
 * Revokes an `ACTIVE` credential of the caller's organization, with its receipt and event.
 * @throws MandateError 404 for another organization's credential or none, 409 unless `ACTIVE`
 */
export function revokeCredential(
  m: MandateContext,
  credentialId: string,
  reason: string | undefined,
): Revocation {
  return m.db.transaction((): Revocation => {
    const row = getMandate(m.db, m.orgId, credentialId)
    if (!row) throw new MandateError(404, `Credential ${credentialId} not found`)
    if (!revokeMandate(m.db, row.id, { reason: reason ?? null, at: m.now })) {
      throw new MandateError(
        409,
        `Only an ACTIVE credential can be revoked; this one is ${row.status}`,
      )
    }
    const receipt = recordStep(m.db, m.key, {
      orgId: m.orgId,
      type: 'MANDATE_REVOKED',
      entityType: 'CREDENTIAL',
      entityId: row.id,
      credentialId: row.id,
      actorDid: m.orgDid,
      subjectDid: subjectOf(JSON.parse(row.w3c) as Record<string, unknown>),
      payload: reason === undefined ? {} : { reason },
      now: m.now,
    })
    return { credentialId: row.id, status: 'REVOKED', revokedAt: isoDate(m.now), receipt }
  })()
}
