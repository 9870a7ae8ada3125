import { useState } from 'react'
import type { ReactNode } from 'react'
import { createLinkController } from '@humanos-link/core'
import { LinkControllerContext } from './linkControllerContext.js'

/** Props of {@link HumanosLinkProvider}. */
export interface HumanosLinkProviderProps {
  children?: ReactNode
}

/**
 * Holds one flow controller for the tree below it. The `<HumanosLink>` (or `useHumanosLink`)
 * inside the provider drives that controller, and `useHumanosLinkStatus` reads its state
 * anywhere in the tree without passing props down. The controller outlives `link` changes and
 * remounts of the component, so readers keep one subscription; it holds one flow, so nest
 * providers to show two.
 *
 * @example
 * <HumanosLinkProvider>
 *   <StatusBadge />
 *   <HumanosLink link={link} onSuccess={save} />
 * </HumanosLinkProvider>
 */
export function HumanosLinkProvider({ children }: HumanosLinkProviderProps) {
  const [controller] = useState(() => createLinkController())
  return (
    <LinkControllerContext.Provider value={controller}>{children}</LinkControllerContext.Provider>
  )
}
