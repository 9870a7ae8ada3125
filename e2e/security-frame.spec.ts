// Clickjacking and the Link page's headers: the sandbox's Link page may be framed only by the
// allowed host origins (CSP frame-ancestors), so a hostile page cannot show it, even inside an
// allowed host page it frames itself, even when it claims an allowed postMessageOrigin.
import { expect, test } from '@playwright/test'
import type { Frame, Page } from '@playwright/test'
import { generateHostKeyPair } from '@humanos-link/core'
import { ATTACKER, HOST, hostUrl } from './support.js'
import { SANDBOX, createSandboxRequest } from './securitySupport.js'
import { E2E_ORIGINS } from '@humanos-link/test-kit/origins'

const LINK_PAGE = /127\.0\.0\.1:4110\/link\//
const DEMO = E2E_ORIGINS.demo

/** A Link URL as the SDK would build it for the allowed host `HOST`. */
async function frameUrl(link: string): Promise<string> {
  const url = new URL(link)
  url.searchParams.set('pubKey', (await generateHostKeyPair()).publicKey)
  url.searchParams.set('postMessageOrigin', HOST)
  return url.toString()
}

// Where Chromium puts a frame whose content it refused to show.
const REFUSED = 'chrome-error://chromewebdata/'

/** The URL the innermost frame of the page shows (the Link frame, or its error page). */
function linkFrameUrl(page: Page): string {
  const depth = (frame: Frame): number =>
    frame.parentFrame() ? 1 + depth(frame.parentFrame()!) : 0
  const [deepest] = page.frames().sort((a, b) => depth(b) - depth(a))
  return deepest!.url()
}

test.describe('the Link page cannot be framed outside the allowlist', () => {
  test('an allowed host origin frames it and sees the flow', async ({ page }) => {
    const created = await createSandboxRequest('Visible consent', 'frame-ok')
    // The same framing page, served from an allowed origin.
    await page.goto(
      `${HOST}/attacker.html?host=${encodeURIComponent(await frameUrl(created.link))}`,
    )
    const frame = page.frameLocator('#victim')
    await expect(frame.getByRole('heading', { name: 'Visible consent' })).toBeVisible()
    expect(await linkFrameUrl(page)).toMatch(LINK_PAGE)
  })

  test('a hostile origin framing it with an allowed postMessageOrigin gets nothing', async ({
    page,
  }) => {
    const created = await createSandboxRequest('Hidden consent', 'frame-hostile')
    const responses: number[] = []
    page.on('response', (response) => {
      if (LINK_PAGE.test(response.url())) responses.push(response.status())
    })
    const url = await frameUrl(created.link)
    await page.goto(`${ATTACKER}/attacker.html?host=${encodeURIComponent(url)}`)
    // The sandbox answered (200, the flow), and Chromium refused to show it: the frame holds
    // its own error page instead.
    await expect.poll(() => responses).toEqual([200])
    await expect.poll(() => linkFrameUrl(page)).toBe(REFUSED)
    await expect(page.frameLocator('#victim').getByText('Hidden consent')).toHaveCount(0)
  })

  test('a hostile page framing an allowed host page: the nested Link frame is refused', async ({
    page,
  }) => {
    const created = await createSandboxRequest('Nested consent', 'frame-nested')
    const host = hostUrl([created.link], { loadTimeoutMs: '4000' })
    await page.goto(`${ATTACKER}/attacker.html?host=${encodeURIComponent(host)}`)
    // Every ancestor must be allowed: the hostile top page is not, so the browser refuses the
    // nested Link page and the flow never loads.
    await expect.poll(() => linkFrameUrl(page)).toBe(REFUSED)
    const victim = page.frame({ url: /localhost:5180\/host\.html/ })!
    await victim.waitForFunction(() => window.hostStatus === 'failed', null, { timeout: 10_000 })
    const log = await victim.evaluate(() => window.hostLog)
    expect(log.filter((e) => e.cb === 'onError').map((e) => e.data)).toMatchObject([
      { code: 'load_timeout' },
    ])
    expect(log.some((e) => e.cb === 'onReady' || e.cb === 'onDecision')).toBe(false)
    // On load_timeout the host removes the refused frame (link-protocol.md section 8).
    await expect(page.frameLocator('#victim').locator('iframe')).toHaveCount(0)
  })

  test('a hostile page cannot frame the demo host page either', async ({ page }) => {
    const responses: number[] = []
    page.on('response', (response) => {
      if (response.url() === `${DEMO}/`) responses.push(response.status())
    })
    await page.goto(`${ATTACKER}/attacker.html?host=${encodeURIComponent(`${DEMO}/`)}`)
    await expect.poll(() => responses).toEqual([200])
    await expect.poll(() => linkFrameUrl(page)).toBe(REFUSED)
  })

  test('the browser receives a strict policy with the Link page', async ({ page }) => {
    const created = await createSandboxRequest('Share my profile', 'frame-headers')
    const response = await page.goto(await frameUrl(created.link))
    const headers = response!.headers()
    const csp = Object.fromEntries(
      headers['content-security-policy']!.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/)
        return [name, values]
      }),
    )
    // The e2e sandbox's allowlist (playwright.config.ts), exactly.
    expect(csp['frame-ancestors']).toEqual(
      (await (await page.request.get(`${SANDBOX}/_sandbox/settings`)).json()).allowedOrigins,
    )
    expect(csp['script-src']).toEqual(["'self'"])
    expect(csp['default-src']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'none'"])
    expect(headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(headers['cache-control']).toBe('no-store')
    // The policy is enforced: an inline script injected into the page does not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injected = true'
      document.body.append(script)
      return (window as { injected?: boolean }).injected === true
    })
    expect(ran).toBe(false)
  })
})
