// @humanos-link/react in a real React app (e2e/fixtures/react-host.html, under StrictMode) on
// http://localhost:5180, embedding a Link frame from another origin: first the test frame, then
// the real sandbox, reached through its signed API as an integrator's backend would.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { SANDBOX, approveInFrame, createSandboxRequest } from './embedSandbox.js'
import { HOST, TEST_FRAME, testLink } from './support.js'

interface LogEntry {
  cb: string
  data?: unknown
}

const reactHost = (link: string, extra: Record<string, string> = {}) =>
  `${HOST}/react-host.html?${new URLSearchParams({ link, ...extra })}`

const logOf = (page: Page, cb: string): Promise<LogEntry[]> =>
  page.evaluate((name) => window.reactLog.filter((entry) => entry.cb === name), cb)

const waitForStatus = (page: Page, status: string) =>
  page.waitForFunction((want) => window.reactStatus === want, status)

declare global {
  interface Window {
    reactLog: LogEntry[]
    reactStatus: string
    setLink: (link: string) => void
  }
}

test.describe('React component against the test frame', () => {
  test('renders one cross-origin frame under StrictMode and decrypts the decision', async ({
    page,
  }) => {
    await page.goto(reactHost(testLink('react-inline', { results: '2' })))
    await waitForStatus(page, 'ready')
    const iframe = page.locator('.approval iframe')
    await expect(iframe).toHaveCount(1)
    expect(await page.locator('iframe').count()).toBe(1)
    const src = new URL((await iframe.getAttribute('src'))!)
    expect(src.origin).toBe(TEST_FRAME)
    expect(src.searchParams.get('postMessageOrigin')).toBe(HOST)

    await page.frameLocator('.approval iframe').getByRole('button', { name: 'Accept' }).click()
    await waitForStatus(page, 'completed')
    await expect(page.locator('#status')).toHaveText('completed')
    const decisions = await logOf(page, 'onDecision')
    expect(decisions).toHaveLength(2)
    const success = await logOf(page, 'onSuccess')
    expect(success).toHaveLength(1)
    expect(success[0]?.data).toEqual(decisions.map((entry) => entry.data))
    expect(success[0]?.data).toMatchObject([
      { requestId: 'req-react-inline', decision: { action: 'accept' } },
      { credential: { name: 'Test credential 2' } },
    ])
    expect(await logOf(page, 'onReady')).toHaveLength(1)
  })

  test('an expired link reaches onError, and a fresh link recovers', async ({ page }) => {
    await page.goto(reactHost(testLink('react-old', { error: 'session_expired' })))
    await waitForStatus(page, 'failed')
    await expect(page.locator('#status')).toHaveText('failed: session_expired')
    expect((await logOf(page, 'onError')).map((entry) => entry.data)).toEqual([
      { code: 'session_expired', message: 'Test error' },
    ])

    await page.evaluate((link) => window.setLink(link), testLink('react-fresh'))
    await waitForStatus(page, 'ready')
    expect(await page.locator('iframe').count()).toBe(1)
    await page.frameLocator('.approval iframe').getByRole('button', { name: 'Accept' }).click()
    await waitForStatus(page, 'completed')
    expect(await logOf(page, 'onSuccess')).toHaveLength(1)
  })

  test('modal mode opens while mounted and closes when the flow completes', async ({ page }) => {
    await page.goto(reactHost(testLink('react-modal'), { mode: 'modal' }))
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    await waitForStatus(page, 'ready')
    await dialog.frameLocator('iframe').getByRole('button', { name: 'Accept' }).click()
    await waitForStatus(page, 'completed')
    await expect(dialog).toHaveCount(0)
    expect(await logOf(page, 'onSuccess')).toHaveLength(1)
  })
})

test.describe('React component against the sandbox', () => {
  test('<HumanosLink link onSuccess> gets the decrypted, attested decision', async ({ page }) => {
    const request = await createSandboxRequest('Monthly card payment', 'react')
    const { contact, link } = request
    expect(new URL(link).origin).toBe(SANDBOX)

    await page.goto(reactHost(link))
    await waitForStatus(page, 'ready')
    await approveInFrame(page.frameLocator('.approval iframe'), contact)
    await waitForStatus(page, 'completed')

    const [success, ...more] = await logOf(page, 'onSuccess')
    expect(more).toEqual([])
    expect(success?.data).toMatchObject([
      {
        eventType: 'credential',
        requestId: request.requestId,
        user: { contact },
        credential: { id: request.credentialId, name: 'Monthly card payment' },
        decision: { action: 'accept' },
        attestation: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      },
    ])
    expect(await logOf(page, 'onError')).toEqual([])
    await expect(page.locator('#status')).toHaveText('completed')
  })
})
