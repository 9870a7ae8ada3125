import { createContext } from 'react'
import type { LinkController } from '@humanos-link/core'

/** The controller of the nearest `<HumanosLinkProvider>`, or null outside one. */
export const LinkControllerContext = createContext<LinkController | null>(null)
LinkControllerContext.displayName = 'HumanosLinkContext'
