import type { HumanosLinkError } from './errors.js'
import type { ExitReason } from './protocol/constants.js'
import type { LinkResultPayload } from './payload.js'

/** Where a flow is (spec section 8). `destroyed` is reachable from every state. */
export type LinkStatus =
  'idle' | 'loading' | 'ready' | 'completed' | 'exited' | 'failed' | 'destroyed'

/** The flow's state, as kept in the store and handed to subscribers. */
export interface LinkState {
  status: LinkStatus
  /** Whether the modal overlay is showing (always false in inline mode). */
  isOpen: boolean
  /** Decrypted decisions, in arrival order. */
  decisions: readonly LinkResultPayload[]
  /** Every decision, set once the flow completes. */
  result: readonly LinkResultPayload[] | null
  exitReason: ExitReason | null
  error: HumanosLinkError | null
}

/** What can happen to a flow; the reducer decides which of these are allowed. */
export type LinkAction =
  | { type: 'load' }
  | { type: 'ready' }
  | { type: 'decision'; payload: LinkResultPayload }
  | { type: 'complete' }
  | { type: 'exit'; reason: ExitReason }
  | { type: 'fail'; error: HumanosLinkError }
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'destroy' }

export const initialLinkState: LinkState = Object.freeze({
  status: 'idle',
  isOpen: false,
  decisions: Object.freeze([]),
  result: null,
  exitReason: null,
  error: null,
})

const isLive = (status: LinkStatus) => status === 'loading' || status === 'ready'

/**
 * The flow's state machine as one pure function. A transition that is not allowed returns the
 * same state object, so callers detect "nothing happened" with `===` and never see a throw.
 */
export function linkReducer(state: LinkState, action: LinkAction): LinkState {
  switch (action.type) {
    case 'load':
      return state.status === 'idle' ? { ...state, status: 'loading' } : state
    case 'ready':
      return state.status === 'loading' ? { ...state, status: 'ready' } : state
    case 'decision':
      return state.status === 'ready'
        ? { ...state, decisions: [...state.decisions, action.payload] }
        : state
    case 'complete':
      return state.status === 'ready'
        ? { ...state, status: 'completed', isOpen: false, result: state.decisions }
        : state
    case 'exit':
      return isLive(state.status)
        ? { ...state, status: 'exited', isOpen: false, exitReason: action.reason }
        : state
    case 'fail':
      return state.status === 'idle' || isLive(state.status)
        ? { ...state, status: 'failed', error: action.error }
        : state
    case 'open':
      return isLive(state.status) && !state.isOpen ? { ...state, isOpen: true } : state
    case 'close':
      return state.isOpen ? { ...state, isOpen: false } : state
    case 'destroy':
      return state.status === 'destroyed' ? state : { ...state, status: 'destroyed', isOpen: false }
  }
}
