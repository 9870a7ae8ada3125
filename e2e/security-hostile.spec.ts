// A hostile page on a third origin attacks a host page's flow: it frames the host or opens it
// in its own window, opens the Link URL itself, posts forged `result` / `complete` / `error`
// messages (even results really sealed to the host's leaked public key) at every window it
// can reach, and navigates the host's Link frame to a page of its own. The host's flow is
// unaffected: no state change, no callback; the real flow then completes with the real
// decision, in the test frame and in the sandbox's real Link flow.
import { expect, test } from '@playwright/test'
import type { Frame, Page } from '@playwright/test'
import { ATTACKER, HOST, hostUrl, testLink, waitForSentinel, waitForStatus } from './support.js'
import {
  approveInFrame,
  callbacksOf,
  createSandboxRequest,
  frameParams,
  logOf,
} from './securitySupport.js'

/** Runs `open` in the attacker page and returns the window it opened, as a Playwright page. */
async function openFrom(attacker: Page, url: string): Promise<Page> {
  const popup = attacker.context().waitForEvent('page')
  expect(await attacker.evaluate((u) => window.openWindow(u), url)).toBe(true)
  const page = await popup
  await page.waitForLoadState()
  return page
}

/** Waits until every host page in `targets` has been delivered (and has handled) the forgeries. */
async function delivered(attacker: Page, targets: (Page | Frame)[]) {
  const sentinel = await attacker.evaluate(() => window.lastSentinel)
  for (const target of targets) await waitForSentinel(target, sentinel)
}

test.describe('a hostile page cannot forge or steal a decision', () => {
  test('framing the host and opening windows: forged messages everywhere change nothing', async ({
    page,
  }) => {
    const session = 'sess-hostile'
    await page.goto(
      `${ATTACKER}/attacker.html?host=${encodeURIComponent(hostUrl([testLink(session)]))}`,
    )
    const victim = page.frame({ url: /localhost:5180\/host\.html/ })!
    await victim.waitForFunction(() => window.hostStatus === 'ready')
    // Its own windows: a second copy of the host page, and the Link URL itself.
    const popupHost = await openFrom(page, hostUrl([testLink(session)]))
    await waitForStatus(popupHost, 'ready')
    await openFrom(page, testLink(session))

    // Worst case: the host's public key leaked, so forged results really decrypt.
    const leaked = await frameParams(victim)
    expect(leaked.hostOrigin).toBe(HOST)
    expect(await page.evaluate((s) => window.forge(s), session)).toBeGreaterThan(20)
    const sealed = await page.evaluate(([s, key, origin]) => window.forgeSealed(s, key, origin), [
      session,
      leaked.publicKey,
      leaked.hostOrigin,
    ] as const)
    // Two results and a complete, to this page, the host, its frame, the popup host, its
    // frame and the Link window.
    expect(sealed).toBe(3 * 6)
    await delivered(page, [victim, popupHost])

    for (const target of [victim, popupHost]) {
      expect(await target.evaluate(() => window.hostStatus)).toBe('ready')
      expect(await callbacksOf(target)).toEqual(['onReady'])
    }
    // The real flow still works, and only the real decision arrives.
    await page
      .frameLocator('#victim')
      .frameLocator('iframe')
      .getByRole('button', { name: 'Accept' })
      .click()
    await victim.waitForFunction(() => window.hostStatus === 'completed')
    expect(await callbacksOf(victim)).toEqual(['onReady', 'onDecision', 'onSuccess'])
    const [decision] = await logOf(victim, 'onDecision')
    expect(decision?.data).toMatchObject({ requestId: `req-${session}` })
  })

  test('navigating the host’s Link frame to its own page: right window, wrong origin, dropped', async ({
    page,
  }) => {
    const session = 'sess-hijack'
    await page.goto(
      `${ATTACKER}/attacker.html?host=${encodeURIComponent(hostUrl([testLink(session)]))}`,
    )
    const victim = page.frame({ url: /localhost:5180\/host\.html/ })!
    await victim.waitForFunction(() => window.hostStatus === 'ready')
    const leaked = await frameParams(victim)
    const hijack = new URL(`${ATTACKER}/hijack.html`)
    hijack.search = new URLSearchParams({
      session,
      pubKey: leaked.publicKey,
      hostOrigin: leaked.hostOrigin,
    }).toString()
    expect(await page.evaluate((u) => window.hijackFrame(u), hijack.toString())).toBe(true)
    // The hijacked frame posted every message type, a really sealed result among them.
    const hijacked = page.frameLocator('#victim').frameLocator('iframe')
    await expect(hijacked.locator('#sent')).toHaveText('5')
    await waitForSentinel(victim, 'hijack')
    expect(await victim.evaluate(() => window.hostStatus)).toBe('ready')
    expect(await callbacksOf(victim)).toEqual(['onReady'])
  })

  test('the sandbox flow in a window the attacker opened: forgeries fail, a stolen link cannot decide', async ({
    page,
  }) => {
    const created = await createSandboxRequest('Real consent', 'hostile-sandbox')
    await page.goto(`${ATTACKER}/attacker.html`)
    const host = await openFrom(page, hostUrl([created.link]))
    await waitForStatus(host, 'ready')

    // The stolen link, opened by the attacker, and nothing else: it shows what is asked, but
    // the page carries no code, asking for a new one answers none (it goes to the person's
    // inbox), and deciding without one is refused.
    const stolen = await openFrom(page, created.link)
    await expect(stolen.getByRole('heading', { name: 'Real consent' })).toBeVisible()
    const attempt = await stolen.evaluate(async (sessionId) => {
      const boot = JSON.parse(document.getElementById('link-boot')!.textContent ?? '{}')
      const post = async (path: string, body: Record<string, unknown>) => {
        const response = await fetch(`/link/${sessionId}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ frame: boot.frame, ...body }),
        })
        return { status: response.status, body: await response.json() }
      }
      const resend = await post('/otp/resend', {})
      // Every six-digit number the attacker can see: in the page and in the resend answer.
      const seen = `${document.documentElement.outerHTML} ${JSON.stringify(resend.body)}`
      const candidates = [...new Set(seen.match(/\b\d{6}\b/g) ?? [])]
      const verified = []
      for (const code of candidates) verified.push((await post('/otp/verify', { code })).status)
      const decision = await post('/decision', { action: 'accept' })
      return { resend, candidates, verified, decision }
    }, created.sessionId)
    expect(JSON.stringify(attempt.resend.body)).not.toMatch(/\b\d{6}\b/)
    expect(attempt.verified).not.toContain(200)
    expect(attempt.decision).toMatchObject({ status: 403, body: { code: 'otp_required' } })

    const leaked = await frameParams(host)
    expect(await page.evaluate((s) => window.forge(s), created.sessionId)).toBeGreaterThan(20)
    await page.evaluate(([s, key, origin]) => window.forgeSealed(s, key, origin), [
      created.sessionId,
      leaked.publicKey,
      leaked.hostOrigin,
    ] as const)
    await delivered(page, [host])
    expect(await host.evaluate(() => window.hostStatus)).toBe('ready')
    expect(await callbacksOf(host)).toEqual(['onReady'])

    await approveInFrame(host.frameLocator('iframe'), created.contact)
    await waitForStatus(host, 'completed')
    expect(await callbacksOf(host)).toEqual(['onReady', 'onDecision', 'onSuccess'])
    const [decision] = await logOf(host, 'onDecision')
    expect(decision?.data).toMatchObject({
      requestId: created.requestId,
      credential: { name: 'Real consent', status: 'ACTIVE' },
      decision: { action: 'accept' },
    })
  })
})
