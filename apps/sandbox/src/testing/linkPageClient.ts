// Helpers for tests of the Link page over HTTP: open a link as a host would, read the boot data
// the page script would read, and call the page's own endpoints.
import { generateHostKeyPair } from '@humanos-link/core'
import type { HostKeyPair } from '@humanos-link/core'
import { afterAll, beforeAll, expect } from 'vitest'
import { requestBody, startTestSandbox } from './testSandbox.js'
import type { TestSandbox } from './testSandbox.js'

/** The host origin the Link page tests embed from (on the default allowlist). */
export const TEST_HOST = 'http://localhost:5173'

/** The JSON the server renders into `#link-boot`. */
export interface Boot {
  mode: 'flow' | 'error'
  sessionId: string
  origin: string | null
  code?: string
  message?: string
  frame?: string
  identityStep?: boolean
}

export function linkPageClient(t: TestSandbox, keys: HostKeyPair) {
  async function createRequest(body: Record<string, unknown> = {}) {
    const res = await t.api('POST', '/request', { body: requestBody(body) })
    expect(res.status).toBe(200)
    const link = res.json.subjects[0].link as string
    return { id: res.json.id as string, link, sessionId: link.split('/').pop()!, json: res.json }
  }

  /** Loads the page with the given query (by default: this host's key and origin). */
  async function open(
    link: string,
    params: Record<string, string> = { pubKey: keys.publicKey, postMessageOrigin: TEST_HOST },
  ) {
    const url = new URL(link)
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
    const res = await fetch(url)
    const html = await res.text()
    const match = /<script type="application\/json" id="link-boot">(.*?)<\/script>/s.exec(html)
    return { res, html, boot: JSON.parse(match?.[1] ?? 'null') as Boot }
  }

  /** The latest code "sent" for a session. */
  async function codeFor(sessionId: string): Promise<string> {
    const outbox = await fetch(`${t.url}/_sandbox/outbox`).then((r) => r.json())
    return outbox.data.find((m: { sessionId: string }) => m.sessionId === sessionId).code
  }

  /** Calls a page endpoint: `/otp/verify`, `/otp/resend`, `/identity`, `/decision`. */
  const page = (sessionId: string, path: string, body: Record<string, unknown>) =>
    t.post(`/link/${sessionId}${path}`, body)

  return { createRequest, open, codeFor, page }
}

/** What {@link linkPageClient} returns. */
export type LinkPageClient = ReturnType<typeof linkPageClient>

/**
 * The shared setup of a Link page test file: before its tests, one sandbox (a resend allowed
 * once a minute) and a host key pair; after them, the sandbox stopped. `ctx.t` and `ctx.keys`
 * exist once `beforeAll` has run; the client's calls can be used from the tests directly.
 */
export function useLinkPageSandbox() {
  const ctx = {} as { t: TestSandbox; keys: HostKeyPair; client: LinkPageClient }
  beforeAll(async () => {
    ctx.t = await startTestSandbox({ otpResendCooldownMs: 60_000 })
    ctx.keys = await generateHostKeyPair()
    ctx.client = linkPageClient(ctx.t, ctx.keys)
  })
  afterAll(() => ctx.t.close())
  return {
    ctx,
    createRequest: (body?: Record<string, unknown>) => ctx.client.createRequest(body),
    open: (link: string, params?: Record<string, string>) => ctx.client.open(link, params),
    codeFor: (sessionId: string) => ctx.client.codeFor(sessionId),
    page: (sessionId: string, path: string, body: Record<string, unknown>) =>
      ctx.client.page(sessionId, path, body),
  }
}
