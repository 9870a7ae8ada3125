// What the server knows about each request: the decisions it verified itself, from the
// attestation the page forwarded or from the webhook. An in-memory stand-in for your database.

/** One verified decision, and the channel it came by. */
export interface RecordedDecision {
  via: 'attestation' | 'webhook'
  eventType: 'credential' | 'identity'
  /** `accept` / `reject` for a credential, `passed` / `failed` for an identity check. */
  outcome: string
}

const byRequest = new Map<string, RecordedDecision[]>()
const deliveries = new Set<string>()

export function recordDecision(requestId: string, decision: RecordedDecision): void {
  byRequest.set(requestId, [...(byRequest.get(requestId) ?? []), decision])
}

export function decisionsOf(requestId: string): RecordedDecision[] {
  return byRequest.get(requestId) ?? []
}

/** True the first time a webhook's `dedupeKey` is seen: Humanos retries deliveries. */
export function firstDelivery(dedupeKey: string): boolean {
  if (deliveries.has(dedupeKey)) return false
  deliveries.add(dedupeKey)
  return true
}
