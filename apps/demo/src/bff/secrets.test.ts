// The API key and the secrets stay in the BFF: no answer of any endpoint, success or failure,
// carries one, and failures of Humanos reach the browser as a clear message, not a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedRequest } from '../shared/apiTypes.js'
import { DEFAULT_BFF_CONFIG } from './config.js'
import { decideInFrame } from './testing/linkFlow.js'
import { TEST_ORIGIN, startDemoStack } from './testing/demoStack.js'
import type { DemoStack, HttpResult } from './testing/demoStack.js'
import { sealWebhook } from './testing/webhookSeal.js'

const SECRETS = [
  DEFAULT_BFF_CONFIG.apiKey,
  DEFAULT_BFF_CONFIG.signatureSecret,
  DEFAULT_BFF_CONFIG.webhookSignatureSecret,
  DEFAULT_BFF_CONFIG.webhookEncryptionSecret,
  DEFAULT_BFF_CONFIG.webhookEncryptionSalt,
]

function leaks(answer: HttpResult): string[] {
  const headers = [...answer.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n')
  return SECRETS.filter((secret) => answer.text.includes(secret) || headers.includes(secret))
}

let stack: DemoStack

beforeAll(async () => {
  stack = await startDemoStack()
})
afterAll(() => stack.close())

describe('secrets', () => {
  it('never appear in any answer of any endpoint', async () => {
    const answers: HttpResult[] = []
    const call = async (...args: Parameters<DemoStack['call']>) => {
      const answer = await stack.call(...args)
      answers.push(answer)
      return answer
    }
    const created = await call('POST', '/api/requests', {
      contacts: ['ana@example.com', 'bob@example.com'],
      contact: 'bob@example.com',
      credentialName: 'Share my profile',
    })
    const { requestId, link } = created.json as CreatedRequest
    const [payload] = await decideInFrame({
      sandboxUrl: stack.sandboxUrl,
      link,
      contact: 'bob@example.com',
      origin: TEST_ORIGIN,
      action: 'accept',
    })
    await call('POST', '/api/attestations', { attestation: payload?.attestation })
    await call('POST', '/api/attestations', { attestation: payload?.attestation })
    await call('GET', '/api/requests')
    await call('GET', `/api/requests/${requestId}`)
    await call('GET', '/api/webhooks')
    await call('GET', '/api/health')
    await call('POST', '/api/requests', { contacts: ['x'], credentialName: '' })
    await call('POST', '/api/requests', '{')
    await call('POST', '/webhooks/humanos', '{}', {
      'x-timestamp': String(Date.now()),
      'x-signature': 'ab',
    })
    const sealed = sealWebhook(
      { eventType: 'unknown' },
      {
        signatureSecret: DEFAULT_BFF_CONFIG.webhookSignatureSecret,
        encryptionSecret: DEFAULT_BFF_CONFIG.webhookEncryptionSecret,
        encryptionSalt: DEFAULT_BFF_CONFIG.webhookEncryptionSalt,
      },
    )
    const invalidEvent = await call('POST', '/webhooks/humanos', sealed.body, sealed.headers)
    expect(invalidEvent.json).toMatchObject({ error: 'invalid_webhook' })

    expect(answers.length).toBeGreaterThan(10)
    expect(answers.flatMap(leaks)).toEqual([])
    expect(answers.map((a) => a.status).filter((s) => s >= 500)).toEqual([])
  })

  it('reports a Humanos that refuses the key as 502 without the key', async () => {
    const wrongKey = await startDemoStack({ webhooks: false, bff: { apiKey: 'wrong-key-123' } })
    try {
      const answer = await wrongKey.call('POST', '/api/requests', {
        contacts: ['ana@example.com'],
        credentialName: 'x',
      })
      expect(answer.status).toBe(502)
      expect(answer.json).toMatchObject({ error: 'humanos_error' })
      expect(answer.text).not.toContain('wrong-key-123')
    } finally {
      await wrongKey.close()
    }
  })

  it('reports an unreachable Humanos as 502 with a hint, not a stack', async () => {
    const offline = await startDemoStack({
      webhooks: false,
      bff: { humanosBaseUrl: 'http://127.0.0.1:9' },
    })
    try {
      const answer = await offline.call('POST', '/api/requests', {
        contacts: ['ana@example.com'],
        credentialName: 'x',
      })
      expect(answer.status).toBe(502)
      expect(answer.json).toEqual({
        error: 'humanos_unreachable',
        message: 'Humanos could not be reached; is the sandbox running?',
      })
    } finally {
      await offline.close()
    }
  })
})
