// Escape in a modal, against the sandbox's real Link page (not the test frame). Once the person
// is inside the cross-origin frame, the host page never sees their key presses: the Link page
// itself must end the flow with `exit('user_closed')` (link-protocol.md section 5). Checked
// through each way an integrator opens a modal: the core SDK, the React hook and
// `<humanos-link mode="modal">` (the script-tag build: build packages/embed first).
import { expect, test } from '@playwright/test'
import type { FrameLocator, Page } from '@playwright/test'
import { E2E_ORIGINS } from '@humanos-link/test-kit/origins'
import { createSandboxRequest, expectOriginAllowed } from './embedSandbox.js'
import { HOST, hostLog, hostUrl, waitForStatus } from './support.js'

/** Puts focus on the Link page's first step inside the frame and presses Escape there. */
async function escapeInsideFrame(page: Page, frame: FrameLocator) {
  const cont = frame.getByRole('button', { name: 'Continue' })
  await cont.focus()
  // The key really goes to the frame's document: the host page has no focus of its own.
  expect(await cont.evaluate((el) => el === document.activeElement && document.hasFocus())).toBe(
    true,
  )
  await page.keyboard.press('Escape')
}

test.describe("Escape inside the sandbox's Link page ends a modal flow", () => {
  test('through the core SDK', async ({ page }) => {
    const request = await createSandboxRequest('Escape from the core modal', 'escape-core')
    await page.goto(hostUrl([request.link], { mode: 'modal' }))
    await waitForStatus(page, 'ready')
    await page.getByRole('button', { name: 'Open' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()

    await escapeInsideFrame(page, page.frameLocator('dialog iframe'))
    await waitForStatus(page, 'exited')
    expect((await hostLog(page, 'onExit')).map((e) => e.data)).toEqual(['user_closed'])
    await expect(page.getByRole('dialog')).toHaveCount(0)
  })

  test('through the React hook', async ({ page }) => {
    const request = await createSandboxRequest('Escape from the hook modal', 'escape-hook')
    await page.goto(`${HOST}/hook-host.html?link=${encodeURIComponent(request.link)}`)
    await expect(page.locator('#status')).toHaveText('ready')
    await page.getByRole('button', { name: 'Open' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()

    await escapeInsideFrame(page, page.frameLocator('dialog iframe'))
    await expect(page.locator('#status')).toHaveText('exited')
    const exits = await page.evaluate(() => window.reactLog.filter((e) => e.cb === 'onExit'))
    expect(exits.map((e) => e.data)).toEqual(['user_closed'])
    await expect(page.getByRole('dialog')).toHaveCount(0)
  })

  test('through <humanos-link mode="modal">', async ({ page }) => {
    await expectOriginAllowed(E2E_ORIGINS.staticPages)
    const request = await createSandboxRequest('Escape from the element modal', 'escape-element')
    await page.goto(
      `${E2E_ORIGINS.staticPages}/modal.html?link=${encodeURIComponent(request.link)}`,
    )
    const element = page.locator('humanos-link')
    await expect
      .poll(() => element.evaluate((el: HTMLElement & { status: string }) => el.status))
      .toBe('ready')
    await page.getByRole('button', { name: 'Open' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()

    await escapeInsideFrame(page, page.frameLocator('dialog iframe'))
    await expect
      .poll(() => element.evaluate((el: HTMLElement & { status: string }) => el.status))
      .toBe('exited')
    const exits = await page.evaluate(() => window.embedLog.filter((e) => e.type === 'exit'))
    expect(exits.map((e) => e.detail)).toEqual(['user_closed'])
    await expect(page.getByRole('dialog')).toHaveCount(0)
  })
})
