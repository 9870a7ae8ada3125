import { describe, expect, it } from 'vitest'
import { generateHostKeyPair } from '@humanos-link/core'
import { isLinkMessage, openResult } from '@humanos-link/core/protocol'
import type { LinkMessage } from '@humanos-link/core/protocol'
import { createLinkFrame, frameDecision, frameParamsOf } from './linkFrame.js'
import { credentialDecision, webhookEventOf } from './payloads.js'

const HOST = 'http://localhost:5180'

async function frameWithHost() {
  const keys = await generateHostKeyPair()
  const sent: LinkMessage[] = []
  const frame = createLinkFrame(
    { sessionId: 'sess-kit', publicKey: keys.publicKey, hostOrigin: HOST },
    (message) => sent.push(message),
  )
  const open = (message: LinkMessage) => {
    if (message.type !== 'result') throw new Error(`not a result: ${message.type}`)
    return openResult(message.enc, {
      privateKey: keys.privateKey,
      sessionId: 'sess-kit',
      origin: HOST,
      id: message.id,
      ts: message.ts,
    })
  }
  return { frame, sent, open }
}

describe('the fake Link frame', () => {
  it('reads what a Link page reads from the frame URL, and refuses a URL without it', () => {
    const src = `http://127.0.0.1:9/link/sess-1?pubKey=abc&postMessageOrigin=${encodeURIComponent(HOST)}`
    expect(frameParamsOf(src)).toEqual({ sessionId: 'sess-1', publicKey: 'abc', hostOrigin: HOST })
    expect(() => frameParamsOf('http://127.0.0.1:9/link/sess-1')).toThrow(/pubKey/)
  })

  it('posts messages the SDK accepts, and results the host key opens', async () => {
    const { frame, sent, open } = await frameWithHost()
    frame.ready()
    frame.event('STEP_VIEWED', { step: 'review' })
    await frame.approve(2)
    expect(sent.map((m) => m.type)).toEqual(['ready', 'event', 'result', 'result', 'complete'])
    expect(sent.every((m) => isLinkMessage(m) && m.sessionId === 'sess-kit')).toBe(true)
    expect(sent.at(-1)).toMatchObject({ type: 'complete', count: 2 })
    expect(await open(sent[3]!)).toEqual(frameDecision('sess-kit', 1))
  })

  it('can lie about the count and tamper with a result, for the SDK tests that need it', async () => {
    const { frame, sent, open } = await frameWithHost()
    await frame.decide('reject', { tamper: true, claimCount: 3 })
    expect(sent.at(-1)).toMatchObject({ type: 'complete', count: 3 })
    await expect(open(sent[0]!)).rejects.toThrow()
  })

  it('builds webhook events without the Link-only attestation', () => {
    const event = webhookEventOf(credentialDecision({ requestId: 'req-9' }))
    expect(event).not.toHaveProperty('attestation')
    expect(event).toMatchObject({ eventType: 'credential', requestId: 'req-9' })
  })
})
