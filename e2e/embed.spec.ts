// The script-tag build (packages/embed/dist/humanos-link.js, served by the sandbox at
// /static/humanos-link.js) on plain HTML pages with no bundler and no inline script, served from
// http://localhost:5186 by e2e/servers/staticHost.mjs; under /strict/ with a strict CSP.
// It tests the built file, so build first: pnpm --filter @humanos-link/embed build.
import { expect, test } from '@playwright/test'
import type { ConsoleMessage, Page } from '@playwright/test'
// Also brings the embed's `window.HumanosLink` declaration.
import type { HumanosLinkGlobal } from '@humanos-link/embed'
import {
  SANDBOX,
  approveInFrame,
  createSandboxRequest,
  expectOriginAllowed,
} from './embedSandbox.js'
import { testLink } from './support.js'
import { E2E_ORIGINS } from '@humanos-link/test-kit/origins'

const PAGES = E2E_ORIGINS.staticPages

interface LogEntry {
  type: string
  from: string
  detail: unknown
}

declare global {
  interface Window {
    embedLog: LogEntry[]
    cspViolations: { directive: string; blocked: string; source: string }[]
    firstHumanosLink: HumanosLinkGlobal | undefined
  }
}

/** Opens a page, collecting CSP reports from the console and failures of the page itself. */
async function open(page: Page, path: string, link = '') {
  const cspConsole: string[] = []
  const pageErrors: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspConsole.push(message.text())
  })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${PAGES}${path}?link=${encodeURIComponent(link)}`)
  return { cspConsole, pageErrors }
}

const log = (page: Page, type?: string) =>
  page.evaluate((want) => window.embedLog.filter((e) => !want || e.type === want), type)

async function waitForLog(page: Page, type: string, count = 1) {
  await page.waitForFunction(
    ([want, n]) => window.embedLog.filter((e) => e.type === want).length >= (n as number),
    [type, count] as const,
  )
}

test.beforeAll(async () => {
  const script = await fetch(`${SANDBOX}/static/humanos-link.js`)
  expect(script.status, await script.clone().text()).toBe(200)
  await expectOriginAllowed(PAGES)
})

for (const policy of ['none', 'strict'] as const) {
  const prefix = policy === 'strict' ? '/strict' : ''

  test.describe(`the script tag with ${policy === 'strict' ? 'a strict CSP' : 'no CSP'}`, () => {
    const ways = [
      { name: 'the <humanos-link> element', page: 'element.html', from: 'flow' },
      { name: 'data-humanos-link', page: 'data-attribute.html', from: 'flow' },
      { name: 'HumanosLink.create', page: 'create.html', from: 'create' },
    ]
    for (const way of ways) {
      test(`${way.name} embeds the sandbox flow and receives the decrypted decision`, async ({
        page,
      }) => {
        const request = await createSandboxRequest(`Share my email (${way.page})`)
        const { cspConsole, pageErrors } = await open(page, `${prefix}/${way.page}`, request.link)
        expect(await page.evaluate(() => typeof window.HumanosLink?.create)).toBe('function')
        const iframe = page.locator('#flow iframe')
        await expect(iframe).toHaveCount(1)
        expect(new URL((await iframe.getAttribute('src'))!).origin).toBe(SANDBOX)
        await waitForLog(page, 'ready')

        await approveInFrame(page.frameLocator('#flow iframe'), request.contact)
        await waitForLog(page, 'success')

        const [decision] = await log(page, 'decision')
        expect(decision?.from).toBe(way.from)
        expect(decision?.detail).toMatchObject({
          eventType: 'credential',
          requestId: request.requestId,
          user: { contact: request.contact },
          credential: { name: `Share my email (${way.page})`, status: 'ACTIVE' },
          decision: { action: 'accept' },
        })
        expect((decision?.detail as { attestation: string }).attestation).toMatch(
          /^[\w-]+\.[\w-]+\.[\w-]+$/,
        )
        const [success] = await log(page, 'success')
        expect(success?.detail).toEqual([decision?.detail])
        expect(await log(page, 'error')).toEqual([])

        expect(await page.evaluate(() => window.cspViolations)).toEqual([])
        expect(cspConsole).toEqual([])
        expect(pageErrors).toEqual([])
        if (policy === 'strict') {
          const response = await page.request.get(`${PAGES}${prefix}/${way.page}`)
          expect(response.headers()['content-security-policy']).toMatch(/default-src 'none'/)
        }
      })
    }

    test('a frame error arrives as a humanos-link:error event with its code', async ({ page }) => {
      const { cspConsole } = await open(
        page,
        `${prefix}/element.html`,
        testLink('embed-expired', { error: 'session_expired' }),
      )
      await waitForLog(page, 'error')
      const [error] = await log(page, 'error')
      expect(error).toEqual({
        type: 'error',
        from: 'flow',
        detail: { name: 'HumanosLinkError', code: 'session_expired', message: 'Test error' },
      })
      expect(
        await page.evaluate(
          (code) => window.HumanosLink!.ErrorCodes.SESSION_EXPIRED === code,
          'session_expired',
        ),
      ).toBe(true)
      expect(await page.evaluate(() => window.cspViolations)).toEqual([])
      expect(cspConsole).toEqual([])
    })
  })
}

test.describe('the script tag', () => {
  test('loaded twice: one global, one registration, one flow per element', async ({ page }) => {
    const { pageErrors } = await open(page, '/strict/double.html', testLink('embed-double'))
    await expect(page.locator('iframe')).toHaveCount(2)
    await expect(page.locator('#flow iframe')).toHaveCount(1)
    await expect(page.locator('#marked iframe')).toHaveCount(1)
    await page.waitForFunction(() => window.embedLog.filter((e) => e.type === 'ready').length === 2)
    expect(await page.evaluate(() => window.HumanosLink === window.firstHumanosLink)).toBe(true)
    expect(await page.evaluate(() => window.HumanosLink!.version)).toMatch(/^\d+\.\d+\.\d+/)
    // A second registration would have thrown a NotSupportedError.
    expect(pageErrors).toEqual([])
    expect((await log(page, 'ready')).map((e) => e.from).sort()).toEqual(['flow', 'marked'])
  })

  test('mounts data-humanos-link elements added after load and destroys removed ones', async ({
    page,
  }) => {
    await open(page, '/strict/later.html', testLink('embed-later'))
    await expect(page.locator('iframe')).toHaveCount(0)
    await page.getByRole('button', { name: 'Add approval' }).click()
    await expect(page.locator('#later iframe')).toHaveCount(1)
    await waitForLog(page, 'ready')
    await page.frameLocator('#later iframe').getByRole('button', { name: 'Accept' }).click()
    await waitForLog(page, 'decision')
    const [decision] = await log(page, 'decision')
    expect(decision?.from).toBe('later')
    expect(decision?.detail).toMatchObject({ requestId: 'req-embed-later' })

    await page.getByRole('button', { name: 'Remove approval' }).click()
    await expect(page.locator('iframe')).toHaveCount(0)
    await page.getByRole('button', { name: 'Add approval' }).click()
    await expect(page.locator('#later iframe')).toHaveCount(1)
    await waitForLog(page, 'ready', 2)
    expect(await page.evaluate(() => window.cspViolations)).toEqual([])
  })

  test('the strict policy really is enforced and violations are recorded', async ({ page }) => {
    const { cspConsole } = await open(page, '/strict/violation.html')
    await page.waitForFunction(() => window.cspViolations.length > 0)
    const violations = await page.evaluate(() => window.cspViolations)
    expect(violations[0]?.directive).toMatch(/^style-src/)
    expect(cspConsole.length).toBeGreaterThan(0)
  })
})
