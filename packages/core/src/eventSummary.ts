import type { VerifiedMessage } from './messageReceiver.js'
import type { LinkEventMetaValue, LinkEventSummary } from './options.js'
import { isObject } from './protocol/shape.js'

/** The longest frame text (error messages, meta strings) the host shows or passes on. */
export const MAX_FRAME_TEXT = 300
/** The most `meta` keys passed to `onEvent`. */
const MAX_META_KEYS = 16

/** `text` cut to {@link MAX_FRAME_TEXT} characters, with an ellipsis when it was longer. */
export const capText = (text: string): string =>
  text.length > MAX_FRAME_TEXT ? text.slice(0, MAX_FRAME_TEXT - 1) + '…' : text

// Only scalars, a few of them, strings capped: `meta` is progress data for analytics, and a
// frame must not hand the page nested objects, huge strings or thousands of keys through it.
function scalarMeta(meta: unknown): Record<string, LinkEventMetaValue> | undefined {
  if (!isObject(meta)) return undefined
  const out: Record<string, LinkEventMetaValue> = {}
  for (const [key, value] of Object.entries(meta).slice(0, MAX_META_KEYS)) {
    if (value === null || SCALARS.includes(typeof value)) {
      out[capText(key)] = cap(value as LinkEventMetaValue)
    }
  }
  return Object.freeze(out)
}

const SCALARS = ['string', 'number', 'boolean']
const cap = <T>(value: T): T => (typeof value === 'string' ? (capText(value) as T) : value)

/**
 * What `onEvent` receives of a frame message: only the listed fields, so a body field a later
 * protocol version adds, or a payload, never reaches analytics by accident.
 */
export function summarize(message: VerifiedMessage): LinkEventSummary {
  const m = message as Partial<Record<keyof LinkEventSummary, unknown>>
  const summary: Record<string, unknown> = { type: message.type, ts: message.ts }
  for (const field of ['name', 'height', 'count', 'reason', 'code'] as const) {
    if (m[field] !== undefined) summary[field] = cap(m[field])
  }
  const meta = scalarMeta(m.meta)
  if (meta) summary.meta = meta
  return summary as unknown as LinkEventSummary
}
