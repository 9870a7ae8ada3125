import { describe, expect, it } from 'vitest'
import { createLinkMessage, isCompleteMessage, isLinkMessage, isResultMessage } from './messages.js'

const enc = { alg: 'ECDH-P256+HKDF-SHA256+A256GCM', epk: 'a', salt: 'b', iv: 'c', ct: 'd' } as const

describe('isLinkMessage', () => {
  it('accepts every message type built by createLinkMessage', () => {
    const messages = [
      createLinkMessage('ready', 's', {}),
      createLinkMessage('resize', 's', { height: 300 }),
      createLinkMessage('event', 's', { name: 'OTP_SENT' }),
      createLinkMessage('event', 's', { name: 'SOMETHING_NEW', meta: { step: 2 } }),
      createLinkMessage('result', 's', { enc }),
      createLinkMessage('complete', 's', { count: 1 }),
      createLinkMessage('exit', 's', { reason: 'expired' }),
      createLinkMessage('error', 's', { code: 'session_expired', message: 'Expired' }),
    ]
    for (const message of messages) expect(isLinkMessage(message), message.type).toBe(true)
    expect(messages[0]!.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('rejects anything that is not exactly a version-1 Link message', () => {
    const ready = createLinkMessage('ready', 's', {})
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { ...ready, ns: 'other' },
      { ...ready, v: 2 },
      { ...ready, v: '1' },
      { ...ready, type: 'unknown' },
      { ...ready, type: 'toString' },
      { ...ready, type: '__proto__' },
      { ...ready, sessionId: 1 },
      { ...ready, id: '' },
      { ...ready, ts: Number.NaN },
      { ...ready, ts: '1' },
      { ...ready, extra: true },
      { ...createLinkMessage('resize', 's', { height: 1 }), height: Infinity },
      { ...createLinkMessage('complete', 's', { count: 1 }), count: 1.5 },
      { ...createLinkMessage('complete', 's', { count: 1 }), count: -1 },
      { ...createLinkMessage('exit', 's', { reason: 'expired' }), reason: 'bored' },
      { ...createLinkMessage('event', 's', { name: 'x' }), meta: 'not an object' },
      { ...createLinkMessage('result', 's', { enc }), enc: { ...enc, alg: 'none' } },
      { ...createLinkMessage('result', 's', { enc }), enc: { ...enc, more: 1 } },
      { ...createLinkMessage('error', 's', { code: 'internal', message: 'x' }), message: 5 },
    ]
    for (const value of bad) expect(isLinkMessage(value), JSON.stringify(value)).toBe(false)
  })

  it('has per-type guards', () => {
    const result = createLinkMessage('result', 's', { enc })
    expect(isResultMessage(result)).toBe(true)
    expect(isCompleteMessage(result)).toBe(false)
  })
})
