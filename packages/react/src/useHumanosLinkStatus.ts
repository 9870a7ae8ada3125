import { useContext } from 'react'
import { useStore } from 'zustand'
import type { LinkState, LinkStatus, LinkStore } from '@humanos-link/core'
import { LinkControllerContext } from './linkControllerContext.js'

const selectStatus = (state: LinkState) => state.status

/**
 * Reads the state of the flow inside the nearest `<HumanosLinkProvider>`. Without a selector it
 * returns the status (`idle | loading | ready | completed | exited | failed | destroyed`); with
 * one it returns what the selector picks, and the component re-renders only when that changes
 * (zustand's `useStore`: return a stable value, such as a field, not a new object).
 *
 * @example
 * const status = useHumanosLinkStatus()
 * const count = useHumanosLinkStatus((state) => state.decisions.length)
 * @throws TypeError when used outside a `<HumanosLinkProvider>`.
 */
export function useHumanosLinkStatus(): LinkStatus
export function useHumanosLinkStatus<T>(selector: (state: LinkState) => T): T
export function useHumanosLinkStatus<T>(selector?: (state: LinkState) => T): T | LinkStatus {
  const store = useContext(LinkControllerContext)?.store
  if (!store) {
    throw new TypeError(
      'Humanos Link: useHumanosLinkStatus must be used inside <HumanosLinkProvider>.',
    )
  }
  return useStore<LinkStore, T | LinkStatus>(store, selector ?? selectStatus)
}
