// The demo (apps/demo) end to end: the React app on http://localhost:5175, its BFF on
// 127.0.0.1:4120 and the Link frame served by the sandbox on http://127.0.0.1:4110, a different
// origin. A request is created in the form, approved in the embedded flow, and the decision must
// arrive at the BFF by both channels, verified.
import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { SANDBOX, approveInFrame } from './embedSandbox.js'
import { E2E_ORIGINS } from '@humanos-link/test-kit/origins'

const DEMO = E2E_ORIGINS.demo
const BFF = E2E_ORIGINS.bff

/** Every URL the page asked for, to check the browser never calls the Humanos API. */
function recordRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  return urls
}

interface WebhookEvent {
  requestId: string | null
  eventType: string
}

/** What the BFF lists for this page's browser session (its cookie), as the page itself asks. */
async function webhooksFor(page: Page, requestId: string): Promise<WebhookEvent[]> {
  const response = await page.request.get(`${DEMO}/api/webhooks`)
  const { data } = (await response.json()) as { data: WebhookEvent[] }
  return data.filter((event) => event.requestId === requestId)
}

test.describe('demo app', () => {
  // Each test spans three servers and two origins, on machines shared with other suites.
  test.describe.configure({ timeout: 60_000 })

  test('create a request, approve it embedded, see it ACTIVE with a verified attestation and the webhook', async ({
    page,
  }) => {
    const urls = recordRequests(page)
    const contact = `demo-${randomUUID()}@example.com`
    const credentialName = `Share my email ${randomUUID().slice(0, 8)}`
    await page.goto(DEMO)
    // The agent story is the demo's front page; the one-off consent is one click away.
    await page.getByRole('button', { name: 'One-off consent' }).click()
    await expect(page.getByText('Nothing to approve yet')).toBeVisible()

    await page.getByLabel('Contacts').fill(contact)
    await page.getByLabel('What is being approved').fill(credentialName)
    const created = page.waitForResponse(
      (r) => r.url() === `${DEMO}/api/requests` && r.request().method() === 'POST',
    )
    const createCall = page.waitForRequest(
      (request) => request.method() === 'POST' && request.url().endsWith('/api/requests'),
    )
    await page.getByRole('button', { name: 'Create request' }).click()
    // Every submission carries an Idempotency-Key, so a resent form creates one request.
    expect((await createCall).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    const answer = (await (await created).json()) as {
      requestId: string
      link: string
      expiresAt: string | null
    }
    expect(Object.keys(answer).sort()).toEqual(['expiresAt', 'link', 'requestId'])
    const { requestId } = answer

    // The flow is embedded from the sandbox's origin, for this page's origin.
    const iframe = page.locator('iframe')
    const src = new URL((await iframe.getAttribute('src')) ?? '')
    expect(src.origin).toBe(SANDBOX)
    expect(src.searchParams.get('postMessageOrigin')).toBe(DEMO)

    // The code is not in the Link page: the demo points the newcomer to the sandbox inbox.
    await expect(page.getByRole('link', { name: 'Open the sandbox inbox' })).toHaveAttribute(
      'href',
      `${SANDBOX}/_sandbox/inbox?contact=${encodeURIComponent(contact)}`,
    )
    await approveInFrame(page.frameLocator('iframe'), contact)

    // The browser forwarded the attestation; the BFF verified it.
    await expect(page.getByTestId('attestation-verified')).toContainText('ACTIVE')

    // The live list shows the request ACTIVE, with both channels timed and the first marked.
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: credentialName }) })
    await expect(card.locator('[data-status]')).toHaveAttribute('data-status', 'ACTIVE')
    await expect(card.getByText('first')).toBeVisible()
    await expect(card.locator('.race time')).toHaveCount(2)
    await expect(card.getByText(`${contact} accepted`)).toBeVisible()

    // The webhook was recorded by the BFF, once.
    await expect
      .poll(() => webhooksFor(page, requestId))
      .toEqual([expect.objectContaining({ eventType: 'credential' })])
    await expect(
      page.getByRole('region', { name: 'Webhooks received' }).getByText('credential'),
    ).not.toHaveCount(0)

    // The credential view shows the sealed W3C credential and its proof.
    await card.getByRole('button', { name: 'View credential' }).click()
    const panel = page.getByRole('region', { name: 'Credential' })
    await expect(panel.getByText('Sealed', { exact: true })).toBeVisible()
    const proof = panel.getByRole('region', { name: 'Proof' })
    await expect(proof.getByText('eddsa-jcs-2022', { exact: true })).toBeVisible()
    // A multibase (base58btc) Ed25519 signature.
    await expect(proof.getByText(/^z[1-9A-HJ-NP-Za-km-z]{80,}$/)).toBeVisible()
    await expect(panel.locator('pre')).toContainText('"VerifiableCredential"')

    // The browser talked only to its own origin's /api and the Link frame, never the API.
    const apiCalls = urls.filter((url) => url.startsWith(`${SANDBOX}/request`))
    expect(apiCalls).toEqual([])
    expect(urls.filter((url) => url.startsWith(BFF))).toEqual([])
  })

  test('another browser sees nothing of the first one’s request, and cannot open it', async ({
    page,
    browser,
  }) => {
    const contact = `demo-own-${randomUUID()}@example.com`
    const credentialName = `Mine only ${randomUUID().slice(0, 8)}`
    await page.goto(DEMO)
    // The agent story is the demo's front page; the one-off consent is one click away.
    await page.getByRole('button', { name: 'One-off consent' }).click()
    await page.getByLabel('Contacts').fill(contact)
    await page.getByLabel('What is being approved').fill(credentialName)
    const created = page.waitForResponse(
      (r) => r.url() === `${DEMO}/api/requests` && r.request().method() === 'POST',
    )
    await page.getByRole('button', { name: 'Create request' }).click()
    const { requestId } = (await (await created).json()) as { requestId: string }
    await expect(page.getByRole('heading', { name: credentialName })).toBeVisible()

    // Someone else, another browser (its own cookie jar), on the same demo.
    const other = await browser.newContext()
    try {
      const intruder = await other.newPage()
      await intruder.goto(DEMO)
      await expect(intruder.getByText('Nothing to approve yet')).toBeVisible()
      await expect(intruder.getByText(credentialName)).toHaveCount(0)
      const list = await intruder.request.get(`${DEMO}/api/requests`)
      expect(await list.text()).not.toContain(contact)
      const detail = await intruder.request.get(`${DEMO}/api/requests/${requestId}`)
      expect(detail.status()).toBe(404)
    } finally {
      await other.close()
    }
  })

  test('a bad contact is refused by the BFF with the field and the reason, shown by the field', async ({
    page,
  }) => {
    await page.goto(DEMO)
    // The agent story is the demo's front page; the one-off consent is one click away.
    await page.getByRole('button', { name: 'One-off consent' }).click()
    await page.getByLabel('Contacts').fill('ana@example.com\nnot-a-contact')
    await page.getByRole('button', { name: 'Create request' }).click()
    await expect(page.getByText('Contact 2: must be an email address')).toBeVisible()
    await expect(page.getByLabel('Contacts')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('iframe')).toHaveCount(0)
  })

  test('“Send a new code” goes through the BFF, and a cool-down is said, not waited out', async ({
    page,
  }) => {
    const contact = `resend-${randomUUID()}@example.com`
    await page.goto(DEMO)
    await page.getByRole('button', { name: 'One-off consent' }).click()
    await page.getByLabel('Contacts').fill(contact)
    await page.getByLabel('What is being approved').fill('Resend check')
    await page.getByRole('button', { name: 'Create request' }).click()
    await expect(page.locator('iframe')).toHaveCount(1)
    const resend = page.waitForRequest(
      (r) => r.method() === 'POST' && /\/api\/requests\/[^/]+\/resend$/.test(r.url()),
    )
    await page.getByRole('button', { name: 'Send a new code' }).click()
    // The page's own CSRF header rides along; the code sent at creation starts the cool-down.
    expect((await resend).headers()['x-requested-by']).toBe('humanos-demo')
    await expect(
      page.getByRole('alert').filter({ hasText: 'A code was sent moments ago' }),
    ).toContainText(/Wait \d+ s/)
    // Nothing replaced the person's code: the flow still finishes with it.
    await approveInFrame(page.frameLocator('iframe'), contact)
    await expect(page.getByTestId('attestation-verified')).toContainText('ACTIVE')
  })

  test('the plain HTML page does the same through the script tag', async ({ page }) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    const contact = `demo-embed-${randomUUID()}@example.com`
    await page.goto(`${DEMO}/embed.html`)
    await page.getByLabel('Contact').fill(contact)
    await page.getByRole('button', { name: 'Create and approve' }).click()
    const iframe = page.locator('humanos-link iframe')
    await expect(iframe).toHaveAttribute('src', new RegExp(`^${SANDBOX}/link/`))
    await approveInFrame(page.frameLocator('humanos-link iframe'), contact)
    await expect(page.getByText('Attestation verified by the BFF: accepted')).toContainText(
      'ACTIVE',
    )
    expect(errors).toEqual([])
  })
})
