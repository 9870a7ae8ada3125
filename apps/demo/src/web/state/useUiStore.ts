import { create } from 'zustand'
import type { SecurityLevel } from '../../shared/apiTypes.js'

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

/** Which story the page tells: the agent under a mandate, or a one-off consent. */
export type DemoView = 'agent' | 'consent'

/** The mandate the agent acts under in this tab. */
export interface ActiveMandate {
  requestId: string
  credentialId: string
}

interface UiState {
  view: DemoView
  mandate: ActiveMandate | null
  setView: (view: DemoView) => void
  setMandate: (mandate: ActiveMandate | null) => void
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
  view: 'agent',
  mandate: null,
  setView: (view) => set({ view, activeFlow: null }),
  setMandate: (mandate) => set({ mandate }),
  mode: 'inline',
  activeFlow: null,
  selectedRequestId: null,
  setMode: (mode) => set({ mode }),
  startFlow: (activeFlow) => set({ activeFlow }),
  endFlow: () => set({ activeFlow: null }),
  selectRequest: (selectedRequestId) => set({ selectedRequestId }),
}))
