// Issue 15, item 9: the origin a page was opened with must not be able to rewrite the page's
// Content-Security-Policy through `frame-ancestors`.
import { describe, expect, it } from 'vitest'
import { useLinkPageSandbox } from '../testing/linkPageClient.js'
import { linkPageHeaders } from './pageHeaders.js'

const { createRequest, open } = useLinkPageSandbox()

const ancestorsOf = (csp: string | null) =>
  /frame-ancestors ([^;]*)/.exec(csp ?? '')?.[1]?.trim() ?? ''

describe('frame-ancestors', () => {
  it.each(['https://*', 'https://a;b', "https://a 'unsafe-inline'", 'https://a.example/path', '*'])(
    'an origin_not_allowed page opened for %j is framed by nobody',
    async (claimed) => {
      const { link } = await createRequest()
      const { res, boot } = await open(link, { pubKey: 'x', postMessageOrigin: claimed })
      expect(boot.mode).toBe('error')
      const csp = res.headers.get('content-security-policy')
      expect(ancestorsOf(csp)).toBe("'none'")
      expect(csp?.split(';').map((d) => d.trim().split(' ')[0])).not.toContain('b')
    },
  )

  it('keeps well-formed origins, IPv6 literals and ports', () => {
    const csp =
      linkPageHeaders([
        'https://app.example',
        'http://[::1]:5173',
        'http://localhost:5173',
        'https://*.example',
      ])['Content-Security-Policy'] ?? null
    expect(ancestorsOf(csp)).toBe('https://app.example http://[::1]:5173 http://localhost:5173')
  })
})
