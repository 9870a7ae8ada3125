// The contract every entry point keeps: for the same inputs and the same frame behaviour, the
// same callbacks in the same order and the same statuses. One row per scenario; `run` plays
// the Link frame (the kit's fake frame) and awaits the checkpoints, `trace` is what must have
// been recorded by then.
import { expect, vi } from 'vitest'
import type { LinkStatus } from '@humanos-link/core'
import { fakeLinkFrame } from '../fakeLinkFrame.js'
import type { FakeLinkFrame } from '../fakeLinkFrame.js'
import type { MountedFlow } from './adapters.js'

/** The default `loadTimeoutMs` of every entry point (`<humanos-link>` has no attribute for it). */
export const DEFAULT_LOAD_TIMEOUT_MS = 15_000

/** What a scenario can do to a mounted entry point; every checkpoint is also traced. */
export interface ContractDriver {
  /** The entry point's newest iframe, played by the fake frame, once it exists. */
  frame: () => Promise<FakeLinkFrame>
  /** Waits until the entry point reports `status`, then traces `status <status>`. */
  status: (status: LinkStatus) => Promise<void>
  /** Waits until `frame`'s iframe has left the document, then traces `frame removed`. */
  frameRemoved: (frame: FakeLinkFrame) => Promise<void>
  /** Traces how many Link iframes the entry point's container holds now. */
  frames: () => void
  /** Restarts the flow the entry point's way; traces `restart <whether it did>`. */
  restart: () => void
  /** Moves the (fake) clock on. */
  advance: (ms: number) => void
}

export interface ContractScenario {
  name: string
  /** The link given, when not a valid one of its own. */
  link?: string
  /** Runs with fake `setTimeout`/`clearTimeout`, installed before the entry point mounts. */
  fakeTimers?: boolean
  run: (driver: ContractDriver) => Promise<void>
  trace: readonly string[]
}

const LINK_IFRAME = 'iframe[src*="/link/"]'

/** The driver of one mounted entry point, tracing into `trace`. */
export function contractDriver(flow: MountedFlow, trace: string[]): ContractDriver {
  const seen = new Set<HTMLIFrameElement>()
  const fresh = () =>
    [...flow.container.querySelectorAll<HTMLIFrameElement>(LINK_IFRAME)].find((f) => !seen.has(f))
  return {
    async frame() {
      await expect.poll(fresh, { timeout: 5_000 }).toBeDefined()
      const iframe = fresh()!
      seen.add(iframe)
      return fakeLinkFrame(iframe)
    },
    async status(status) {
      await expect.poll(flow.status, { timeout: 5_000 }).toBe(status)
      trace.push(`status ${status}`)
    },
    async frameRemoved(frame) {
      await expect.poll(() => frame.iframe.isConnected, { timeout: 5_000 }).toBe(false)
      trace.push('frame removed')
    },
    frames: () => trace.push(`frames ${flow.container.querySelectorAll(LINK_IFRAME).length}`),
    restart: () => trace.push(`restart ${flow.restart()}`),
    advance: (ms) => vi.advanceTimersByTime(ms),
  }
}

/** The opening every live scenario shares: the frame exists, loads and reports ready. */
async function readyFrame(flow: ContractDriver): Promise<FakeLinkFrame> {
  const frame = await flow.frame()
  await flow.status('loading')
  frame.ready()
  await flow.status('ready')
  return frame
}

const loaded = ['status loading', 'onEvent ready', 'onReady', 'status ready']
const approved = [
  'onEvent result',
  'onDecision accept Test credential 1',
  'onEvent complete 1',
  'onSuccess [accept Test credential 1]',
  'status completed',
]

/** The scenarios, in the order of the issue: bad link, ready, success, reject, exit, expiry, timeout, restart. */
export const CONTRACT_SCENARIOS: readonly ContractScenario[] = [
  {
    name: 'a bad link fails with invalid_link and makes no frame',
    link: 'http://example.com/link/not-https',
    async run(flow) {
      await flow.status('failed')
      flow.frames()
    },
    trace: ['onError invalid_link', 'status failed', 'frames 0'],
  },
  {
    name: 'ready',
    async run(flow) {
      await readyFrame(flow)
    },
    trace: loaded,
  },
  {
    name: 'success: the person approves two credentials',
    async run(flow) {
      const frame = await readyFrame(flow)
      await frame.approve(2)
      await flow.status('completed')
    },
    trace: [
      ...loaded,
      'onEvent result',
      'onDecision accept Test credential 1',
      'onEvent result',
      'onDecision accept Test credential 2',
      'onEvent complete 2',
      'onSuccess [accept Test credential 1, accept Test credential 2]',
      'status completed',
    ],
  },
  {
    name: 'reject: a completed flow whose decision is a rejection',
    async run(flow) {
      const frame = await readyFrame(flow)
      await frame.decide('reject')
      await flow.status('completed')
    },
    trace: [
      ...loaded,
      'onEvent result',
      'onDecision reject Test credential 1',
      'onEvent complete 1',
      'onSuccess [reject Test credential 1]',
      'status completed',
    ],
  },
  {
    name: 'exit: the person closes the flow (user_closed)',
    async run(flow) {
      const frame = await readyFrame(flow)
      frame.exit('user_closed')
      await flow.status('exited')
    },
    trace: [...loaded, 'onEvent exit user_closed', 'onExit user_closed', 'status exited'],
  },
  {
    name: 'expiry before the flow: an error session_expired, the frame goes',
    async run(flow) {
      const frame = await flow.frame()
      await flow.status('loading')
      frame.error('session_expired', 'This link has expired.')
      await flow.status('failed')
      await flow.frameRemoved(frame)
    },
    trace: [
      'status loading',
      'onEvent error session_expired',
      'onError session_expired',
      'status failed',
      'frame removed',
    ],
  },
  {
    name: "expiry during the flow: exit('expired') is the same session_expired error",
    async run(flow) {
      const frame = await readyFrame(flow)
      frame.exit('expired')
      await flow.status('failed')
      await flow.frameRemoved(frame)
    },
    trace: [
      ...loaded,
      'onEvent exit expired',
      'onError session_expired',
      'status failed',
      'frame removed',
    ],
  },
  {
    name: 'load timeout: the frame goes, a late frame completes nothing, a restart runs again',
    fakeTimers: true,
    async run(flow) {
      const late = await flow.frame()
      await flow.status('loading')
      flow.advance(DEFAULT_LOAD_TIMEOUT_MS)
      await flow.status('failed')
      await flow.frameRemoved(late)
      // The person finishes in the frame the host gave up on: nothing of it may count.
      late.ready()
      late.complete(0)
      await late.approve()
      flow.restart()
      const frame = await readyFrame(flow)
      await frame.approve()
      await flow.status('completed')
    },
    trace: [
      'status loading',
      'onError load_timeout',
      'status failed',
      'frame removed',
      'restart true',
      ...loaded,
      ...approved,
    ],
  },
  {
    name: 'restart after the person closed the flow: a new frame, the same link, completed',
    async run(flow) {
      const first = await readyFrame(flow)
      first.exit('user_closed')
      await flow.status('exited')
      flow.restart()
      await flow.frameRemoved(first)
      const frame = await readyFrame(flow)
      await frame.approve()
      await flow.status('completed')
    },
    trace: [
      ...loaded,
      'onEvent exit user_closed',
      'onExit user_closed',
      'status exited',
      'restart true',
      'frame removed',
      ...loaded,
      ...approved,
    ],
  },
]
