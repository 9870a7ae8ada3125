// Shape checks for the mandate endpoints' answers.
import { isObj, isStr } from './guards.js'
import type { Obj } from './guards.js'
import type {
  ActionSummary,
  ActionVersion,
  ActivityEvent,
  IssuedPresentation,
  Receipt,
  Revocation,
  RuleEvaluation,
  StoredReceipt,
  VerificationAllowed,
  VerificationDenied,
} from './mandateTypes.js'
import type { Page } from './types.js'

const isArrayOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] =>
  Array.isArray(v) && v.every(item)

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

export const isReceipt = (v: unknown): v is Receipt => isObj(v) && isStr(v.id) && isStr(v.timestamp)

export function isPageOf<T>(v: unknown, item: (x: unknown) => x is T): v is Page<T> {
  return isObj(v) && isNum(v.totalPages) && isArrayOf(v.data, item)
}

export const isActionSummary = (v: unknown): v is ActionSummary =>
  isObj(v) && isStr(v.id) && isStr(v.actionId) && isStr(v.name) && isNum(v.latestVersion)

export const isActionVersion = (v: unknown): v is ActionVersion =>
  isObj(v) &&
  isStr(v.id) &&
  isNum(v.version) &&
  isStr(v.digestSRI) &&
  isObj(v.content) &&
  isStr(v.content.name)

export const isIssuedPresentation = (v: unknown): v is IssuedPresentation =>
  isObj(v) &&
  isReceipt(v.receipt) &&
  isObj(v.presentation) &&
  isObj(v.presentation.proof) &&
  Array.isArray(v.presentation.verifiableCredential)

const isEvaluation = (v: unknown): v is RuleEvaluation =>
  isObj(v) && isStr(v.name) && isStr(v.expression) && typeof v.result === 'boolean'

export const isAllowed = (v: unknown): v is VerificationAllowed =>
  isObj(v) &&
  v.decision === 'allow' &&
  isStr(v.credentialId) &&
  isArrayOf(v.evaluations, isEvaluation) &&
  isReceipt(v.receipt)

/** A 403 body of `POST /credential/verify`: the error body plus reason, evaluations, receipt. */
export const isDenied = (v: unknown): v is Obj & Omit<VerificationDenied, 'decision'> =>
  isObj(v) &&
  isStr(v.reason) &&
  isStr(v.message) &&
  isArrayOf(v.evaluations, isEvaluation) &&
  isReceipt(v.receipt)

export const isRevocation = (v: unknown): v is Revocation =>
  isObj(v) &&
  isStr(v.credentialId) &&
  v.status === 'REVOKED' &&
  isStr(v.revokedAt) &&
  isReceipt(v.receipt)

export const isActivityEvent = (v: unknown): v is ActivityEvent =>
  isObj(v) &&
  isStr(v.id) &&
  isStr(v.type) &&
  isStr(v.entityType) &&
  isStr(v.entityId) &&
  isStr(v.createdAt) &&
  isObj(v.payload)

export const isStoredReceipt = (v: unknown): v is StoredReceipt =>
  isObj(v) &&
  isStr(v.id) &&
  isStr(v.timestamp) &&
  isStr(v.type) &&
  isStr(v.credentialId) &&
  isStr(v.issuer) &&
  isObj(v.details) &&
  isObj(v.proof)
