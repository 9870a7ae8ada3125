// Issue 15, item 2: a stolen Link URL alone must not be enough to decide. The page that can
// decide never carries the one-time code (not in its HTML, not in its resend answer); the code
// is delivered out of band, to the sandbox inbox, which answers only this machine.
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { SandboxContext } from '../context.js'
import type { AppEnv } from '../http/appEnv.js'
import { errorResponse, HttpError } from '../http/httpError.js'
import { isLoopbackAddress, loopbackOnly } from '../http/loopbackOnly.js'
import { useLinkPageSandbox } from '../testing/linkPageClient.js'
import { startTestSandbox, requestBody } from '../testing/testSandbox.js'

const { ctx, createRequest, open, codeFor, page } = useLinkPageSandbox()

describe('a stolen link', () => {
  it('opens a page that does not carry the code, and decides nothing without it', async () => {
    const { link, sessionId } = await createRequest()
    const { html, boot } = await open(link)
    const code = await codeFor(sessionId)
    expect(html).not.toContain(code)
    expect(html).not.toContain('sandbox-code')
    // Every guess the page allows fails, and the code was never shown.
    const decided = await page(sessionId, '/decision', { frame: boot.frame, action: 'reject' })
    expect(decided).toMatchObject({ status: 403, json: { code: 'otp_required' } })
  })

  it('cannot get the code by asking for a new one', async () => {
    const quick = await startTestSandbox({ otpResendCooldownMs: 0 })
    try {
      const created = await quick.api('POST', '/request', { body: requestBody() })
      const link = created.json.subjects[0].link as string
      const sessionId = link.split('/').pop() ?? ''
      const url = new URL(link)
      url.searchParams.set('pubKey', ctx.keys.publicKey)
      url.searchParams.set('postMessageOrigin', 'http://localhost:5173')
      const html = await fetch(url).then((r) => r.text())
      const frame = JSON.parse(/id="link-boot">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}').frame
      const resent = await quick.post(`/link/${sessionId}/otp/resend`, { frame })
      expect(resent.status).toBe(200)
      const outbox = await fetch(`${quick.url}/_sandbox/outbox?limit=1`).then((r) => r.json())
      const fresh = outbox.data[0].code as string
      expect(JSON.stringify(resent.json)).not.toContain(fresh)
    } finally {
      await quick.close()
    }
  })
})

describe('the sandbox inbox', () => {
  it('shows the person the code and the link, as a page nobody can frame', async () => {
    const { sessionId, link } = await createRequest({ contacts: ['Inbox.Person@example.com'] })
    const res = await fetch(`${ctx.t.url}/_sandbox/inbox?contact=inbox.person%40example.com`)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toContain(await codeFor(sessionId))
    expect(text).toContain(link)
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
  })

  it('escapes what it shows', async () => {
    const res = await fetch(`${ctx.t.url}/_sandbox/inbox?contact=%3Cscript%3Ex`)
    expect(await res.text()).not.toContain('<script>x')
  })
})

describe('the sandbox tools answer this machine only', () => {
  function appWith(remoteDevTools: boolean) {
    const app = new Hono<AppEnv>()
    app.use('*', loopbackOnly({ config: { remoteDevTools } } as SandboxContext))
    app.get('*', (c) => c.json({ ok: true }))
    app.onError((error, c) =>
      error instanceof HttpError ? errorResponse(c, error) : c.json({}, 500),
    )
    return app
  }
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } })

  it('refuses a caller from another machine, and says how to allow it', async () => {
    const app = appWith(false)
    for (const address of ['192.0.2.7', '10.0.0.2', '::ffff:192.0.2.7', 'fd00::2']) {
      const res = await app.request('/_sandbox/inbox', {}, from(address))
      expect([address, res.status]).toEqual([address, 403])
      expect(await res.json()).toMatchObject({ code: 'loopback_only' })
    }
    for (const address of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) {
      expect((await app.request('/_sandbox/inbox', {}, from(address))).status).toBe(200)
    }
    expect((await appWith(true).request('/x', {}, from('192.0.2.7'))).status).toBe(200)
  })

  it('knows loopback addresses', () => {
    expect(isLoopbackAddress('127.10.0.1')).toBe(true)
    expect(isLoopbackAddress('128.0.0.1')).toBe(false)
    expect(isLoopbackAddress('::2')).toBe(false)
  })
})
