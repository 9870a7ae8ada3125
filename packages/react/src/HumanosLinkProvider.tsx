import { useState } from 'react'
import type { ReactNode } from 'react'
import { FlowStoreContext, createFlowStore } from './flowStore.js'

/** Props of {@link HumanosLinkProvider}. */
export interface HumanosLinkProviderProps {
  children?: ReactNode
}

/**
 * Shares one flow's state with every component below it. The `<HumanosLink>` (or
 * `useHumanosLink`) inside the provider publishes its flow here, and `useHumanosLinkStatus`
 * reads it anywhere in the tree without passing props down. The provider keeps one stable store
 * across `link` changes, so readers follow the new flow without resubscribing; it holds one flow,
 * so nest providers to show two.
 *
 * @example
 * <HumanosLinkProvider>
 *   <StatusBadge />
 *   <HumanosLink link={link} onSuccess={save} />
 * </HumanosLinkProvider>
 */
export function HumanosLinkProvider({ children }: HumanosLinkProviderProps) {
  const [store] = useState(createFlowStore)
  return <FlowStoreContext.Provider value={store}>{children}</FlowStoreContext.Provider>
}
