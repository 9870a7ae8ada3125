// @humanos-link/react in a real React app (e2e/fixtures/react-host.html, under StrictMode) on
// http://localhost:5180, embedding a Link frame from another origin: first the test frame, then
// the real sandbox, reached through its signed API as an integrator's backend would.
import { createHmac, randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import type { FrameLocator, Page } from '@playwright/test'
import { HOST, TEST_FRAME, testLink } from './support'

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

// The sandbox's public defaults (apps/sandbox/src/config.ts): a laptop sandbox, not secrets.
const SANDBOX = 'http://127.0.0.1:4110'
const API_KEY = 'sandbox-api-key'
const SIGNATURE_SECRET = 'sandbox-signature-secret'

/** `POST /request` signed as the spec says: HMAC-SHA256 over `<timestamp>.<body>`. */
async function createRequest(contact: string) {
  const body = JSON.stringify({
    contacts: [contact],
    name: 'Card mandate',
    credentials: [{ type: 'CONSENT', name: 'Monthly card payment' }],
  })
  const timestamp = String(Date.now())
  const signature = createHmac('sha256', SIGNATURE_SECRET)
    .update(`${timestamp}.${body}`)
    .digest('hex')
  const res = await fetch(`${SANDBOX}/request`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${API_KEY}`,
      'X-Timestamp': timestamp,
      'X-Signature': signature,
      'Content-Type': 'application/json',
    },
    body,
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as {
    id: string
    credentials: { id: string; name: string }[]
    subjects: { contact: string; link: string }[]
  }
}

/** The one-time code the sandbox "sent" to `contact`, from its outbox. */
async function otpFor(contact: string): Promise<string> {
  const res = await fetch(`${SANDBOX}/_sandbox/outbox?contact=${encodeURIComponent(contact)}`)
  const { data } = (await res.json()) as { data: { code: string }[] }
  expect(data[0]?.code, `no code in the sandbox outbox for ${contact}`).toMatch(/^\d{6}$/)
  return data[0]!.code
}

async function approve(frame: FrameLocator, contact: string) {
  await frame.getByRole('button', { name: 'Continue' }).click()
  await frame.getByLabel('One-time code').fill(await otpFor(contact))
  await frame.getByRole('button', { name: 'Verify' }).click()
  await frame.getByRole('button', { name: 'Accept' }).click()
}

test.describe('React component against the sandbox', () => {
  test('<HumanosLink link onSuccess> gets the decrypted, attested decision', async ({ page }) => {
    const contact = `react-${randomUUID()}@example.com`
    const request = await createRequest(contact)
    const link = request.subjects[0]!.link
    expect(new URL(link).origin).toBe(SANDBOX)

    await page.goto(reactHost(link))
    await waitForStatus(page, 'ready')
    await approve(page.frameLocator('.approval iframe'), contact)
    await waitForStatus(page, 'completed')

    const [success, ...more] = await logOf(page, 'onSuccess')
    expect(more).toEqual([])
    expect(success?.data).toMatchObject([
      {
        eventType: 'credential',
        requestId: request.id,
        user: { contact },
        credential: { id: request.credentials[0]!.id, name: 'Monthly card payment' },
        decision: { action: 'accept' },
        attestation: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      },
    ])
    expect(await logOf(page, 'onError')).toEqual([])
    await expect(page.locator('#status')).toHaveText('completed')
  })
})
