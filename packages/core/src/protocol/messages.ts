import { EXIT_REASONS, PROTOCOL_NAMESPACE, PROTOCOL_VERSION, RESULT_ALG } from './constants.js'
import type { ExitReason } from './constants.js'

/** The encrypted form of one result (spec section 6). All binary fields are standard base64. */
export interface EncryptedResult {
  alg: typeof RESULT_ALG
  epk: string
  salt: string
  iv: string
  ct: string
}

/** Fields every frame-to-host message carries (spec section 5). */
export interface LinkEnvelope<TType extends string> {
  ns: typeof PROTOCOL_NAMESPACE
  v: typeof PROTOCOL_VERSION
  type: TType
  sessionId: string
  /** A random UUID per message. */
  id: string
  /** Milliseconds since the epoch. */
  ts: number
}

export type ReadyMessage = LinkEnvelope<'ready'>
export interface ResizeMessage extends LinkEnvelope<'resize'> {
  height: number
}
export interface EventMessage extends LinkEnvelope<'event'> {
  /** One of `EVENT_NAMES`, or a newer name the host does not know yet. */
  name: string
  meta?: Record<string, unknown>
}
export interface ResultMessage extends LinkEnvelope<'result'> {
  enc: EncryptedResult
}
export interface CompleteMessage extends LinkEnvelope<'complete'> {
  count: number
}
export interface ExitMessage extends LinkEnvelope<'exit'> {
  reason: ExitReason
}
export interface ErrorMessage extends LinkEnvelope<'error'> {
  code: string
  message: string
}

/** Any message a Link frame sends to its host. */
export type LinkMessage =
  | ReadyMessage
  | ResizeMessage
  | EventMessage
  | ResultMessage
  | CompleteMessage
  | ExitMessage
  | ErrorMessage

export type LinkMessageType = LinkMessage['type']

/** The body of each message type: what follows the envelope fields. */
export type LinkMessageBody<T extends LinkMessageType> = Omit<
  Extract<LinkMessage, { type: T }>,
  keyof LinkEnvelope<string>
>

const ENVELOPE_KEYS = ['ns', 'v', 'type', 'sessionId', 'id', 'ts']

type Record_ = Record<string, unknown>

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasOnlyKeys(
  value: Record_,
  bodyKeys: readonly string[],
  optional: readonly string[] = [],
) {
  const keys = Object.keys(value)
  const allowed = new Set([...ENVELOPE_KEYS, ...bodyKeys, ...optional])
  return keys.every((key) => allowed.has(key)) && bodyKeys.every((key) => key in value)
}

const isString = (value: unknown): value is string => typeof value === 'string'

/** True for the encrypted-result object of spec section 6 (shape only; nothing is decoded). */
export function isEncryptedResult(value: unknown): value is EncryptedResult {
  if (!isRecord(value)) return false
  const keys = Object.keys(value)
  return (
    keys.length === 5 &&
    value.alg === RESULT_ALG &&
    isString(value.epk) &&
    isString(value.salt) &&
    isString(value.iv) &&
    isString(value.ct)
  )
}

// One body check per message type. Messages with unknown keys are rejected: the spec asks for
// "this exact shape", and a strict check keeps anything unexpected out of the state machine.
const BODY_CHECKS: { [T in LinkMessageType]: (value: Record_) => boolean } = {
  ready: (m) => hasOnlyKeys(m, []),
  resize: (m) =>
    hasOnlyKeys(m, ['height']) && typeof m.height === 'number' && Number.isFinite(m.height),
  event: (m) =>
    hasOnlyKeys(m, ['name'], ['meta']) &&
    isString(m.name) &&
    (m.meta === undefined || isRecord(m.meta)),
  result: (m) => hasOnlyKeys(m, ['enc']) && isEncryptedResult(m.enc),
  complete: (m) =>
    hasOnlyKeys(m, ['count']) &&
    typeof m.count === 'number' &&
    Number.isInteger(m.count) &&
    m.count >= 0,
  exit: (m) =>
    hasOnlyKeys(m, ['reason']) && (EXIT_REASONS as readonly unknown[]).includes(m.reason),
  error: (m) => hasOnlyKeys(m, ['code', 'message']) && isString(m.code) && isString(m.message),
}

/**
 * True when `value` is a well-formed Link message of protocol version 1: the envelope fields of
 * spec section 5 with the right types, and exactly the body of its `type`.
 */
export function isLinkMessage(value: unknown): value is LinkMessage {
  if (!isRecord(value)) return false
  if (value.ns !== PROTOCOL_NAMESPACE || value.v !== PROTOCOL_VERSION) return false
  if (!isString(value.sessionId) || !isString(value.id) || value.id.length === 0) return false
  if (typeof value.ts !== 'number' || !Number.isFinite(value.ts)) return false
  const type = value.type
  if (typeof type !== 'string' || !Object.hasOwn(BODY_CHECKS, type)) return false
  return BODY_CHECKS[type as LinkMessageType](value)
}

function guardFor<T extends LinkMessageType>(type: T) {
  return (value: unknown): value is Extract<LinkMessage, { type: T }> =>
    isLinkMessage(value) && value.type === type
}

/** Per-type guards over {@link isLinkMessage}. */
// `@__PURE__`: a call at module level is kept by bundlers unless marked, so without it every
// guard would ship in host bundles that import none of them.
export const isReadyMessage = /* @__PURE__ */ guardFor('ready')
export const isResizeMessage = /* @__PURE__ */ guardFor('resize')
export const isEventMessage = /* @__PURE__ */ guardFor('event')
export const isResultMessage = /* @__PURE__ */ guardFor('result')
export const isCompleteMessage = /* @__PURE__ */ guardFor('complete')
export const isExitMessage = /* @__PURE__ */ guardFor('exit')
export const isErrorMessage = /* @__PURE__ */ guardFor('error')

/**
 * Builds a Link message with a fresh `id` and the current `ts`: the frame side's helper, used by
 * the sandbox and test frames. Hosts never send Link messages.
 */
export function createLinkMessage<T extends LinkMessageType>(
  type: T,
  sessionId: string,
  body: LinkMessageBody<T>,
  envelope: { id?: string; ts?: number } = {},
): Extract<LinkMessage, { type: T }> {
  return {
    ns: PROTOCOL_NAMESPACE,
    v: PROTOCOL_VERSION,
    type,
    sessionId,
    id: envelope.id ?? crypto.randomUUID(),
    ts: envelope.ts ?? Date.now(),
    ...body,
  } as Extract<LinkMessage, { type: T }>
}
