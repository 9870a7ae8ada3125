import { describe, expect, it } from 'vitest'
import { requestBody, startTestSandbox } from '../testing/testSandbox.js'
import { RateLimiter } from './rateLimiter.js'

describe('RateLimiter', () => {
  it('allows the limit per window, then says how long to wait, per key', () => {
    const limiter = new RateLimiter(2, 60_000)
    expect(limiter.take('a', 0)).toBeNull()
    expect(limiter.take('a', 10_000)).toBeNull()
    expect(limiter.take('a', 20_000)).toBe(40)
    expect(limiter.take('b', 20_000)).toBeNull()
    // The window slides: the first call leaves it at 60 s.
    expect(limiter.take('a', 60_001)).toBeNull()
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After past the per-minute limit', async () => {
    const limited = await startTestSandbox({ rateLimitPerMinute: 2 })
    try {
      expect((await limited.api('POST', '/request', { body: requestBody() })).status).toBe(200)
      expect((await limited.api('POST', '/request', { body: requestBody() })).status).toBe(200)
      const third = await limited.api('POST', '/request', { body: requestBody() })
      expect(third.status).toBe(429)
      expect(third.json).toMatchObject({ statusCode: 429, error: 'Too Many Requests' })
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
      // Reads are not limited.
      expect((await limited.api('GET', '/request')).status).toBe(200)
    } finally {
      await limited.close()
    }
  })
})
