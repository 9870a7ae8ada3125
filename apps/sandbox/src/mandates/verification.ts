// `POST /credential/verify` (humanos-mandates.md section 5). The checks run in the order of the
// spec's table and the first that fails decides the reason; every answer, allow or deny, leaves
// a signed receipt and one activity event. Verification never changes the mandate.
import canonicalize from 'canonicalize'
import { getActionVersion } from '../db/actionStore.js'
import { getMandate } from '../db/mandateStore.js'
import type { MandateRow } from '../db/mandateStore.js'
import { spendPresentation } from '../db/receiptStore.js'
import { verifyDataIntegrity } from '../proof/eddsaJcs.js'
import { actionContentSchema } from './actionContent.js'
import { paramsProblem } from './actionParams.js'
import type { RuleEvaluation } from './actionRules.js'
import type { ReceiptRef } from './ledger.js'
import { recordStep } from './ledger.js'
import type { DenyReason, MandateContext } from './mandateContext.js'
import { credentialStateProblem, holderOf, subjectOf } from './presentations.js'
import { rulesFor } from './ruleCache.js'

export interface VerifyInput {
  presentation: Record<string, unknown>
  executionParams?: Record<string, unknown> | undefined
  verifier?: string | undefined
  challenge?: string | undefined
}

export type VerifyOutcome =
  | { decision: 'allow'; credentialId: string; evaluations: RuleEvaluation[]; receipt: ReceiptRef }
  | {
      decision: 'deny'
      credentialId: string | null
      reason: DenyReason
      message: string
      evaluations: RuleEvaluation[]
      receipt: ReceiptRef
    }

type Deny = { reason: DenyReason; message: string; evaluations?: RuleEvaluation[] }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function same(a: unknown, b: unknown): boolean {
  return canonicalize(a) === canonicalize(b)
}

/** Check 1: the presentation's own proof. */
function checkPresentationProof(m: MandateContext, vp: Record<string, unknown>): Deny | null {
  const proof = vp.proof
  const types = vp.type
  const invalid = (message: string): Deny => ({ reason: 'presentation_invalid', message })
  if (!isRecord(proof)) return invalid('The presentation has no proof object')
  if (!Array.isArray(types) || !types.includes('VerifiablePresentation')) {
    return invalid('The presentation is not a VerifiablePresentation')
  }
  if (proof.verificationMethod !== m.key.verificationMethod) {
    return invalid('The presentation is not signed by the platform key')
  }
  if (proof.proofPurpose !== 'authentication') {
    return invalid('The presentation proof is not for authentication')
  }
  if (!verifyDataIntegrity(vp, proof, m.key.publicKey, 'proof')) {
    return invalid('The presentation proof does not verify')
  }
  const expires = typeof proof.expires === 'string' ? Date.parse(proof.expires) : NaN
  if (Number.isNaN(expires)) return invalid('The presentation proof has no expiry')
  if (expires <= m.now) {
    return { reason: 'presentation_expired', message: 'The presentation has expired' }
  }
  return null
}

/** Check 2: the embedded credential is the stored one, unchanged, with a valid proof. */
function checkCredential(
  m: MandateContext,
  vp: Record<string, unknown>,
): { deny: Deny; row?: undefined } | { deny?: undefined; row: MandateRow } {
  const invalid = (message: string) => ({
    deny: { reason: 'credential_invalid' as const, message },
  })
  const list = vp.verifiableCredential
  if (!Array.isArray(list) || list.length !== 1 || !isRecord(list[0])) {
    return invalid('The presentation must embed exactly one credential')
  }
  const vc = list[0]
  const row = typeof vc.id === 'string' ? getMandate(m.db, m.orgId, vc.id) : undefined
  if (!row) return invalid('The embedded credential is not a credential of this organization')
  const proofs = vc.proofs
  if (!Array.isArray(proofs) || proofs.length !== 1) {
    return invalid('The embedded credential carries no single proof')
  }
  if (!verifyDataIntegrity(vc, proofs[0], m.key.publicKey, 'proofs')) {
    return invalid('The embedded credential proof does not verify')
  }
  if (!same(vc, JSON.parse(row.w3c))) return invalid('The embedded credential was changed')
  if (vp.holder !== holderOf(vc)) return invalid('The holder is not the credential subject')
  return { row }
}

/** Check 4: audience binding and single use. */
function checkAudience(
  m: MandateContext,
  vp: Record<string, unknown>,
  row: MandateRow,
  input: VerifyInput,
): Deny | null {
  const proof = vp.proof as Record<string, unknown>
  if (proof.domain === undefined) return null
  if (input.verifier !== proof.domain) {
    return {
      reason: 'verifier_mismatch',
      message: 'The presentation is bound to another verifier (proof.domain)',
    }
  }
  if (input.challenge !== proof.challenge) {
    return { reason: 'verifier_mismatch', message: 'The challenge does not match the presentation' }
  }
  const spent = !spendPresentation(
    m.db,
    {
      proof_value: String(proof.proofValue),
      org_id: m.orgId,
      credential_id: row.id,
      expires_at: Date.parse(String(proof.expires)),
    },
    m.now,
  )
  if (spent) {
    return { reason: 'presentation_replayed', message: 'The presentation was already verified' }
  }
  return null
}

/** Checks 5 and 6: execution parameters, then every rule of the pinned action version. */
function checkRules(
  m: MandateContext,
  row: MandateRow,
  executionParams: Record<string, unknown>,
): { deny: Deny | null; evaluations: RuleEvaluation[] } {
  if (row.action === null || row.action_version === null) return { deny: null, evaluations: [] }
  const version = getActionVersion(m.db, row.action, row.action_version)
  if (!version) throw new Error(`The pinned version of ${row.action} is missing`)
  const content = actionContentSchema.parse(JSON.parse(version.content))
  const problem = paramsProblem(content.executionParams, executionParams, 'executionParams')
  if (problem) {
    return { deny: { reason: 'execution_params_invalid', message: problem }, evaluations: [] }
  }
  const userParams = JSON.parse(row.user_params ?? '{}') as Record<string, unknown>
  const evaluations = rulesFor(version.digest_sri, content).evaluate(userParams, executionParams)
  const failed = evaluations.filter((evaluation) => !evaluation.result)
  if (failed.length === 0) return { deny: null, evaluations }
  const names = failed.map((evaluation) => `"${evaluation.name}"`).join(', ')
  return {
    deny: { reason: 'rule_failed', message: `The action's rules did not hold: ${names}` },
    evaluations,
  }
}

/** Runs the checks of section 5 and records the answer. */
export function verifyPresentation(m: MandateContext, input: VerifyInput): VerifyOutcome {
  return m.db.transaction((): VerifyOutcome => {
    const vp = input.presentation
    let row: MandateRow | undefined
    let evaluations: RuleEvaluation[] = []
    let deny = checkPresentationProof(m, vp)
    if (!deny) {
      const found = checkCredential(m, vp)
      deny = found.deny ?? null
      row = found.row
    }
    if (!deny && row) {
      deny = credentialStateProblem(row, JSON.parse(row.w3c) as Record<string, unknown>, m.now)
    }
    if (!deny && row) deny = checkAudience(m, vp, row, input)
    if (!deny && row) {
      const ruled = checkRules(m, row, input.executionParams ?? {})
      deny = ruled.deny
      evaluations = ruled.evaluations
    }
    const credentialId = row?.id ?? null
    const subjectDid = row ? subjectOf(JSON.parse(row.w3c) as Record<string, unknown>) : null
    const step = {
      orgId: m.orgId,
      entityType: 'CREDENTIAL' as const,
      // A presentation that names no credential of this organization is recorded against the
      // id it claims (or nothing), never against another organization's data.
      entityId: credentialId ?? claimedId(vp) ?? 'unknown',
      credentialId: credentialId ?? claimedId(vp) ?? 'unknown',
      actorDid: input.verifier ?? m.orgDid,
      subjectDid,
      now: m.now,
    }
    if (deny) {
      const receipt = recordStep(m.db, m.key, {
        ...step,
        type: 'VP_VERIFICATION_DENIED',
        payload: { decision: 'deny', reason: deny.reason, evaluations },
      })
      return { decision: 'deny', credentialId, ...deny, evaluations, receipt }
    }
    const receipt = recordStep(m.db, m.key, {
      ...step,
      type: 'VP_VERIFIED',
      payload: { decision: 'allow', evaluations },
    })
    return { decision: 'allow', credentialId: credentialId!, evaluations, receipt }
  })()
}

function claimedId(vp: Record<string, unknown>): string | null {
  const list = vp.verifiableCredential
  const first: unknown = Array.isArray(list) ? list[0] : undefined
  const id = isRecord(first) ? first.id : undefined
  return typeof id === 'string' && id.length <= 200 ? id : null
}
