// Property-based fuzzing of the whole SDK in real Chromium: createHumanosLink with its real
// iframe, fed generated messages whose `source` is the frame's real window, this page, a
// popup this page opened, a sibling frame or nothing, and whose origin is the frame's or
// another. Messages this page posts to itself go through real postMessage (structured
// cloning); the others are dispatched as MessageEvents, which is how a spoof looks. Every run
// is compared with the spec's model: callbacks, their data and the final state.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { UNREACHABLE_LINK_ORIGIN, linkUrl } from '@humanos-link/test-kit'
import { createHumanosLink } from './createHumanosLink.js'
import { isFrameErrorCode } from './errors.js'
import type { LinkState } from './linkMachine.js'
import { generateHostKeyPair } from './protocol/resultCrypto.js'
import { FUZZ_SESSION, expectOutcome, materialize, sealPool } from './testing/messageFuzz.js'
import type { Materialized, Outcome, SourceKey, Step } from './testing/messageFuzz.js'
import type { ResultMessage } from './protocol/messages.js'
import { stepArb } from './testing/messageFuzzArbitraries.js'
import { stateProblems } from './testing/stateInvariants.js'

// Nothing listens there: the frame shows an error page, but its window is real.
const FRAME_ORIGIN = UNREACHABLE_LINK_ORIGIN
const LINK = linkUrl(FUZZ_SESSION)
const MIN_MESSAGES = 10_000

let popup: Window
let sibling: HTMLIFrameElement
let otherPublicKey: string

beforeAll(async () => {
  const opened = window.open('about:blank', '_blank')
  if (!opened) throw new Error('the test browser refused window.open')
  popup = opened
  sibling = document.createElement('iframe')
  document.body.append(sibling)
  otherPublicKey = (await generateHostKeyPair()).publicKey
})

afterAll(() => {
  popup.close()
  sibling.remove()
})

/** Waits for `condition`, checked every millisecond (a run waits thousands of times). */
const until = (condition: () => boolean) =>
  vi.waitFor(
    () => {
      if (!condition()) throw new Error('the flow never settled')
    },
    { timeout: 5000, interval: 1 },
  )

/** What the user of the SDK must see: spec sections 6 and 8. */
interface HostModel {
  status: 'loading' | 'ready' | 'completed' | 'exited' | 'failed' | 'destroyed'
  decisions: string[]
  errorCode: string | null
  exitReason: string | null
  callbacks: string[]
}

function applyToModel(host: HostModel, outcome: Outcome, message: Materialized): boolean {
  const live = host.status === 'loading' || host.status === 'ready'
  const fail = (code: string) => {
    if (!live) return
    Object.assign(host, { status: 'failed', errorCode: code })
    host.callbacks.push('onError')
  }
  if (outcome.type === 'fail') fail(outcome.code)
  if (outcome.type !== 'deliver') return false
  const m = message.data as Record<string, unknown>
  host.callbacks.push('onEvent')
  if (m.type === 'ready' && host.status === 'loading') {
    host.status = 'ready'
    host.callbacks.push('onReady')
  } else if (m.type === 'result' && host.status === 'ready') {
    host.decisions.push(message.id ?? '')
    host.callbacks.push('onDecision')
  } else if (m.type === 'complete' && m.count !== host.decisions.length) {
    fail('invalid_payload')
  } else if (m.type === 'complete' && host.status === 'ready') {
    host.status = 'completed'
    host.callbacks.push('onSuccess')
  } else if (m.type === 'exit' && live) {
    // Expiry is reported one way, as an error (whatever its timing).
    if (m.reason === 'expired') fail('session_expired')
    else {
      Object.assign(host, { status: 'exited', exitReason: m.reason })
      host.callbacks.push('onExit')
    }
  } else if (m.type === 'error') fail(isFrameErrorCode(m.code) ? m.code : 'internal')
  // The SDK stops listening once the flow exits or fails.
  return host.status === 'exited' || host.status === 'failed'
}

const READY: Step = {
  source: 'frame',
  origin: 'frame',
  payload: { kind: 'control', spec: { type: 'ready', id: 'first-ready', body: {} } },
}

const frameStep = (payload: Step['payload']): Step => ({
  source: 'frame',
  origin: 'frame',
  payload,
})

/**
 * One fixed flow per ending, run beside the random ones (fast-check `examples`), so every ending
 * is compared with the model on every run; random generation alone does not promise each one.
 */
const ENDING_EXAMPLES: [Step[], number | null, boolean][] = [
  [[frameStep({ kind: 'genuine', index: 0 })], null, true],
  [[frameStep({ kind: 'genuine', index: 0 }), frameStep({ kind: 'replay' })], null, true],
  [
    [
      frameStep({
        kind: 'control',
        spec: { type: 'exit', id: 'example-exit', body: { reason: 'user_closed' } },
      }),
    ],
    null,
    true,
  ],
  [[frameStep({ kind: 'genuine', index: 0 })], 0, true],
]

/** How the flows ended, over a whole run: proof that every outcome was reached and checked. */
const endings = new Map<string, number>()

async function runFlow(steps: Step[], destroyAt: number | null): Promise<void> {
  const container = document.createElement('div')
  document.body.append(container)
  const calls: { cb: string; data?: unknown }[] = []
  const record = (cb: string) => (data?: unknown) => calls.push({ cb, data })
  const handle = createHumanosLink({
    link: LINK,
    container,
    onReady: record('onReady'),
    onDecision: record('onDecision'),
    onSuccess: record('onSuccess'),
    onExit: record('onExit'),
    onError: record('onError'),
    onEvent: record('onEvent'),
  })
  try {
    await until(() => container.querySelector('iframe') !== null)
    const iframe = container.querySelector('iframe')!
    const src = new URL(iframe.src)
    const pool = await sealPool({
      publicKey: src.searchParams.get('pubKey') ?? '',
      otherPublicKey,
      sessionId: FUZZ_SESSION,
      origin: src.searchParams.get('postMessageOrigin') ?? '',
      size: 8,
    })
    const sealed = new Set(pool.payloads.map((payload) => JSON.stringify(payload)))
    const payloadById = new Map(
      pool.genuine.map((m, i) => [m.id, JSON.stringify(pool.payloads[i])]),
    )
    const problems: string[] = []
    const unsubscribe = handle.subscribe((state: LinkState) => {
      problems.push(...stateProblems(state, sealed))
    })
    const windows: Record<SourceKey, MessageEventSource | null> = {
      frame: iframe.contentWindow,
      host: window,
      popup,
      sibling: sibling.contentWindow,
      none: null,
    }
    // Messages this page really posts to itself arrive later: count them in.
    let posted = 0
    let arrived = 0
    const countArrivals = (event: MessageEvent) => {
      if (event.source === window && event.origin === location.origin) arrived++
    }
    window.addEventListener('message', countArrivals)

    const receiver = { seen: new Set<string>(), failed: false }
    const model: HostModel = {
      status: 'loading',
      decisions: [],
      errorCode: null,
      exitReason: null,
      callbacks: [],
    }
    const isEnd = (c: { cb: string; data?: unknown }) =>
      c.cb === 'onEvent' && (c.data as { name?: string }).name === 'END'
    // Waits until everything sent so far was handled: a last `event` from the frame is reported
    // only after every message before it, unless the flow already ended (then nothing is).
    const settle = async () => {
      await until(() => arrived >= posted)
      const ends = calls.filter(isEnd).length
      if (!receiver.failed) {
        const end = { ns: 'humanos-link', v: 1, type: 'event', sessionId: FUZZ_SESSION }
        const data = { ...end, id: crypto.randomUUID(), ts: Date.now(), name: 'END' }
        window.dispatchEvent(
          new MessageEvent('message', { data, origin: FRAME_ORIGIN, source: windows.frame }),
        )
        await until(() => calls.filter(isEnd).length > ends)
      } else {
        // Nothing can be reported after that: a receiver that failed or was stopped drops even
        // the messages it had queued (messageReceiver.ts), so reaching the status is enough.
        await until(() => handle.getState().status === model.status)
      }
    }
    let last: ResultMessage | null = null
    for (const [index, step] of steps.entries()) {
      if (index === destroyAt) {
        await settle()
        handle.destroy()
        Object.assign(model, { status: 'destroyed' })
        receiver.failed = true
      }
      const message = materialize(step.payload, pool, FUZZ_SESSION, last)
      last = message.result ?? last
      const origin = step.origin === 'frame' ? FRAME_ORIGIN : step.origin
      const outcome = expectOutcome(
        receiver,
        message,
        step.source === 'frame' && origin === FRAME_ORIGIN,
      )
      if (applyToModel(model, outcome, message)) receiver.failed = true
      if (step.source === 'host' && origin === location.origin) {
        window.postMessage(message.data, '*')
        posted++
      } else {
        const init = { data: message.data, origin, source: windows[step.source] }
        window.dispatchEvent(new MessageEvent('message', init))
      }
    }
    await settle()
    window.removeEventListener('message', countArrivals)
    unsubscribe()

    const state = handle.getState()
    const seen = calls.filter((call) => !isEnd(call))
    expect(seen.map((call) => call.cb)).toEqual(model.callbacks)
    expect(state.status).toBe(model.status)
    expect(state.decisions.map((d) => JSON.stringify(d))).toEqual(
      model.decisions.map((id) => payloadById.get(id)),
    )
    expect(state.error?.code ?? null).toBe(model.errorCode)
    expect(state.exitReason).toBe(model.exitReason)
    // onDecision and onSuccess only ever carry payloads sealed for this host and session.
    for (const call of seen.filter((c) => c.cb === 'onDecision' || c.cb === 'onSuccess')) {
      const payloads = call.cb === 'onSuccess' ? (call.data as unknown[]) : [call.data]
      for (const payload of payloads) expect(sealed.has(JSON.stringify(payload))).toBe(true)
    }
    expect(problems).toEqual([])
    const ending = `${model.status}${model.errorCode ? `:${model.errorCode}` : ''}`
    endings.set(ending, (endings.get(ending) ?? 0) + 1)
    if (model.decisions.length > 0) endings.set('decided', (endings.get('decided') ?? 0) + 1)
  } finally {
    handle.destroy()
    container.remove()
  }
}

describe('createHumanosLink under fuzzing, in Chromium', () => {
  it('shows the user only what the spec allows, whoever posts what', async () => {
    let messages = 0
    const origins = [location.origin, 'http://127.0.0.1:9']
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb({ ownOrigins: origins }), { minLength: 170, maxLength: 250 }),
        fc.option(fc.nat({ max: 250 }), { freq: 10 }),
        fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
        async (steps, destroyAt, startReady) => {
          messages += steps.length
          // Mostly a flow that is ready, so decisions count; sometimes one still loading.
          await runFlow(startReady ? [READY, ...steps] : steps, destroyAt)
        },
      ),
      // A failing run reports its seed and stops: shrinking whole browser flows takes minutes.
      // 60 flows of at least 170 messages: never fewer than 10,200 messages.
      { numRuns: 60, endOnFailure: true, examples: ENDING_EXAMPLES },
    )
    expect(messages).toBeGreaterThanOrEqual(MIN_MESSAGES)
    for (const ending of ['decided', 'failed:decryption_failed', 'exited', 'destroyed']) {
      expect(endings.get(ending) ?? 0, ending).toBeGreaterThan(0)
    }
  }, 120_000)
})
