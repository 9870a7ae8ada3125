// What a contract run records: every callback (or DOM event) an entry point reports, in the
// order it reported them, normalised to one line each, plus the checkpoints the scenario
// awaited. Two entry points agree when their traces are equal.
import { HumanosLinkError } from '@humanos-link/core'
import type { LinkCallbacks, LinkEventSummary, LinkResultPayload } from '@humanos-link/core'

/** One line per decision: what it decided and which credential (or identity check) it was. */
const decisionLine = (payload: LinkResultPayload) =>
  payload.eventType === 'credential'
    ? `${payload.decision.action} ${payload.credential.name}`
    : `identity ${payload.decision.success}`

const eventLine = (event: LinkEventSummary) =>
  [event.type, event.name, event.reason, event.code, event.count].filter((x) => x != null).join(' ')

/** The six callbacks, each appending its normalised line to `trace`. */
export function recordingCallbacks(trace: string[]): Required<LinkCallbacks> {
  return {
    onReady: () => trace.push('onReady'),
    onDecision: (payload) => trace.push(`onDecision ${decisionLine(payload)}`),
    onSuccess: (decisions) => trace.push(`onSuccess [${decisions.map(decisionLine).join(', ')}]`),
    onExit: (reason) => trace.push(`onExit ${reason}`),
    // The class is part of the contract: apps branch on `instanceof` and `code`.
    onError: (error) =>
      trace.push(
        error instanceof HumanosLinkError
          ? `onError ${error.code}`
          : `onError (not a HumanosLinkError: ${String(error)})`,
      ),
    onEvent: (event) => trace.push(`onEvent ${eventLine(event)}`),
  }
}
