import { create } from 'zustand'
import type { SecurityLevel } from '../../shared/apiTypes'

/** How the approval flow is shown: in the page, or in an overlay over it. */
export type FlowMode = 'inline' | 'modal'

/** The request being approved in this tab. */
export interface ActiveFlow {
  requestId: string
  link: string
  contact: string
  credentialName: string
  /** Anything but `CONTACT` includes an identity check, which needs the camera. */
  securityLevel: SecurityLevel
}

interface UiState {
  mode: FlowMode
  activeFlow: ActiveFlow | null
  /** The request whose credential is shown. */
  selectedRequestId: string | null
  setMode: (mode: FlowMode) => void
  startFlow: (flow: ActiveFlow) => void
  endFlow: () => void
  selectRequest: (requestId: string | null) => void
}

/**
 * UI state shared across components. Server data lives in TanStack Query, never here: this store
 * only says what the person chose to look at.
 */
export const useUiStore = create<UiState>()((set) => ({
  mode: 'inline',
  activeFlow: null,
  selectedRequestId: null,
  setMode: (mode) => set({ mode }),
  startFlow: (activeFlow) => set({ activeFlow }),
  endFlow: () => set({ activeFlow: null }),
  selectRequest: (selectedRequestId) => set({ selectedRequestId }),
}))
