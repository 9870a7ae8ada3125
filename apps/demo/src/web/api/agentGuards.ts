// Shape checks for the agent endpoints of the BFF.
import type {
  ActivityList,
  AgentActionView,
  AttemptView,
  CreatedMandate,
  MandateView,
  RevocationView,
} from '../../shared/apiTypes.js'

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isStr = (v: unknown): v is string => typeof v === 'string'
const isReceipt = (v: unknown) => isObject(v) && isStr(v.id) && isStr(v.timestamp)

export const isAgentAction = (v: unknown): v is AgentActionView =>
  isObject(v) &&
  isStr(v.id) &&
  isStr(v.name) &&
  Array.isArray(v.userParams) &&
  Array.isArray(v.categories)

export const isCreatedMandate = (v: unknown): v is CreatedMandate =>
  isObject(v) && isStr(v.requestId) && isStr(v.link) && isStr(v.credentialId)

export const isMandateView = (v: unknown): v is MandateView =>
  isObject(v) &&
  isStr(v.requestId) &&
  isStr(v.credentialId) &&
  isStr(v.status) &&
  isObject(v.userParams)

export const isAttempt = (v: unknown): v is AttemptView =>
  isObject(v) &&
  (v.decision === 'allow' || v.decision === 'deny') &&
  Array.isArray(v.evaluations) &&
  isReceipt(v.receipt)

export const isRevocation = (v: unknown): v is RevocationView =>
  isObject(v) && v.status === 'REVOKED' && isReceipt(v.receipt)

export const isActivityList = (v: unknown): v is ActivityList =>
  isObject(v) &&
  Array.isArray(v.data) &&
  v.data.every((e) => isObject(e) && isStr(e.type) && isStr(e.createdAt))
