import { expect, test } from '@playwright/test'
import {
  ATTACKER,
  TEST_FRAME,
  hostLog,
  hostUrl,
  testLink,
  waitForSentinel,
  waitForStatus,
} from './support.js'

test.describe('core SDK across two origins', () => {
  test('an inline flow decrypts the decision and completes', async ({ page }) => {
    await page.goto(hostUrl([testLink('sess-inline')]))
    await waitForStatus(page, 'ready')
    const iframe = page.locator('iframe')
    await expect(iframe).toHaveAttribute('title', 'Humanos approval')
    const src = new URL((await iframe.getAttribute('src'))!)
    expect(src.origin).toBe(TEST_FRAME)
    expect(src.searchParams.get('postMessageOrigin')).toBe('http://localhost:5180')
    expect(src.searchParams.get('pubKey')).toMatch(/^MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE/)

    await page.frameLocator('iframe').getByRole('button', { name: 'Accept' }).click()
    await waitForStatus(page, 'completed')
    const [decision] = await hostLog(page, 'onDecision')
    expect(decision?.data).toMatchObject({
      eventType: 'credential',
      requestId: 'req-sess-inline',
      decision: { action: 'accept' },
    })
    const [success] = await hostLog(page, 'onSuccess')
    expect(success?.data).toEqual([decision?.data])
    expect(await hostLog(page, 'onError')).toEqual([])
    // Auto-resize followed the frame's reported height.
    const height = await iframe.evaluate((el) => el.getBoundingClientRect().height)
    expect(height).toBeGreaterThan(50)
    expect(height).toBeLessThan(560)
  })

  test('every decision arrives in order before onSuccess', async ({ page }) => {
    await page.goto(hostUrl([testLink('sess-three', { results: '3' })]))
    await waitForStatus(page, 'ready')
    await page.frameLocator('iframe').getByRole('button', { name: 'Reject' }).click()
    await waitForStatus(page, 'completed')
    const decisions = await hostLog(page, 'onDecision')
    expect(
      decisions.map((d) => (d.data as { credential: { name: string } }).credential.name),
    ).toEqual(['Test credential 1', 'Test credential 2', 'Test credential 3'])
    const [success] = await hostLog(page, 'onSuccess')
    expect(success?.data).toHaveLength(3)
  })

  test('a complete that claims more results than arrived fails the flow', async ({ page }) => {
    await page.goto(hostUrl([testLink('sess-count', { count: '2' })]))
    await waitForStatus(page, 'ready')
    await page.frameLocator('iframe').getByRole('button', { name: 'Accept' }).click()
    await waitForStatus(page, 'failed')
    const [error] = await hostLog(page, 'onError')
    expect(error?.data).toMatchObject({ code: 'invalid_payload' })
    expect(await hostLog(page, 'onSuccess')).toEqual([])
  })

  test('a frame error reaches onError with its code and is announced', async ({ page }) => {
    await page.goto(hostUrl([testLink('sess-expired', { error: 'session_expired' })]))
    await waitForStatus(page, 'failed')
    const [error] = await hostLog(page, 'onError')
    expect(error?.data).toEqual({ code: 'session_expired', message: 'Test error' })
    await expect(page.getByRole('alert')).toHaveText('Test error')
  })

  test('no ready in time is load_timeout', async ({ page }) => {
    await page.goto(hostUrl([testLink('sess-silent', { silent: '1' })], { loadTimeoutMs: '2500' }))
    await expect(page.getByRole('status')).toHaveText('Loading the approval flow…')
    await waitForStatus(page, 'failed')
    const [error] = await hostLog(page, 'onError')
    expect(error?.data).toMatchObject({ code: 'load_timeout' })
  })

  test('two instances on one page never see each other’s messages', async ({ page }) => {
    // The same session twice: both frames share origin and session, only the window differs.
    const link = testLink('sess-shared')
    await page.goto(hostUrl([link, link, testLink('sess-other')]))
    for (const instance of [0, 1, 2]) await waitForStatus(page, 'ready', instance)
    await page
      .frameLocator('section[data-instance="1"] iframe')
      .getByRole('button', { name: 'Accept' })
      .click()
    await waitForStatus(page, 'completed', 1)
    const decisions = await hostLog(page, 'onDecision')
    expect(decisions.map((d) => d.instance)).toEqual([1])
    expect(await page.evaluate(() => window.hostStatuses)).toEqual(['ready', 'completed', 'ready'])
  })

  test('forged messages from a hostile third origin change nothing', async ({ page }) => {
    const host = hostUrl([testLink('sess-victim')])
    await page.goto(`${ATTACKER}/attacker.html?host=${encodeURIComponent(host)}`)
    const victim = page.frameLocator('#victim')
    const victimFrame = page.frame({ url: /localhost:5180\/host\.html/ })!
    await victimFrame.waitForFunction(() => window.hostStatus === 'ready')

    const sent = await page.evaluate(() => window.forge('sess-victim'))
    expect(sent).toBeGreaterThan(0)
    // Every forged message has been delivered and (not) handled.
    await waitForSentinel(victimFrame, await page.evaluate(() => window.lastSentinel))
    expect(await victimFrame.evaluate(() => window.hostStatus)).toBe('ready')
    const callbacks = await victimFrame.evaluate(() => window.hostLog.map((entry) => entry.cb))
    expect(callbacks.filter((cb) => cb !== 'onEvent')).toEqual(['onReady'])

    // The real flow still works afterwards.
    await victim.frameLocator('iframe').getByRole('button', { name: 'Accept' }).click()
    await victimFrame.waitForFunction(() => window.hostStatus === 'completed')
  })
})

test.describe('modal mode', () => {
  test('traps focus, closes on Escape, restores focus and scroll', async ({ page }) => {
    await page.goto(hostUrl([testLink('sess-modal')], { mode: 'modal' }))
    await waitForStatus(page, 'ready')
    await expect(page.getByRole('dialog')).toHaveCount(0)

    const openButton = page.getByRole('button', { name: 'Open' })
    await openButton.focus()
    await openButton.press('Enter')
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('hidden')

    // Focus moved into the dialog (onto the frame); Tab never leaves the dialog, either way.
    const focusInDialog = () => page.evaluate(() => !!document.activeElement?.closest('dialog'))
    expect(await focusInDialog()).toBe(true)
    for (const key of ['Shift+Tab', 'Tab']) {
      await page.getByRole('button', { name: 'Close' }).focus()
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press(key)
        expect(await focusInDialog(), `${key} × ${i + 1}`).toBe(true)
      }
    }
    // The page behind is inert: script focus cannot pull focus out of the dialog.
    await openButton.evaluate((button) => button.focus())
    expect(await focusInDialog()).toBe(true)

    await page.getByRole('button', { name: 'Close' }).focus()
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await waitForStatus(page, 'exited')
    expect((await hostLog(page, 'onExit')).map((e) => e.data)).toEqual(['user_closed'])
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open')
    expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('')
  })

  test('Escape pressed inside the frame exits through the protocol', async ({ page }) => {
    await page.goto(hostUrl([testLink('sess-modal-esc')], { mode: 'modal' }))
    await waitForStatus(page, 'ready')
    await page.getByRole('button', { name: 'Open' }).click()
    await page.frameLocator('iframe').getByRole('button', { name: 'Accept' }).focus()
    await page.keyboard.press('Escape')
    await waitForStatus(page, 'exited')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open')
  })

  test('completing in the modal closes it and reports success', async ({ page }) => {
    await page.goto(hostUrl([testLink('sess-modal-ok')], { mode: 'modal' }))
    await waitForStatus(page, 'ready')
    await page.getByRole('button', { name: 'Open' }).click()
    await page.frameLocator('iframe').getByRole('button', { name: 'Accept' }).click()
    await waitForStatus(page, 'completed')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    expect(await hostLog(page, 'onSuccess')).toHaveLength(1)
  })
})
