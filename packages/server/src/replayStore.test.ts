import { describe, expect, it } from 'vitest'
import { createMemoryReplayStore } from './replayStore.js'

describe('createMemoryReplayStore', () => {
  it('accepts a jti once until it expires, then forgets it', () => {
    let now = 1_000_000
    const store = createMemoryReplayStore({ now: () => now })
    expect(store.markUsed('a', now + 300_000)).toBe(true)
    expect(store.markUsed('a', now + 300_000)).toBe(false)
    expect(store.markUsed('b', now + 10_000)).toBe(true)
    expect(store.size).toBe(2)
    now += 10_001
    expect(store.size).toBe(1)
    expect(store.markUsed('a', now + 300_000)).toBe(false)
    now += 300_000
    expect(store.size).toBe(0)
    expect(store.markUsed('a', now + 300_000)).toBe(true)
  })
})
