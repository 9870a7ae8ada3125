import type { SandboxContext } from '../context.js'
import { credentialsOf } from '../db/credentialStore.js'
import { IDENTITY_LEVELS } from '../db/rows.js'
import { setIdentity } from '../db/sessionStore.js'
import { recordActivity } from '../mandates/ledger.js'
import { userDid } from '../proof/didDocument.js'
import { failsIdentityCheck } from './contacts.js'
import { DomainCodes, DomainError } from './domainError.js'
import type { IdentityDecision, IdentityEvent } from './events.js'
import { identityEvent } from './events.js'
import { isoDate } from './ids.js'
import type { SessionPair } from './sessionGuards.js'
import { assertSessionOpen, loadSession } from './sessionGuards.js'

/** The sandbox's identity check: it passes, unless the contact asks it to fail. */
export function identityOutcome(contact: string, now: number, forceFail = false): IdentityDecision {
  if (forceFail || failsIdentityCheck(contact)) {
    return {
      success: false,
      isFraud: false,
      date: isoDate(now),
      riskScore: 0.82,
      message: 'The face did not match the identity document (sandbox).',
      outcome: 'REJECTED',
    }
  }
  return {
    success: true,
    isFraud: false,
    date: isoDate(now),
    riskScore: 0.03,
    message: 'Identity verified (sandbox).',
    outcome: 'APPROVED',
  }
}

/**
 * Records a subject's identity decision and queues its webhook. The session is finished when
 * the check failed or there is no credential to decide on.
 * @throws DomainError `identity_not_required` / `identity_done`, and the session refusals of
 *   {@link assertSessionOpen}
 */
export function recordIdentity(
  ctx: SandboxContext,
  pair: SessionPair,
  now: number,
  options: { allowLocked?: boolean; forceFail?: boolean } = {},
): IdentityEvent {
  const event = ctx.db.transaction(() => {
    const fresh = loadSession(ctx, pair.session.id)
    assertSessionOpen(fresh, now, options.allowLocked)
    if (!IDENTITY_LEVELS.has(fresh.request.security_level)) {
      throw new DomainError(
        DomainCodes.IDENTITY_NOT_REQUIRED,
        'This request asks for no identity check.',
      )
    }
    if (fresh.session.identity !== null) {
      throw new DomainError(DomainCodes.IDENTITY_DONE, 'The identity check was already made.')
    }
    const decision = identityOutcome(fresh.session.contact, now, options.forceFail)
    const finished = !decision.success || credentialsOf(ctx.db, fresh.request.id).length === 0
    setIdentity(ctx.db, fresh.session.id, JSON.stringify(decision), finished ? now : null)
    const person = userDid(ctx.platformDid, fresh.session.user_id)
    recordActivity(ctx.db, {
      orgId: fresh.request.org_id,
      type: decision.success ? 'KYC_ACCEPTED' : 'KYC_REJECTED',
      entityType: 'USER',
      entityId: person,
      actorDid: person,
      subjectDid: person,
      payload: { requestId: fresh.request.id, outcome: decision.outcome },
      now,
    })
    const made = identityEvent({ platformDid: ctx.platformDid, ...fresh }, decision)
    ctx.webhooks.enqueue(fresh.request.org_id, 'identity', made)
    return made
  })()
  ctx.webhooks.kick()
  return event
}
