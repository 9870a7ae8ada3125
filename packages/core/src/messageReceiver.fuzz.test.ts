// Property-based fuzzing of the host's message handling (spec section 6) with the real receiver
// and real Web Crypto. Each run is one fresh receiver fed a generated sequence of messages from
// the frame's window and from other windows (Node's MessagePorts stand in for windows), then a
// sentinel. The outcome is compared, message by message, with the spec's reference model.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DECRYPTION_FAILED_MESSAGE, ErrorCodes, HumanosLinkError } from './errors.js'
import { initialLinkState, linkReducer } from './linkMachine.js'
import type { LinkState } from './linkMachine.js'
import { createMessageReceiver } from './messageReceiver.js'
import type { VerifiedMessage } from './messageReceiver.js'
import type { ResultMessage } from './protocol/messages.js'
import { generateHostKeyPair } from './protocol/resultCrypto.js'
import type { HostKeyPair } from './protocol/resultCrypto.js'
import { FUZZ_SESSION, expectOutcome, materialize, sealPool } from './testing/messageFuzz.js'
import type { SealedPool, SourceKey, Step } from './testing/messageFuzz.js'
import { stepArb } from './testing/messageFuzzArbitraries.js'
import { stateProblems } from './testing/stateInvariants.js'

const FRAME_ORIGIN = 'https://app.humanos.id'
const HOST_ORIGIN = 'https://shop.example'
const MIN_MESSAGES = 10_000

const channels = [new MessageChannel(), new MessageChannel()] as const
const sources: Record<SourceKey, MessagePort | null> = {
  frame: channels[0].port1,
  host: channels[0].port2,
  popup: channels[1].port1,
  sibling: channels[1].port2,
  none: null,
}

let host: HostKeyPair
let pool: SealedPool
let sealedJson: Set<string>

beforeAll(async () => {
  host = await generateHostKeyPair()
  const other = await generateHostKeyPair()
  pool = await sealPool({
    publicKey: host.publicKey,
    otherPublicKey: other.publicKey,
    sessionId: FUZZ_SESSION,
    origin: HOST_ORIGIN,
    size: 16,
  })
  sealedJson = new Set(pool.payloads.map((payload) => JSON.stringify(payload)))
})

afterAll(() => {
  for (const channel of channels) {
    channel.port1.close()
    channel.port2.close()
  }
})

// What the SDK does with a verified message, in reducer terms (createHumanosLink's `handle`).
function hostApply(state: LinkState, message: VerifiedMessage): LinkState {
  switch (message.type) {
    case 'ready':
      return linkReducer(state, { type: 'ready' })
    case 'result':
      return linkReducer(state, { type: 'decision', payload: message.payload })
    case 'complete':
      return state.decisions.length === message.count
        ? linkReducer(state, { type: 'complete' })
        : linkReducer(state, {
            type: 'fail',
            error: new HumanosLinkError(ErrorCodes.INVALID_PAYLOAD, 'count mismatch'),
          })
    case 'exit':
      return linkReducer(state, { type: 'exit', reason: message.reason })
    case 'error':
      return linkReducer(state, {
        type: 'fail',
        error: new HumanosLinkError(ErrorCodes.INTERNAL, message.message),
      })
    default:
      return state
  }
}

/** What the runs produced, over a whole run: proof the generator reaches every outcome. */
const seen = { results: 0, decryption_failed: 0, invalid_payload: 0 }

async function runSequence(steps: Step[]): Promise<void> {
  const received: VerifiedMessage[] = []
  const failures: HumanosLinkError[] = []
  const problems: string[] = []
  let state = linkReducer(initialLinkState, { type: 'load' })
  const sentinel = { ns: 'humanos-link', v: 1, type: 'event', sessionId: FUZZ_SESSION }
  const sentinelMessage = { ...sentinel, id: crypto.randomUUID(), ts: Date.now(), name: 'END' }
  let settled = false
  const target = new EventTarget()
  const receiver = createMessageReceiver({
    target,
    getFrameWindow: () => sources.frame,
    frameOrigin: FRAME_ORIGIN,
    sessionId: FUZZ_SESSION,
    hostOrigin: HOST_ORIGIN,
    privateKey: host.privateKey,
    onMessage(message) {
      if (message.id === sentinelMessage.id) settled = true
      else received.push(message)
      state = hostApply(state, message)
      problems.push(...stateProblems(state, sealedJson))
    },
    onFailure(error) {
      failures.push(error)
      state = linkReducer(state, { type: 'fail', error })
      problems.push(...stateProblems(state, sealedJson))
    },
  })
  const deliver = (data: unknown, origin: string, source: MessagePort | null) =>
    target.dispatchEvent(new MessageEvent('message', { data, origin, source }))

  const model = { seen: new Set<string>(), failed: false }
  const expected: unknown[] = []
  let expectedFailure: string | null = null
  let last: ResultMessage | null = null
  for (const step of steps) {
    const message = materialize(step.payload, pool, FUZZ_SESSION, last)
    last = message.result ?? last
    const origin = step.origin === 'frame' ? FRAME_ORIGIN : step.origin
    const fromFrame = step.source === 'frame' && origin === FRAME_ORIGIN
    const outcome = expectOutcome(model, message, fromFrame)
    if (outcome.type === 'deliver') expected.push(message.data)
    if (outcome.type === 'fail') expectedFailure = outcome.code
    // Nothing may escape the handler, whatever arrives.
    expect(() => deliver(message.data, origin, sources[step.source])).not.toThrow()
  }
  deliver(sentinelMessage, FRAME_ORIGIN, sources.frame)
  // After a failure the rest of the queue drains too; none of it may be delivered.
  await receiver.idle()
  expect(settled || failures.length > 0).toBe(true)

  const payloadById = new Map(pool.genuine.map((m, i) => [m.id, pool.payloads[i]]))
  const delivered = received.map((message) => {
    if (message.type !== 'result') return message
    const { payload, ...envelope } = message
    // Only what was really sealed for this host and session, in its own envelope.
    expect(payload).toEqual(payloadById.get(message.id))
    return envelope
  })
  expect(delivered).toEqual(expected)
  expect(failures.map((failure) => failure.code)).toEqual(expectedFailure ? [expectedFailure] : [])
  if (expectedFailure === ErrorCodes.DECRYPTION_FAILED) {
    expect(failures[0]?.message).toBe(DECRYPTION_FAILED_MESSAGE)
  }
  expect(problems).toEqual([])
  seen.results += received.filter((message) => message.type === 'result').length
  for (const failure of failures) {
    if (failure.code === 'decryption_failed' || failure.code === 'invalid_payload')
      seen[failure.code]++
  }
}

describe('message receiver under fuzzing', () => {
  it('delivers exactly what the spec allows, in order, and nothing escapes', async () => {
    let messages = 0
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb(), { minLength: 40, maxLength: 60 }), async (steps) => {
        messages += steps.length
        await runSequence(steps)
      }),
      // 300 runs of at least 40 messages: never fewer than 12,000 messages.
      { numRuns: 300 },
    )
    expect(messages).toBeGreaterThanOrEqual(MIN_MESSAGES)
    expect(seen.results).toBeGreaterThan(100)
    expect(seen.decryption_failed).toBeGreaterThan(10)
    expect(seen.invalid_payload).toBeGreaterThan(0)
  }, 60_000)
})
