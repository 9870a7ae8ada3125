import { createContext } from 'react'
import { createStore } from 'zustand/vanilla'
import { initialLinkState } from '@humanos-link/core/protocol'
import type { LinkState, LinkStore } from '@humanos-link/core'

/**
 * A store that outlives core instances: the hook copies the current instance's state into it, so
 * readers keep one stable subscription while `link` changes replace the instance underneath.
 */
export function createFlowStore(): LinkStore {
  return createStore<LinkState>()(() => initialLinkState)
}

/** The store of the nearest `<HumanosLinkProvider>`, or null outside one. */
export const FlowStoreContext = createContext<LinkStore | null>(null)
FlowStoreContext.displayName = 'HumanosLinkContext'
