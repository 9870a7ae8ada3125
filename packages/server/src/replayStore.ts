/**
 * Remembers which attestation `jti`s were used, until they expire. Back it with Redis
 * (`SET jti 1 NX PXAT expiresAt`) or a database unique key when several server processes
 * verify attestations; the in-memory store only protects one process.
 */
export interface ReplayStore {
  /**
   * Records `jti` as used until `expiresAt` (ms since the epoch). Must be atomic:
   * resolves `true` when the `jti` was not used before (and is now marked), `false` when it was.
   */
  markUsed(jti: string, expiresAt: number): boolean | Promise<boolean>
}

/** Options of {@link createMemoryReplayStore}. */
export interface MemoryReplayStoreOptions {
  /** Clock in ms since the epoch. Default `Date.now`. */
  now?: () => number
}

/** An in-memory {@link ReplayStore} that also reports how many `jti`s it holds. */
export interface MemoryReplayStore extends ReplayStore {
  readonly size: number
}

/**
 * An in-memory {@link ReplayStore} for one process. Expired entries are forgotten: they are
 * swept on use, at most once a second, so memory follows the number of live attestations.
 *
 * @throws TypeError when `now` is not a function.
 */
export function createMemoryReplayStore(options: MemoryReplayStoreOptions = {}): MemoryReplayStore {
  const now = options.now ?? Date.now
  if (typeof now !== 'function')
    throw new TypeError('createMemoryReplayStore: now must be a function')
  const used = new Map<string, number>()
  let nextSweep = 0

  function sweep(t: number) {
    if (t < nextSweep) return
    nextSweep = t + 1000
    for (const [jti, expiresAt] of used) if (expiresAt <= t) used.delete(jti)
  }

  return {
    get size() {
      sweep(now())
      return used.size
    },
    markUsed(jti, expiresAt) {
      const t = now()
      sweep(t)
      const previous = used.get(jti)
      if (previous !== undefined && previous > t) return false
      used.set(jti, expiresAt)
      return true
    },
  }
}
