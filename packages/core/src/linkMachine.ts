import type { HumanosLinkError } from './errors.js'
import type { ExitReason } from './protocol/constants.js'
import type { LinkResultPayload } from './payload.js'

/** Where a flow is (spec section 8). `destroyed` is reachable from every state. */
export type LinkStatus =
  'idle' | 'loading' | 'ready' | 'completed' | 'exited' | 'failed' | 'destroyed'

/** The flow's state, as kept in the store and handed to subscribers. */
export interface LinkState {
  /** Where the flow is. */
  status: LinkStatus
  /**
   * Modal mode: whether the overlay is showing, or asked for. `open()` before a frame exists
   * (no link yet, not mounted) sets it while `status` is still `idle`: the overlay then opens,
   * showing its loading state, as soon as the frame is created. Always false in inline mode.
   */
  isOpen: boolean
  /** Decrypted decisions, in arrival order. */
  decisions: readonly LinkResultPayload[]
  /** Every decision, set once the flow completes. */
  result: readonly LinkResultPayload[] | null
  /** Set when the flow ended as `exited`. */
  exitReason: ExitReason | null
  /** Set when the flow ended as `failed`. */
  error: HumanosLinkError | null
}

/**
 * What can happen to a flow; the reducer decides which of these are allowed. `reset` starts
 * over for a new frame (or none), keeping `isOpen`.
 */
export type LinkAction =
  | { type: 'load' }
  | { type: 'ready' }
  | { type: 'decision'; payload: LinkResultPayload }
  | { type: 'complete' }
  | { type: 'exit'; reason: ExitReason }
  | { type: 'fail'; error: HumanosLinkError }
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'reset' }
  | { type: 'destroy' }

/** The state of a flow before its frame exists: `idle`, nothing decided. Frozen. */
export const initialLinkState: LinkState = Object.freeze({
  status: 'idle',
  isOpen: false,
  decisions: Object.freeze([]),
  result: null,
  exitReason: null,
  error: null,
})

// What an action changes from this state, or `false` when it is not allowed from here.
function transition(state: LinkState, action: LinkAction): Partial<LinkState> | false {
  const { status, isOpen } = state
  const live = status === 'loading' || status === 'ready'
  switch (action.type) {
    case 'load':
      return status === 'idle' && { status: 'loading' }
    case 'ready':
      return status === 'loading' && { status: 'ready' }
    case 'decision':
      return status === 'ready' && { decisions: [...state.decisions, action.payload] }
    case 'complete':
      return status === 'ready' && { status: 'completed', isOpen: false, result: state.decisions }
    case 'exit':
      return live && { status: 'exited', isOpen: false, exitReason: action.reason }
    case 'fail':
      return (live || status === 'idle') && { status: 'failed', error: action.error }
    case 'open':
      return (live || status === 'idle') && !isOpen && { isOpen: true }
    case 'close':
      return isOpen && { isOpen: false }
    case 'reset':
      // A new frame (new link or options, restart) or none (link removed): back to `idle`,
      // keeping an open overlay open for the next frame.
      return status !== 'destroyed' && status !== 'idle' && { ...initialLinkState, isOpen }
    case 'destroy':
      return status !== 'destroyed' && { status: 'destroyed', isOpen: false }
  }
}

/**
 * The flow's state machine as one pure function. A transition that is not allowed returns the
 * same state object, so callers detect "nothing happened" with `===` and never see a throw.
 */
export function linkReducer(state: LinkState, action: LinkAction): LinkState {
  const change = transition(state, action)
  return change ? { ...state, ...change } : state
}
