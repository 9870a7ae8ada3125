import { vi } from 'vitest'
import type { HumanosLinkOptions } from '@humanos-link/core'

type CallbackName = 'onReady' | 'onDecision' | 'onSuccess' | 'onExit' | 'onError' | 'onEvent'

/** One spy per callback prop, plus a way to see which fired. */
export function callbacks() {
  const spies = {
    onReady: vi.fn<NonNullable<HumanosLinkOptions['onReady']>>(),
    onDecision: vi.fn<NonNullable<HumanosLinkOptions['onDecision']>>(),
    onSuccess: vi.fn<NonNullable<HumanosLinkOptions['onSuccess']>>(),
    onExit: vi.fn<NonNullable<HumanosLinkOptions['onExit']>>(),
    onError: vi.fn<NonNullable<HumanosLinkOptions['onError']>>(),
    onEvent: vi.fn<NonNullable<HumanosLinkOptions['onEvent']>>(),
  }
  /** How many times each callback has fired so far. */
  const counts = () =>
    Object.fromEntries(
      Object.entries(spies).map(([name, spy]) => [name, spy.mock.calls.length]),
    ) as Record<CallbackName, number>
  return { spies, counts }
}

/** Lets queued microtasks and message events run (decryption, deferred mounts). */
export const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms))
