// The demo's agent story end to end, in Chromium on two origins (the app on localhost:5175,
// the Link frame from the sandbox on 127.0.0.1:4110): the integrator asks for a mandate with
// limits, the person sees those limits and approves in the frame, the agent is allowed within
// the limits and denied over them, the mandate is revoked and the next attempt is denied, and
// the activity shows the whole chain.
import { expect, test } from '@playwright/test'
import { SANDBOX, approveInFrame, uniqueContact } from './embedSandbox.js'

const DEMO = 'http://localhost:5175'

test.describe('demo agent story', () => {
  test.describe.configure({ timeout: 90_000 })

  test('mandate, approval in the frame, allow, deny over the limit, revoke, deny, activity', async ({
    page,
  }) => {
    const humanosCalls: string[] = []
    page.on('request', (request) => {
      if (
        request.url().startsWith(SANDBOX) &&
        !request.url().includes('/link/') &&
        !request.url().includes('/assets/')
      ) {
        humanosCalls.push(request.url())
      }
    })
    const contact = uniqueContact('agent')
    await page.goto(DEMO)
    await expect(page.getByRole('heading', { name: "1. Set the agent's limits" })).toBeVisible()
    await page.getByLabel('Person who approves').fill(contact)
    await page.getByLabel('Maximum amount per payment').fill('50')
    await page.getByRole('button', { name: 'Ask for the mandate' }).click()

    // The person sees the action and each limit in words, in the frame (another origin).
    const frame = page.frameLocator('iframe')
    const mandate = frame.getByTestId('mandate')
    await expect(mandate.getByRole('heading', { name: 'Shopping agent' })).toBeVisible()
    await expect(mandate.locator('[data-param="maxAmount"]')).toContainText(
      'Maximum amount per payment',
    )
    await expect(mandate.locator('[data-param="maxAmount"] dd')).toHaveText('50')
    await expect(mandate.locator('[data-param="allowedCategories"] li')).toHaveText([
      'groceries',
      'books',
    ])
    await approveInFrame(frame, contact)

    await expect(page.getByTestId('mandate-status')).toHaveAttribute('data-status', 'ACTIVE')
    const attempts = page.getByRole('list', { name: 'Agent attempts' }).locator(':scope > li')

    await page.getByRole('button', { name: 'Pay 25 for groceries' }).click()
    await expect(attempts.first()).toHaveAttribute('data-decision', 'allow')
    await expect(attempts.first().locator('[data-result="true"]')).toHaveCount(2)
    await expect(attempts.first()).toContainText('Receipt')

    await page.getByRole('button', { name: /over the limit/ }).click()
    await expect(attempts).toHaveCount(2)
    await expect(attempts.first()).toHaveAttribute('data-decision', 'deny')
    await expect(attempts.first().getByTestId('deny-reason')).toHaveText('rule_failed')
    await expect(attempts.first().locator('[data-result="false"]')).toContainText('within limit')

    await page.getByRole('button', { name: 'Replay the last presentation' }).click()
    await expect(attempts).toHaveCount(3)
    await expect(attempts.first().getByTestId('deny-reason')).toHaveText('presentation_replayed')

    await page.getByRole('button', { name: 'Revoke the mandate' }).click()
    await expect(page.getByTestId('mandate-status')).toHaveAttribute('data-status', 'REVOKED')
    await page.getByRole('button', { name: 'Pay 25 for groceries' }).click()
    await expect(attempts).toHaveCount(4)
    await expect(attempts.first().getByTestId('deny-reason')).toHaveText('credential_revoked')

    const timeline = page.getByRole('list', { name: 'Mandate activity' }).locator('li')
    await expect(timeline.first()).toHaveAttribute('data-type', 'VP_DENIED')
    const types = await timeline.evaluateAll((items) =>
      items.map((li) => li.getAttribute('data-type')),
    )
    expect(types).toEqual([
      'VP_DENIED',
      'MANDATE_REVOKED',
      'VP_VERIFICATION_DENIED',
      'VP_VERIFICATION_DENIED',
      'VP_CREATED',
      'VP_VERIFIED',
      'VP_CREATED',
      'MANDATE_ISSUED',
      'USER_DECISION_ACCEPTED',
      'REQUEST_CREATED',
    ])
    // The browser never talked to the Humanos API itself: only the frame's page came from there.
    expect(humanosCalls.filter((url) => !url.includes('/static/'))).toEqual([])
  })
})
