import type { SandboxContext } from '../context.js'
import {
  credentialsOf,
  decisionsOf,
  getCredential,
  insertDecision,
  updateCredential,
} from '../db/credentialStore.js'
import { IDENTITY_LEVELS } from '../db/rows.js'
import type { CredentialRow } from '../db/rows.js'
import { markSessionDecided, sessionsOf } from '../db/sessionStore.js'
import { issuerDidOf, platformKeyId, userDid } from '../proof/didDocument.js'
import { DomainCodes, DomainError } from './domainError.js'
import { activateCredential } from './credentialDocument.js'
import { recordEvidence } from './evidence.js'
import type { CredentialEvent, IdentityDecision } from './events.js'
import { credentialEvent } from './events.js'
import { isoDate, newDecisionId } from './ids.js'
import type { SessionPair } from './sessionGuards.js'
import { assertSessionOpen, loadSession } from './sessionGuards.js'
import { recordActivity } from '../mandates/ledger.js'
import { credentialView } from './views.js'

/**
 * The new status of a `DRAFT` credential after a decision: one rejection makes it `REJECTED`;
 * once every grantor has accepted it becomes `ACTIVE` and is signed.
 */
function settle(ctx: SandboxContext, pair: SessionPair, row: CredentialRow, now: number): void {
  if (row.status !== 'DRAFT') return
  const decisions = decisionsOf(ctx.db, row.id)
  if (decisions.some((d) => d.accepted === 0)) {
    updateCredential(ctx.db, row.id, { status: 'REJECTED', at: now })
    return
  }
  const sessions = sessionsOf(ctx.db, pair.request.id)
  const accepted = new Set(decisions.filter((d) => d.accepted === 1).map((d) => d.session_id))
  if (!sessions.every((s) => accepted.has(s.id))) return
  const byContact = new Map(sessions.map((s) => [s.id, userDid(ctx.platformDid, s.user_id)]))
  const scope = {
    orgId: row.org_id,
    issuerDid: issuerDidOf(ctx.platformDid, row.org_id),
    baseUrl: ctx.baseUrl,
  }
  // Each grantor's acceptance record is an evidence document of its own.
  const acceptances = decisions.map((d) =>
    recordEvidence(ctx.db, scope, {
      credentialId: row.id,
      kind: 'acceptance',
      document: {
        credential: row.id,
        decision: d.id,
        grantor: byContact.get(d.session_id) ?? '',
        accepted: true,
        decidedAt: isoDate(d.decided_at),
      },
      now,
    }),
  )
  const w3c = activateCredential(JSON.parse(row.w3c) as Record<string, unknown>, {
    verificationMethod: platformKeyId(ctx.platformDid, ctx.keys.platformUuid),
    signer: ctx.keys.issuer,
    at: now,
    acceptances,
  })
  updateCredential(ctx.db, row.id, { status: 'ACTIVE', w3c: JSON.stringify(w3c), at: now })
  recordActivity(ctx.db, {
    orgId: row.org_id,
    type: 'MANDATE_ISSUED',
    entityType: 'CREDENTIAL',
    entityId: row.id,
    actorDid: ctx.platformDid,
    subjectDid: byContact.get(sessions[0]?.id ?? '') ?? null,
    payload: { requestId: row.request_id, credentialType: row.type },
    now,
  })
}

/**
 * Records one subject's decision on every credential of the request, settles each credential,
 * finishes the session and queues one `credential` webhook per credential.
 * An accept on a request whose security level asks for identity needs a passed identity check
 * recorded first (the Link page's `/identity`, or the sandbox's own decide endpoint).
 * @param options.allowLocked decide even when the session is OTP-locked (the sandbox's
 *   `/_sandbox` decide endpoint, which stands in for the person)
 * @returns the events, in credential order
 * @throws DomainError `identity_required` / `identity_failed` / `nothing_to_decide`, and the
 *   session refusals of {@link assertSessionOpen}
 */
export function decideSession(
  ctx: SandboxContext,
  pair: SessionPair,
  action: 'accept' | 'reject',
  now: number,
  options: { allowLocked?: boolean } = {},
): CredentialEvent[] {
  const events = ctx.db.transaction(() => {
    const fresh = loadSession(ctx, pair.session.id)
    assertSessionOpen(fresh, now, options.allowLocked)
    const identity =
      fresh.session.identity === null
        ? null
        : (JSON.parse(fresh.session.identity) as IdentityDecision)
    if (action === 'accept' && IDENTITY_LEVELS.has(fresh.request.security_level)) {
      if (!identity) {
        throw new DomainError(
          DomainCodes.IDENTITY_REQUIRED,
          'Verify your identity before accepting.',
        )
      }
      if (!identity.success) {
        throw new DomainError(DomainCodes.IDENTITY_FAILED, 'The identity check failed.')
      }
    }
    const credentials = credentialsOf(ctx.db, fresh.request.id)
    if (credentials.length === 0) {
      throw new DomainError(
        DomainCodes.NOTHING_TO_DECIDE,
        'This request has no credential to decide on.',
      )
    }
    const decision = { action, date: isoDate(now) }
    const made = credentials.map((row) => {
      insertDecision(ctx.db, {
        id: newDecisionId(),
        credential_id: row.id,
        session_id: fresh.session.id,
        contact: fresh.session.contact,
        accepted: action === 'accept' ? 1 : 0,
        decided_at: now,
      })
      const person = userDid(ctx.platformDid, fresh.session.user_id)
      recordActivity(ctx.db, {
        orgId: row.org_id,
        type: action === 'accept' ? 'USER_DECISION_ACCEPTED' : 'USER_DECISION_REJECTED',
        entityType: 'CREDENTIAL',
        entityId: row.id,
        actorDid: person,
        subjectDid: person,
        payload: { requestId: row.request_id, decision: action },
        now,
      })
      settle(ctx, fresh, row, now)
      const settled = getCredential(ctx.db, row.org_id, row.id) ?? row
      const event = credentialEvent(
        { platformDid: ctx.platformDid, ...fresh },
        credentialView(ctx, settled),
        decision,
      )
      ctx.webhooks.enqueue(row.org_id, 'credential', event)
      return event
    })
    markSessionDecided(ctx.db, fresh.session.id, now)
    return made
  })()
  ctx.webhooks.kick()
  return events
}
