import { describe, expect, it } from 'vitest'
import { DECRYPTION_FAILED_MESSAGE, ErrorCodes } from './errors.js'
import type { HumanosLinkError } from './errors.js'
import { createMessageReceiver } from './messageReceiver.js'
import type { VerifiedMessage } from './messageReceiver.js'
import { createLinkMessage } from './protocol/messages.js'
import type { LinkMessage } from './protocol/messages.js'
import { generateHostKeyPair, sealResult } from './protocol/resultCrypto.js'
import { credentialDecision } from '@humanos-link/test-kit'

const FRAME_ORIGIN = 'https://app.humanos.id'
const HOST_ORIGIN = 'https://shop.example'
const SESSION = 'sess-1'
const frameWindow = { name: 'frame' } as unknown as MessageEventSource
const otherWindow = { name: 'other' } as unknown as MessageEventSource

async function setup() {
  const host = await generateHostKeyPair()
  const received: VerifiedMessage[] = []
  const failures: HumanosLinkError[] = []
  const target = new EventTarget()
  const receiver = createMessageReceiver({
    target,
    getFrameWindow: () => frameWindow,
    frameOrigin: FRAME_ORIGIN,
    sessionId: SESSION,
    hostOrigin: HOST_ORIGIN,
    privateKey: host.privateKey,
    onMessage: (message) => received.push(message),
    onFailure: (error) => failures.push(error),
  })
  const deliver = (data: unknown, source = frameWindow, origin = FRAME_ORIGIN) =>
    target.dispatchEvent(Object.assign(new Event('message'), { data, source, origin }))
  const sealed = async (
    payload: unknown = credentialDecision(),
    envelope: { ts?: number } = {},
  ) => {
    const id = crypto.randomUUID()
    const ts = envelope.ts ?? Date.now()
    const enc = await sealResult(payload, {
      publicKey: host.publicKey,
      sessionId: SESSION,
      origin: HOST_ORIGIN,
      id,
      ts,
    })
    return createLinkMessage('result', SESSION, { enc }, { id, ts })
  }
  // Waits until every message delivered so far has been handled.
  const settle = () => receiver.idle()
  return { receiver, received, failures, deliver, sealed, settle }
}

describe('message receiver', () => {
  it('drops silently what comes from another window, origin or session, or is malformed', async () => {
    const { deliver, received, failures, settle } = await setup()
    const ready = createLinkMessage('ready', SESSION, {})
    deliver(ready, otherWindow)
    deliver(ready, frameWindow, 'https://evil.example')
    deliver(createLinkMessage('ready', 'other-session', {}))
    deliver({ ...ready, v: 2 })
    deliver('ready')
    deliver(null)
    await settle()
    expect(received).toEqual([])
    expect(failures).toEqual([])
    // The flow goes on after dropped messages.
    deliver(ready)
    await settle()
    expect(received.map((m) => m.type)).toEqual(['ready'])
  })

  it('delivers results decrypted, in arrival order, before a later complete', async () => {
    const { deliver, received, sealed, settle } = await setup()
    const first = await sealed(credentialDecision({ name: 'first' }))
    const second = await sealed(credentialDecision({ name: 'second' }))
    deliver(first)
    deliver(second)
    deliver(createLinkMessage('complete', SESSION, { count: 2 }))
    await settle()
    expect(received.map((m) => m.type)).toEqual(['result', 'result', 'complete'])
    const names = received.flatMap((m) => (m.type === 'result' ? [m.payload] : []))
    expect(names.map((p) => (p.eventType === 'credential' ? p.credential.name : ''))).toEqual([
      'first',
      'second',
    ])
  })

  it('treats a replayed result id as decryption_failed and stops', async () => {
    const { deliver, received, failures, sealed, settle } = await setup()
    const result = await sealed()
    deliver(result)
    deliver(result)
    deliver(createLinkMessage('complete', SESSION, { count: 1 }))
    await settle()
    expect(received.map((m) => m.type)).toEqual(['result'])
    expect(failures.map((f) => [f.code, f.message])).toEqual([
      [ErrorCodes.DECRYPTION_FAILED, DECRYPTION_FAILED_MESSAGE],
    ])
  })

  it.each([
    ['stale', -11 * 60 * 1000],
    ['future', 11 * 60 * 1000],
  ])('treats a %s ts as decryption_failed', async (_name, offset) => {
    const { deliver, received, failures, sealed, settle } = await setup()
    deliver(await sealed(credentialDecision(), { ts: Date.now() + offset }))
    await settle()
    expect(received).toEqual([])
    expect(failures.map((f) => f.code)).toEqual([ErrorCodes.DECRYPTION_FAILED])
  })

  it('reports a result that decrypts to the wrong shape as invalid_payload', async () => {
    const { deliver, failures, sealed, settle } = await setup()
    deliver(await sealed({ eventType: 'credential', requestId: 'r' }))
    await settle()
    expect(failures.map((f) => f.code)).toEqual([ErrorCodes.INVALID_PAYLOAD])
  })

  it('reports a result sealed for another session or tampered with as decryption_failed', async () => {
    const { deliver, failures, sealed, settle } = await setup()
    const result = await sealed()
    const tampered: LinkMessage = { ...result, ts: result.ts + 1 }
    deliver(tampered)
    await settle()
    expect(failures.map((f) => f.message)).toEqual([DECRYPTION_FAILED_MESSAGE])
  })

  it('delivers nothing once stopped, even messages already queued', async () => {
    const { deliver, receiver, received, sealed, settle } = await setup()
    deliver(await sealed())
    receiver.stop()
    deliver(createLinkMessage('ready', SESSION, {}))
    await settle()
    expect(received).toEqual([])
  })
})
