import { describe, expect, it } from 'vitest'
import { ErrorCodes, HumanosLinkError } from './errors.js'
import { initialLinkState, linkReducer } from './linkMachine.js'
import type { LinkAction, LinkState, LinkStatus } from './linkMachine.js'
import type { LinkResultPayload } from './payload.js'

const payload = { eventType: 'credential', requestId: 'r1' } as unknown as LinkResultPayload
const error = new HumanosLinkError(ErrorCodes.LOAD_TIMEOUT, 'late')

function run(...actions: LinkAction[]): LinkState {
  return actions.reduce(linkReducer, initialLinkState)
}

describe('linkReducer', () => {
  it('walks the happy path idle → loading → ready → completed with every decision', () => {
    const state = run(
      { type: 'load' },
      { type: 'ready' },
      { type: 'decision', payload },
      { type: 'decision', payload },
      { type: 'complete' },
    )
    expect(state.status).toBe('completed')
    expect(state.result).toEqual([payload, payload])
  })

  it('ignores transitions that are not allowed, returning the same object', () => {
    const cases: [LinkStatus, LinkAction][] = [
      ['idle', { type: 'ready' }],
      ['idle', { type: 'complete' }],
      ['loading', { type: 'decision', payload }],
      ['loading', { type: 'complete' }],
      ['completed', { type: 'fail', error }],
      ['completed', { type: 'exit', reason: 'user_closed' }],
      ['exited', { type: 'ready' }],
      ['failed', { type: 'ready' }],
      ['failed', { type: 'decision', payload }],
      ['destroyed', { type: 'load' }],
      ['destroyed', { type: 'destroy' }],
    ]
    for (const [status, action] of cases) {
      const state: LinkState = { ...initialLinkState, status }
      expect(linkReducer(state, action), `${status} + ${action.type}`).toBe(state)
    }
  })

  it('fails from any live state, keeping the error', () => {
    for (const status of ['idle', 'loading', 'ready'] as const) {
      const state = linkReducer({ ...initialLinkState, status }, { type: 'fail', error })
      expect(state.status).toBe('failed')
      expect(state.error).toBe(error)
    }
  })

  it('reaches destroyed from every state and closes the overlay', () => {
    for (const status of ['idle', 'loading', 'ready', 'completed', 'exited', 'failed'] as const) {
      const state = linkReducer({ ...initialLinkState, status, isOpen: true }, { type: 'destroy' })
      expect(state).toMatchObject({ status: 'destroyed', isOpen: false })
    }
  })

  it('opens a live or pending (idle) flow, and completing or exiting closes it', () => {
    expect(run({ type: 'open' })).toMatchObject({ status: 'idle', isOpen: true })
    const exited = run({ type: 'load' }, { type: 'exit', reason: 'user_closed' })
    expect(linkReducer(exited, { type: 'open' })).toBe(exited)
    // A new frame keeps a pending open; `reset` clears the outcome.
    const pending = linkReducer(run({ type: 'open' }, { type: 'load' }), { type: 'reset' })
    expect(pending).toMatchObject({ status: 'idle', isOpen: true, decisions: [] })
    const open = run({ type: 'load' }, { type: 'open' })
    expect(open.isOpen).toBe(true)
    expect(linkReducer(open, { type: 'exit', reason: 'user_closed' })).toMatchObject({
      status: 'exited',
      isOpen: false,
      exitReason: 'user_closed',
    })
    const ready = linkReducer(linkReducer(open, { type: 'ready' }), { type: 'complete' })
    expect(ready.isOpen).toBe(false)
  })
})
