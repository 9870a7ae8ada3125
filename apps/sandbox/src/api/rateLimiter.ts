/**
 * A sliding-window limiter: at most `limit` calls per key in any `windowMs`. State is in memory:
 * a restart forgets it, which errs on the side of letting a developer through. Keys with no
 * call inside the window are dropped once many are held, so memory follows the recent callers
 * even when the keys come from the network (link ids, client addresses).
 */
const SWEEP_AT = 1000

export class RateLimiter {
  readonly #limit: number
  readonly #windowMs: number
  readonly #calls = new Map<string, number[]>()

  constructor(limit: number, windowMs = 60_000) {
    this.#limit = limit
    this.#windowMs = windowMs
  }

  /**
   * Counts one call for `key`.
   * @returns `null` when allowed, else the whole seconds to wait (for `Retry-After`)
   */
  take(key: string, now = Date.now()): number | null {
    this.#sweep(now)
    const recent = (this.#calls.get(key) ?? []).filter((at) => at > now - this.#windowMs)
    if (recent.length >= this.#limit) {
      this.#calls.set(key, recent)
      return Math.max(1, Math.ceil((recent[0]! + this.#windowMs - now) / 1000))
    }
    recent.push(now)
    this.#calls.set(key, recent)
    return null
  }

  #sweep(now: number): void {
    if (this.#calls.size < SWEEP_AT) return
    for (const [key, calls] of this.#calls) {
      if ((calls.at(-1) ?? 0) <= now - this.#windowMs) this.#calls.delete(key)
    }
  }

  /** How many keys it holds (tests). */
  get size(): number {
    return this.#calls.size
  }

  reset(): void {
    this.#calls.clear()
  }
}
