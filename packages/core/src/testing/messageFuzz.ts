// Test-only (not exported by the package): generators and a reference model for fuzzing the
// host's message handling (spec section 6). A generated step says who sends (which window,
// which origin) and what (random values, well-formed envelopes with one wrong field, valid
// control messages, real sealed results, replays, results with flipped bits, results sealed
// for another session, origin or key, or too old). `materialize` turns it into the message
// data, tagged with what the spec says must happen to it; `expectOutcome` is the receiver's
// reference model, written from the spec and sharing no code with the receiver.
import { credentialDecision } from '@humanos-link/test-kit'
import { bytesToBase64, base64ToBytes, utf8 } from '../protocol/base64.js'
import { MAX_RESULT_AGE_MS } from '../protocol/constants.js'
import type { ResultMessage } from '../protocol/messages.js'
import { createLinkMessage } from '../protocol/messages.js'
import { exportPublicKey, sealBytesWith, sealResult } from '../protocol/resultCrypto.js'
import type { LinkResultPayload } from '../payload.js'

/** The session every fuzzed host runs. */
export const FUZZ_SESSION = 'sess-fuzz'
export const OTHER_SESSION = 'sess-someone-else'

/** Who posts a message: the Link frame's own window, or any other window (or none). */
export type SourceKey = 'frame' | 'host' | 'popup' | 'sibling' | 'none'

export const ENC_FIELDS = ['epk', 'salt', 'iv', 'ct'] as const
export const ENVELOPE = ['ns', 'v', 'type', 'sessionId', 'id', 'ts'] as const
export type ControlType = 'ready' | 'resize' | 'event' | 'complete' | 'exit' | 'error'
export const BODY_KEYS: Record<ControlType | 'result', readonly string[]> = {
  ready: [],
  resize: ['height'],
  event: ['name', 'meta'],
  complete: ['count'],
  exit: ['reason'],
  error: ['code', 'message'],
  result: ['enc'],
}

export type ControlSpec = { type: ControlType; id: string; body: Record<string, unknown> }
export type Mutation =
  | { op: 'set'; key: string; value: unknown }
  | { op: 'delete'; key: string }
  | { op: 'extra'; key: string; value: unknown }
export type Tamper =
  | { field: (typeof ENC_FIELDS)[number]; how: 'char' | 'sextet' | 'byte'; at: number; bit: number }
  | { field: 'id' | 'alg'; how: 'char'; at: number; bit: number }
  | { field: 'ts'; how: 'shift'; by: number }
export type Payload =
  | { kind: 'noise'; value: unknown }
  | { kind: 'malformed'; base: ControlSpec | { type: 'result'; index: number }; mutation: Mutation }
  | { kind: 'control'; spec: ControlSpec }
  | { kind: 'genuine'; index: number }
  | { kind: 'replay' }
  | { kind: 'tampered'; index: number; tamper: Tamper }
  | { kind: 'reject' | 'invalid' | 'foreign'; index: number }
export interface Step {
  source: SourceKey
  /** An origin, or `'frame'` for the Link frame's real origin. */
  origin: string
  payload: Payload
}

/** What the spec says happens to a message that comes from the frame's window and origin. */
export type Expectation = 'drop' | 'deliver' | 'genuine' | 'reject' | 'invalid'
export interface Materialized {
  data: unknown
  expect: Expectation
  /** The envelope id, for results (replay detection). */
  id?: string
  /** A genuine sealed result, as sent (what a later replay re-sends). */
  result?: ResultMessage
}

/** Real sealed results for one host key, session and origin, plus ones that must not open. */
export interface SealedPool {
  genuine: ResultMessage[]
  payloads: LinkResultPayload[]
  /** Well-formed, this session's id, but sealed for another session, origin or key, or stale. */
  reject: ResultMessage[]
  /** Open fine, but the plaintext is not a decision payload (or not JSON at all). */
  invalid: ResultMessage[]
  /** Another session's results, under that session's id. */
  foreign: ResultMessage[]
}

async function sealed(
  payload: unknown,
  ctx: { publicKey: string; sessionId: string; origin: string },
  envelope: { sessionId?: string; ts?: number } = {},
): Promise<ResultMessage> {
  const id = crypto.randomUUID()
  const ts = envelope.ts ?? Date.now()
  const enc = await sealResult(payload, { ...ctx, id, ts })
  return createLinkMessage('result', envelope.sessionId ?? ctx.sessionId, { enc }, { id, ts })
}

async function sealedNotJson(ctx: { publicKey: string; sessionId: string; origin: string }) {
  const id = crypto.randomUUID()
  const ts = Date.now()
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
    'deriveBits',
  ])
  const enc = await sealBytesWith(
    utf8('{"eventType": "credential", not json'),
    { ...ctx, id, ts },
    {
      ephemeralPrivateKey: pair.privateKey,
      ephemeralPublicKey: await exportPublicKey(pair.publicKey),
      salt: crypto.getRandomValues(new Uint8Array(32)),
      iv: crypto.getRandomValues(new Uint8Array(12)),
    },
  )
  return createLinkMessage('result', ctx.sessionId, { enc }, { id, ts })
}

/**
 * Seals the pool for a host. `otherPublicKey` is another host's key: results sealed to it must
 * not open here even under this session's id.
 */
export async function sealPool(host: {
  publicKey: string
  otherPublicKey: string
  sessionId: string
  origin: string
  /** How many genuine results (at least 6). */
  size: number
}): Promise<SealedPool> {
  const ctx = { publicKey: host.publicKey, sessionId: host.sessionId, origin: host.origin }
  const payloads = Array.from({ length: host.size }, (_, i) =>
    credentialDecision({ name: `decision ${i}` }),
  )
  // Far outside the window, so they stay outside it however long the run takes.
  const old = Date.now() - 10 * MAX_RESULT_AGE_MS
  const ahead = Date.now() + 10 * MAX_RESULT_AGE_MS
  const relabel = (message: ResultMessage) => ({ ...message, sessionId: host.sessionId })
  const [genuine, reject, invalid, foreign] = await Promise.all([
    Promise.all(payloads.map((payload) => sealed(payload, ctx))),
    Promise.all([
      sealed(payloads[0], { ...ctx, sessionId: OTHER_SESSION }).then(relabel),
      sealed(payloads[1], { ...ctx, origin: 'https://evil.example' }),
      sealed(payloads[2], { ...ctx, publicKey: host.otherPublicKey }),
      sealed(payloads[3], ctx, { ts: old }),
      sealed(payloads[4], ctx, { ts: ahead }),
    ]),
    Promise.all([
      sealed({ ...payloads[5], eventType: 'unknown' }, ctx),
      sealed({ hello: 'world' }, ctx),
      sealed(null, ctx),
      sealedNotJson(ctx),
    ]),
    Promise.all(payloads.slice(0, 4).map((p) => sealed(p, { ...ctx, sessionId: OTHER_SESSION }))),
  ])
  return { genuine, payloads, reject, invalid, foreign }
}

// `at` may be negative, counting from the end (where base64 keeps its padding bits).
const flipChar = (text: string, at: number, bit: number) => {
  const i = ((at % text.length) + text.length) % text.length
  return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << bit)) + text.slice(i + 1)
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

// Flips one of the 6 bits a base64 character carries: the text stays valid base64, and in the
// last character before `=` the low bits are padding, which a strict decoder must refuse.
function flipSextet(base64: string, at: number, bit: number): string {
  const data = base64.replace(/=+$/, '')
  const i = ((at % data.length) + data.length) % data.length
  const value = BASE64_ALPHABET.indexOf(data[i]!) ^ (1 << (bit % 6))
  return base64.slice(0, i) + BASE64_ALPHABET[value]! + base64.slice(i + 1)
}

function flipByte(base64: string, at: number, bit: number): string {
  const bytes = base64ToBytes(base64)
  if (!bytes || bytes.length === 0) return flipChar(base64, at, bit)
  bytes[((at % bytes.length) + bytes.length) % bytes.length]! ^= 1 << bit
  return bytesToBase64(bytes)
}

function tamper(message: ResultMessage, t: Tamper): Materialized {
  const copy: ResultMessage = { ...message, enc: { ...message.enc } }
  if (t.field === 'ts') copy.ts += t.by
  else if (t.field === 'id') copy.id = flipChar(copy.id, t.at, t.bit)
  else if (t.field === 'alg') {
    // An unknown algorithm is not a result of this protocol version: a silent drop (step 3).
    const data = { ...copy, enc: { ...copy.enc, alg: flipChar(copy.enc.alg, t.at, t.bit) } }
    return { data, expect: 'drop' }
  } else if (t.how === 'char') copy.enc[t.field] = flipChar(copy.enc[t.field], t.at, t.bit)
  else if (t.how === 'sextet') copy.enc[t.field] = flipSextet(copy.enc[t.field], t.at, t.bit)
  else copy.enc[t.field] = flipByte(copy.enc[t.field], t.at, t.bit)
  return { data: copy, expect: 'reject', id: copy.id }
}

function controlMessage(spec: ControlSpec, sessionId: string): Record<string, unknown> {
  const envelope = { ns: 'humanos-link', v: 1, type: spec.type, sessionId, id: spec.id }
  return { ...envelope, ts: Date.now(), ...spec.body }
}

function mutate(message: Record<string, unknown>, mutation: Mutation): Record<string, unknown> {
  const copy = { ...message }
  if (mutation.op === 'delete') delete copy[mutation.key]
  // defineProperty, so even `__proto__` becomes an own key, as structured cloning makes it.
  else Object.defineProperty(copy, mutation.key, { value: mutation.value, enumerable: true })
  return copy
}

/** Builds the data of one step. `last` is the last genuine result sent (for replays). */
export function materialize(
  payload: Payload,
  pool: SealedPool,
  sessionId: string,
  last: ResultMessage | null,
): Materialized {
  const pick = <T>(list: readonly T[], index: number) => list[index % list.length]!
  switch (payload.kind) {
    case 'noise':
      return { data: payload.value, expect: 'drop' }
    case 'control':
      return { data: controlMessage(payload.spec, sessionId), expect: 'deliver' }
    case 'malformed': {
      const base =
        payload.base.type === 'result'
          ? { ...pick(pool.genuine, payload.base.index) }
          : controlMessage(payload.base, sessionId)
      return { data: mutate(base, payload.mutation), expect: 'drop' }
    }
    case 'genuine':
    case 'replay': {
      const chosen =
        payload.kind === 'genuine' ? pick(pool.genuine, payload.index) : (last ?? pool.genuine[0]!)
      const result = { ...chosen, enc: { ...chosen.enc } }
      return { data: result, expect: 'genuine', id: chosen.id, result }
    }
    case 'tampered':
      return tamper(pick(pool.genuine, payload.index), payload.tamper)
    case 'reject':
    case 'invalid': {
      const message = pick(pool[payload.kind], payload.index)
      return { data: { ...message }, expect: payload.kind, id: message.id }
    }
    case 'foreign':
      return { data: { ...pick(pool.foreign, payload.index) }, expect: 'drop' }
  }
}

/** The receiver as the spec describes it: what one message must cause. */
export interface ReceiverModel {
  seen: Set<string>
  failed: boolean
}
export type Outcome =
  | { type: 'none' }
  | { type: 'deliver' }
  | { type: 'fail'; code: 'decryption_failed' | 'invalid_payload' }

export function expectOutcome(
  model: ReceiverModel,
  message: Materialized,
  fromFrame: boolean,
): Outcome {
  if (model.failed || !fromFrame || message.expect === 'drop') return { type: 'none' }
  if (message.expect === 'deliver') return { type: 'deliver' }
  const id = message.id ?? ''
  const replayed = model.seen.has(id)
  model.seen.add(id)
  if (message.expect === 'genuine' && !replayed) return { type: 'deliver' }
  model.failed = true
  const invalid = message.expect === 'invalid' && !replayed
  return { type: 'fail', code: invalid ? 'invalid_payload' : 'decryption_failed' }
}
