// `POST /credential/vp/:vcId` (humanos-mandates.md section 4): a fresh verifiable presentation
// of an ACTIVE mandate, signed by the platform key, or a denial with its receipt.
import { randomBytes } from 'node:crypto'
import { CREDENTIAL_CONTEXT } from '../constants.js'
import type { MandateRow } from '../db/mandateStore.js'
import { w3cDate } from '../flow/ids.js'
import { signDataIntegrity } from '../proof/eddsaJcs.js'
import type { ReceiptRef } from './ledger.js'
import { recordStep } from './ledger.js'
import type { DenyReason, MandateContext } from './mandateContext.js'

/** How long a presentation verifies [ours: created + 5 minutes]. */
export const PRESENTATION_TTL_MS = 5 * 60_000

export type IssueOutcome =
  | { ok: true; presentation: Record<string, unknown>; receipt: ReceiptRef }
  | { ok: false; reason: DenyReason; message: string; receipt: ReceiptRef }

/** Why a credential cannot be presented or used now, or `null` while it can. */
export function credentialStateProblem(
  row: MandateRow,
  w3c: Record<string, unknown>,
  now: number,
): { reason: DenyReason; message: string } | null {
  if (row.status === 'REVOKED') {
    return { reason: 'credential_revoked', message: 'The mandate was revoked' }
  }
  const until = typeof w3c.validUntil === 'string' ? Date.parse(w3c.validUntil) : null
  if (row.status === 'EXPIRED' || (until !== null && until <= now)) {
    return { reason: 'credential_expired', message: 'The mandate has expired' }
  }
  if (row.status !== 'ACTIVE') {
    return {
      reason: 'credential_not_active',
      message: `The mandate is ${row.status}, not ACTIVE`,
    }
  }
  const from = typeof w3c.validFrom === 'string' ? Date.parse(w3c.validFrom) : null
  if (from !== null && from > now) {
    return { reason: 'credential_not_active', message: 'The mandate is not valid yet' }
  }
  return null
}

/** `credentialSubject.id`: a presentation's `holder`. */
export function holderOf(w3c: Record<string, unknown>): string | null {
  const subject = w3c.credentialSubject as { id?: unknown } | undefined
  return typeof subject?.id === 'string' ? subject.id : null
}

/** The person a mandate is about (its first grantor): an activity event's `subjectDid`. */
export function subjectOf(w3c: Record<string, unknown>): string | null {
  const subject = w3c.credentialSubject as { mandate?: { grantor?: unknown } } | undefined
  const grantor = subject?.mandate?.grantor
  const first: unknown = Array.isArray(grantor) ? grantor[0] : undefined
  return typeof first === 'string' ? first : null
}

/** Issues a presentation of `row` (already found in the caller's organization). */
export function issuePresentation(
  m: MandateContext,
  row: MandateRow,
  options: { targetVerifier?: string | undefined },
): IssueOutcome {
  return m.db.transaction((): IssueOutcome => {
    const w3c = JSON.parse(row.w3c) as Record<string, unknown>
    const subjectDid = subjectOf(w3c)
    const step = { orgId: m.orgId, entityType: 'CREDENTIAL' as const, entityId: row.id }
    const problem = credentialStateProblem(row, w3c, m.now)
    if (problem) {
      const receipt = recordStep(m.db, m.key, {
        ...step,
        type: 'VP_DENIED',
        credentialId: row.id,
        actorDid: m.orgDid,
        subjectDid,
        payload: { reason: problem.reason },
        now: m.now,
      })
      return { ok: false, ...problem, receipt }
    }
    const unsecured = {
      '@context': [...CREDENTIAL_CONTEXT],
      type: ['VerifiablePresentation'],
      holder: holderOf(w3c),
      verifiableCredential: [w3c],
    }
    const expires = m.now + PRESENTATION_TTL_MS
    const proof = signDataIntegrity(
      unsecured,
      {
        verificationMethod: m.key.verificationMethod,
        created: w3cDate(m.now),
        expires: w3cDate(expires),
        proofPurpose: 'authentication',
        ...(options.targetVerifier === undefined
          ? {}
          : { domain: options.targetVerifier, challenge: randomBytes(16).toString('hex') }),
        signer: m.key.signer,
      },
      'proof',
    )
    const receipt = recordStep(m.db, m.key, {
      ...step,
      type: 'VP_CREATED',
      credentialId: row.id,
      actorDid: m.orgDid,
      subjectDid,
      payload: {
        expires: proof.expires,
        ...(proof.domain === undefined ? {} : { domain: proof.domain }),
      },
      now: m.now,
    })
    return { ok: true, presentation: { ...unsecured, proof }, receipt }
  })()
}
