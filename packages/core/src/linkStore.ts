import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import { initialLinkState, linkReducer } from './linkMachine.js'
import type { LinkAction, LinkState } from './linkMachine.js'

/** The flow's store: zustand's vanilla API, read-only to SDK users by convention. */
export type LinkStore = StoreApi<LinkState>

/** A store plus the one way to change it: actions through {@link linkReducer}. */
export interface LinkStoreWithDispatch {
  store: LinkStore
  /** Applies an action; returns whether the state changed (false for disallowed transitions). */
  dispatch: (action: LinkAction) => boolean
}

export function createLinkStore(): LinkStoreWithDispatch {
  const store = createStore<LinkState>()(() => initialLinkState)
  return {
    store,
    dispatch(action) {
      const previous = store.getState()
      const next = linkReducer(previous, action)
      if (next === previous) return false
      store.setState(next, true)
      return true
    },
  }
}
