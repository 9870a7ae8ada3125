import { generateHostKeyPair } from '@humanos-link/core'
import { describe, expect, it } from 'vitest'
import { TEST_HOST as HOST, useLinkPageSandbox } from '../testing/linkPageClient.js'
import { DEFAULT_ALLOWED_ORIGINS } from '../config.js'

const { ctx, createRequest, open, codeFor, page } = useLinkPageSandbox()

describe('GET /link/:sessionId', () => {
  it('serves the flow with a strict CSP, no inline script and the allowed frame ancestors', async () => {
    const { link } = await createRequest()
    const { res, html, boot } = await open(link)
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain(`frame-ancestors ${DEFAULT_ALLOWED_ORIGINS.join(' ')}`)
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])
    expect(scripts).toEqual([
      ' type="module" src="/assets/link/main.js"',
      ' type="application/json" id="link-boot"',
    ])
    expect(boot).toMatchObject({ mode: 'flow', origin: HOST, frame: expect.any(String) })
    // The page script is one bundle; its one postMessage call names the host origin, never '*'.
    const script = await fetch(`${ctx.t.url}/assets/link/main.js`)
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
    const source = await script.text()
    const calls = [...source.matchAll(/postMessage\(([^)]*)\)/g)].map((m) => m[1])
    expect(calls).toEqual(['message, origin'])
    expect(source).not.toMatch(/^\s*(import|export)\b/m)
  })

  it('shows its own close button inline only: in a modal the host overlay has one', async () => {
    const { link } = await createRequest()
    const topClose = /class="icon-button"\s+data-action="close"/
    expect((await open(link)).html).toMatch(topClose)
    expect((await open(link, { mode: 'modal' })).html).not.toMatch(topClose)
  })

  it('escapes credential data and names, which are user input', async () => {
    const evil = '<img src=x onerror=alert(1)></script>'
    const { link } = await createRequest({
      name: evil,
      credentials: [
        { type: 'FORM', name: evil, description: evil, data: { [evil]: [evil, { deep: evil }] } },
      ],
    })
    const { html } = await open(link)
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;')
  })

  it('answers an origin outside the allowlist with origin_not_allowed, addressed to that origin only', async () => {
    const { link } = await createRequest()
    const { res, boot, html } = await open(link, {
      pubKey: ctx.keys.publicKey,
      postMessageOrigin: 'http://127.0.0.1:5182',
    })
    expect(res.status).toBe(403)
    expect(boot).toEqual({
      mode: 'error',
      sessionId: link.split('/').pop(),
      origin: 'http://127.0.0.1:5182',
      code: 'origin_not_allowed',
      message: expect.stringContaining('http://127.0.0.1:5182 is not an allowed host origin'),
    })
    expect(boot.message).toContain('SANDBOX_ALLOWED_ORIGINS')
    expect(html).toContain('SANDBOX_ALLOWED_ORIGINS')
    expect(res.headers.get('content-security-policy')).toContain(
      'frame-ancestors http://127.0.0.1:5182',
    )
    expect(html).not.toContain('Share my profile')
    const malformed = await open(link, {
      pubKey: ctx.keys.publicKey,
      postMessageOrigin: 'http://localhost:5173/path',
    })
    expect(malformed.boot).toMatchObject({ code: 'origin_not_allowed', origin: null })
    expect(malformed.html).toContain('postMessageOrigin must be a bare origin')
    expect(malformed.res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('checks the pubKey format and a pre-registered key', async () => {
    const { link } = await createRequest()
    expect((await open(link, { pubKey: 'abc', postMessageOrigin: HOST })).boot.code).toBe(
      'invalid_pub_key',
    )
    expect((await open(link, { postMessageOrigin: HOST })).boot.code).toBe('invalid_pub_key')
    const registered = await createRequest({ pubKey: ctx.keys.publicKey })
    const other = await generateHostKeyPair()
    const mismatch = await open(registered.link, {
      pubKey: other.publicKey,
      postMessageOrigin: HOST,
    })
    expect(mismatch.boot).toMatchObject({ mode: 'error', code: 'pub_key_mismatch', origin: HOST })
    expect((await open(registered.link)).boot.mode).toBe('flow')
  })

  it('reports a missing, canceled, answered or locked session', async () => {
    expect((await open(`${ctx.t.url}/link/nope`)).boot).toMatchObject({
      code: 'session_not_found',
      sessionId: 'nope',
      origin: HOST,
    })
    const canceled = await createRequest()
    await ctx.t.api('DELETE', `/request/${canceled.id}`)
    expect((await open(canceled.link)).boot.code).toBe('session_canceled')
    const answered = await createRequest()
    await ctx.t.post(`/_sandbox/sessions/${answered.sessionId}/decide`, { action: 'reject' })
    expect((await open(answered.link)).boot.code).toBe('session_expired')
    // Ten wrong codes from any frames (three per frame at most) lock the session itself.
    const locked = await createRequest()
    const wrong = (await codeFor(locked.sessionId)) === '000000' ? '111111' : '000000'
    let frame = ''
    for (let i = 0; i < 10; i++) {
      if (i % 3 === 0) frame = (await open(locked.link)).boot.frame!
      await page(locked.sessionId, '/otp/verify', { frame, code: wrong })
    }
    const reopened = await open(locked.link)
    expect(reopened.res.status).toBe(423)
    expect(reopened.boot.code).toBe('otp_locked')
  })

  it('speaks Portuguese from lang or the request language, and English otherwise', async () => {
    const { link } = await createRequest({ language: 'PRT' })
    expect((await open(link)).html).toMatch(/<html\s+lang="pt"/)
    expect(
      (await open(link, { pubKey: ctx.keys.publicKey, postMessageOrigin: HOST, lang: 'ENG' })).html,
    ).toMatch(/<html\s+lang="en"/)
    const english = await createRequest()
    const pt = await open(english.link, {
      pubKey: ctx.keys.publicKey,
      postMessageOrigin: HOST,
      lang: 'PRT',
      theme: 'dark',
    })
    expect(pt.html).toContain('É-lhe pedido que aprove o seguinte')
    expect(pt.html).toContain('data-theme="dark"')
    expect(
      (
        await open(english.link, {
          pubKey: ctx.keys.publicKey,
          postMessageOrigin: HOST,
          lang: 'DEU',
        })
      ).html,
    ).toMatch(/<html\s+lang="en"/)
  })
})
