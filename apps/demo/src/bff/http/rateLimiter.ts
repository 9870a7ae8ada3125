/**
 * A fixed-window counter per client: `limit` calls per `windowMs`. In memory, because it guards
 * one demo process; several processes would share a counter in Redis or the database.
 */
export class RateLimiter {
  readonly #limit: number
  readonly #windowMs: number
  readonly #now: () => number
  readonly #windows = new Map<string, { count: number; resetAt: number }>()

  constructor(limit: number, windowMs = 60_000, now: () => number = Date.now) {
    this.#limit = limit
    this.#windowMs = windowMs
    this.#now = now
  }

  /**
   * Counts one call by `client`.
   * @returns `null` when allowed, or the whole seconds to wait before the next call is.
   */
  take(client: string): number | null {
    const now = this.#now()
    this.#sweep(now)
    const window = this.#windows.get(client)
    if (!window || window.resetAt <= now) {
      this.#windows.set(client, { count: 1, resetAt: now + this.#windowMs })
      return null
    }
    if (window.count < this.#limit) {
      window.count++
      return null
    }
    return Math.max(1, Math.ceil((window.resetAt - now) / 1000))
  }

  // Expired windows are dropped so memory follows the clients of the last minute.
  #sweep(now: number) {
    if (this.#windows.size < 1000) return
    for (const [client, window] of this.#windows) {
      if (window.resetAt <= now) this.#windows.delete(client)
    }
  }
}
