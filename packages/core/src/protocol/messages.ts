import { EXIT_REASONS, PROTOCOL_NAMESPACE, PROTOCOL_VERSION, RESULT_ALG } from './constants.js'
import type { ExitReason } from './constants.js'
import { isObject, matchesExactly } from './shape.js'
import type { Shape } from './shape.js'

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

/** The frame loaded and the session is valid. */
export type ReadyMessage = LinkEnvelope<'ready'>
/** The flow's content height changed (inline mode). */
export interface ResizeMessage extends LinkEnvelope<'resize'> {
  height: number
}
/** A step of the flow, for analytics (`onEvent`); carries no decision. */
export interface EventMessage extends LinkEnvelope<'event'> {
  /** One of `EVENT_NAMES`, or a newer name the host does not know yet. */
  name: string
  /** A few scalars (at most 16 keys, strings of at most 300 characters); see `isLinkMessage`. */
  meta?: Record<string, string | number | boolean | null>
}
/** One encrypted decision. */
export interface ResultMessage extends LinkEnvelope<'result'> {
  enc: EncryptedResult
}
/** The flow completed; `count` results were sent before it. */
export interface CompleteMessage extends LinkEnvelope<'complete'> {
  count: number
}
/** The flow ended without completing. */
export interface ExitMessage extends LinkEnvelope<'exit'> {
  reason: ExitReason
}
/** The frame cannot run the flow; `code` is one of `FRAME_ERROR_CODES`. */
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

/** The `type` of a frame message. */
export type LinkMessageType = LinkMessage['type']

/** The body of each message type: what follows the envelope fields. */
export type LinkMessageBody<T extends LinkMessageType> = Omit<
  Extract<LinkMessage, { type: T }>,
  keyof LinkEnvelope<string>
>

const isNonEmptyString = (value: unknown) => typeof value === 'string' && value !== ''

// Event names and error codes are short identifiers (`OTP_SENT`, `session_expired`).
const SHORT_NAME = /^\w{1,64}$/
/** The most keys an event's `meta` may have, and the longest string value. */
export const MAX_META_KEYS = 16
export const MAX_META_STRING = 300
// `meta` is progress data for analytics: a few scalars with short keys and strings. Anything
// more (nested objects, huge strings, thousands of keys) is a malformed message, dropped like
// any other, so a frame cannot make the host copy or pass on more than that.
const isScalarMeta = (meta: unknown) =>
  meta === undefined ||
  (isObject(meta) &&
    Object.keys(meta).length <= MAX_META_KEYS &&
    Object.entries(meta).every(
      ([key, value]) =>
        SHORT_NAME.test(key) &&
        (value === null ||
          typeof value === 'boolean' ||
          Number.isFinite(value) ||
          (typeof value === 'string' && value.length <= MAX_META_STRING)),
    ))

/** The `enc` object of a `result` message (spec section 6); nothing is decoded here. */
const ENCRYPTED_RESULT: Shape = {
  alg: [RESULT_ALG],
  epk: 'string',
  salt: 'string',
  iv: 'string',
  ct: 'string',
}

/** True for the encrypted-result object of spec section 6 (shape only; nothing is decoded). */
export function isEncryptedResult(value: unknown): value is EncryptedResult {
  return matchesExactly(value, ENCRYPTED_RESULT)
}

// The envelope of spec section 5 plus, per type, exactly its body. Unknown keys are rejected:
// the spec asks for "this exact shape", and a strict check keeps anything unexpected out of the
// state machine.
const BODIES: { readonly [T in LinkMessageType]: Shape } = {
  ready: {},
  resize: { height: 'number' },
  event: { name: SHORT_NAME, meta: isScalarMeta },
  result: { enc: isEncryptedResult },
  complete: { count: (value) => Number.isInteger(value) && (value as number) >= 0 },
  exit: { reason: EXIT_REASONS },
  error: { code: SHORT_NAME, message: 'string' },
}

/** The envelope every message carries (spec section 5). */
const ENVELOPE: Shape = {
  ns: [PROTOCOL_NAMESPACE],
  v: [PROTOCOL_VERSION],
  type: 'string',
  sessionId: 'string',
  id: isNonEmptyString,
  ts: 'number',
}

// Envelope plus body, per type, built once: checking a message allocates nothing.
const MESSAGE_SHAPES = /* @__PURE__ */ (() =>
  Object.fromEntries(
    Object.entries(BODIES).map(([type, body]) => [type, { ...ENVELOPE, ...body }]),
  ))() as { readonly [T in LinkMessageType]: Shape }

/**
 * True when `value` is a well-formed Link message of protocol version 1: the envelope fields of
 * spec section 5 with the right types, and exactly the body of its `type`.
 */
export function isLinkMessage(value: unknown): value is LinkMessage {
  const type = isObject(value) ? value.type : undefined
  return (
    typeof type === 'string' &&
    Object.hasOwn(MESSAGE_SHAPES, type) &&
    matchesExactly(value, MESSAGE_SHAPES[type as LinkMessageType])
  )
}

function guardFor<T extends LinkMessageType>(type: T) {
  return (value: unknown): value is Extract<LinkMessage, { type: T }> =>
    isLinkMessage(value) && value.type === type
}

/** Per-type guards over {@link isLinkMessage}. */
// `@__PURE__`: a call at module level is kept by bundlers unless marked, so without it every
// guard would ship in host bundles that import none of them.
export const isReadyMessage = /* @__PURE__ */ guardFor('ready')
/** {@link isLinkMessage} narrowed to a {@link ResizeMessage}. */
export const isResizeMessage = /* @__PURE__ */ guardFor('resize')
/** {@link isLinkMessage} narrowed to an {@link EventMessage}. */
export const isEventMessage = /* @__PURE__ */ guardFor('event')
/** {@link isLinkMessage} narrowed to a {@link ResultMessage}. */
export const isResultMessage = /* @__PURE__ */ guardFor('result')
/** {@link isLinkMessage} narrowed to a {@link CompleteMessage}. */
export const isCompleteMessage = /* @__PURE__ */ guardFor('complete')
/** {@link isLinkMessage} narrowed to an {@link ExitMessage}. */
export const isExitMessage = /* @__PURE__ */ guardFor('exit')
/** {@link isLinkMessage} narrowed to an {@link ErrorMessage}. */
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
