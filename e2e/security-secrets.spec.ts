// No secret reaches the browser: every response the browser receives during a full demo
// journey (the page, its scripts, the BFF's answers through /api, the Link frame, its script and
// its endpoints, in every frame) is searched, headers and bodies, for the API key, the
// signature secret and the webhook secrets.
import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import type { Page, Response } from '@playwright/test'
import { secretsIn } from '../security/support/secrets.js'
import { SANDBOX, approveInFrame } from './embedSandbox.js'
import { E2E_ORIGINS } from '@humanos-link/test-kit/origins'

const DEMO = E2E_ORIGINS.demo

interface Seen {
  url: string
  leaks: string[]
}

/** Reads every response of the page and its frames as it arrives. */
function watch(page: Page) {
  const seen: Seen[] = []
  const reads: Promise<void>[] = []
  page.on('response', (response: Response) => {
    reads.push(
      (async () => {
        const headers = JSON.stringify(await response.allHeaders())
        // Redirects and aborted loads have no body to read.
        const body = await response.body().then(
          (bytes) => bytes.toString('latin1'),
          () => '',
        )
        seen.push({ url: response.url(), leaks: secretsIn(headers + body) })
      })(),
    )
  })
  return {
    seen,
    settled: async () => {
      await page.waitForLoadState('networkidle')
      await Promise.all(reads)
      return seen
    },
  }
}

test.describe('secrets', () => {
  test.describe.configure({ timeout: 60_000 })

  test('no response the browser receives in a full demo journey carries one', async ({ page }) => {
    const responses = watch(page)
    const contact = `secrets-${randomUUID()}@example.com`
    const credentialName = `Secrets check ${randomUUID().slice(0, 8)}`
    await page.goto(DEMO)
    // The agent story is the demo's front page; the one-off consent is one click away.
    await page.getByRole('button', { name: 'One-off consent' }).click()
    await page.getByLabel('Contacts').fill(contact)
    await page.getByLabel('What is being approved').fill(credentialName)
    await page.getByRole('button', { name: 'Create request' }).click()
    await approveInFrame(page.frameLocator('iframe'), contact)
    await expect(page.getByTestId('attestation-verified')).toContainText('ACTIVE')
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: credentialName }) })
    await card.getByRole('button', { name: 'View credential' }).click()
    await expect(page.getByRole('region', { name: 'Credential' })).toBeVisible()
    // The plain HTML page too, with the script-tag build served by the Link's origin.
    const second = `secrets-${randomUUID()}@example.com`
    await page.goto(`${DEMO}/embed.html`)
    await page.getByLabel('Contact').fill(second)
    await page.getByRole('button', { name: 'Create and approve' }).click()
    await approveInFrame(page.frameLocator('humanos-link iframe'), second)
    await expect(page.getByText('Attestation verified by the BFF: accepted')).toContainText(
      'ACTIVE',
    )

    const seen = await responses.settled()
    expect(seen.filter((s) => s.leaks.length > 0)).toEqual([])
    // The search covered what matters: the BFF's answers, the Link page and its endpoints.
    const urls = seen.map((s) => s.url)
    expect(urls.some((u) => u.startsWith(`${DEMO}/api/requests`))).toBe(true)
    expect(urls.some((u) => u.startsWith(`${SANDBOX}/link/`))).toBe(true)
    expect(urls.some((u) => /\/link\/[^/]+\/decision$/.test(u))).toBe(true)
    expect(urls.some((u) => u.startsWith(`${SANDBOX}/static/humanos-link.js`))).toBe(true)
  })
})
