import { act } from '@testing-library/react'
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

/**
 * Runs what is already queued, and no more: the controller's pending microtask (mounts, option
 * changes) and React's render of what it changed. A fence, not a sleep: after it, anything a
 * render or an effect set in motion synchronously (a frame, a key pair, an overlay) exists.
 */
export const flushed = () => act(async () => {})
