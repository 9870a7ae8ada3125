import { describe, expect, it } from 'vitest'
import { backoffDelay, parseRetryAfter, sleep } from './retry.js'

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP-dates, and ignores anything else', () => {
    const now = Date.parse('2026-11-24T12:00:00Z')
    expect(parseRetryAfter('3', now)).toBe(3000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:05 GMT', now)).toBe(5000)
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:59:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('-1', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})

describe('backoffDelay', () => {
  it('doubles per retry within [nominal / 2, nominal], capped at maxDelayMs', () => {
    const backoff = { initialDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 0 }
    for (let i = 0; i < 50; i++) {
      const first = backoffDelay(0, backoff)
      const third = backoffDelay(2, backoff)
      const tenth = backoffDelay(9, backoff)
      expect(first).toBeGreaterThanOrEqual(50)
      expect(first).toBeLessThanOrEqual(100)
      expect(third).toBeGreaterThanOrEqual(200)
      expect(third).toBeLessThanOrEqual(400)
      expect(tenth).toBeGreaterThanOrEqual(500)
      expect(tenth).toBeLessThanOrEqual(1000)
    }
  })
})

describe('sleep', () => {
  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController()
    const pending = sleep(60_000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(pending).rejects.toThrow('stop')
    await expect(sleep(10, AbortSignal.abort(new Error('early')))).rejects.toThrow('early')
  })
})
