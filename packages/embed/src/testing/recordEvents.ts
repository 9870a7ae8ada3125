// Test-only (not exported by the package): what an embedded flow dispatched.
import { EMBED_EVENTS } from '../embedEvents.js'

/**
 * Records every event of `EMBED_EVENTS` that reaches `target`, by its name without the prefix
 * (`decision`). Listening by the public constant checks that it names what is dispatched.
 */
export function recordEvents(target: EventTarget) {
  const events: { type: string; detail: unknown; target: EventTarget | null }[] = []
  for (const type of Object.values(EMBED_EVENTS)) {
    const name = type.replace('humanos-link:', '')
    target.addEventListener(type, (event) =>
      events.push({ type: name, detail: (event as CustomEvent).detail, target: event.target }),
    )
  }
  return events
}
