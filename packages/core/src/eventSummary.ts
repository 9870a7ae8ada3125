import type { VerifiedMessage } from './messageReceiver.js'
import type { LinkEventSummary } from './options.js'

/** The longest frame text (an error's message) the host shows and stores. */
export const MAX_FRAME_TEXT = 300

/** `text` cut to {@link MAX_FRAME_TEXT} characters, with an ellipsis when it was longer. */
export const capText = (text: string): string =>
  text.length > MAX_FRAME_TEXT ? text.slice(0, MAX_FRAME_TEXT - 1) + '…' : text

/**
 * What `onEvent` receives of a frame message: only the listed fields, so a body field a later
 * protocol version adds, or a payload, never reaches analytics by accident. Their size is
 * bounded already: `isLinkMessage` admits only short names and codes and a scalar `meta`.
 */
export function summarize(message: VerifiedMessage): LinkEventSummary {
  const m = message as Partial<Record<keyof LinkEventSummary, unknown>>
  const summary: Record<string, unknown> = {}
  for (const field of [
    'type',
    'ts',
    'name',
    'meta',
    'height',
    'count',
    'reason',
    'code',
  ] as const) {
    if (m[field] !== undefined) summary[field] = m[field]
  }
  return summary as unknown as LinkEventSummary
}
