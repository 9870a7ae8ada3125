// What the examples' specs share: the person completing the Link flow (the one-time code read
// from the sandbox inbox, as in e2e/), and what the example's server says it verified.
import { expect } from '@playwright/test'
import type { FrameLocator, Page } from '@playwright/test'
import { otpFor } from '../../e2e/embedSandbox.js'

/** Reviews, enters the code from `sandbox`'s inbox and decides, inside the embedded frame. */
export async function decideInFrame(
  frame: FrameLocator,
  contact: string,
  sandbox: string,
  decision: 'Accept' | 'Reject',
): Promise<void> {
  await frame.getByRole('button', { name: 'Continue' }).click()
  await frame.getByLabel('One-time code').fill(await otpFor(frame.owner().page(), contact, sandbox))
  await frame.getByRole('button', { name: 'Verify' }).click()
  await frame.getByRole('button', { name: decision }).click()
}

export interface RecordedDecision {
  via: 'attestation' | 'webhook'
  eventType: string
  outcome: string
}

/** What the example's server recorded for `requestId`, sorted by channel. */
export async function serverDecisions(
  page: Page,
  app: string,
  requestId: string,
): Promise<RecordedDecision[]> {
  const response = await page.request.get(`${app}/api/requests/${requestId}`)
  expect(response.status()).toBe(200)
  const { decisions } = (await response.json()) as { decisions: RecordedDecision[] }
  return decisions.sort((a, b) => a.via.localeCompare(b.via))
}
