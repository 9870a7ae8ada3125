// Backoff for the API client: exponential with "equal jitter" (half fixed, half random), so
// concurrent clients spread out but a retry never comes sooner than half the nominal delay.

/** Tuning of the client's backoff. */
export interface BackoffOptions {
  /** Nominal delay before the first retry; doubles each retry. Default 500 ms. */
  initialDelayMs?: number
  /** Upper bound of one computed delay. Default 8000 ms. */
  maxDelayMs?: number
  /**
   * Longest `Retry-After` the client waits for. A longer one is not waited out: the call fails
   * at once with the `429`/`503` error, so a request handler is not held for minutes.
   * Default 60000 ms.
   */
  maxRetryAfterMs?: number
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
}

/** Delay before retry number `retry` (0 for the first retry). */
export function backoffDelay(retry: number, backoff: Required<BackoffOptions>): number {
  const nominal = Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** retry)
  return nominal / 2 + Math.random() * (nominal / 2)
}

const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/

/**
 * Parses `Retry-After` (RFC 9110: delay-seconds or an HTTP-date) into milliseconds from `now`.
 * Returns `undefined` when absent or unparsable, so the computed backoff applies.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  // Only IMF-fixdate (what RFC 9110 senders must produce): `Date.parse` alone takes "-1" as a year.
  if (!IMF_FIXDATE.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
