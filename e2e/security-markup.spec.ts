// Issue 15 item 5: markup cannot summon a frame. A page pins its Link origin on the script tag
// (data-link-origins); user content that survived a sanitizer carries data-humanos-link
// elements pointing at a hostile origin (the attacker's server, which serves a Link page that
// posts ready and events on its own). The built script tag mounts none of them.
// It tests the built file, so build first: pnpm --filter @humanos-link/embed build.
import { expect, test } from '@playwright/test'
import { E2E_ORIGINS } from '@humanos-link/test-kit/origins'
import { ATTACKER, testLink } from './support.js'

// What record.js collects on the page (every humanos-link:* event).
interface LogEntry {
  type: string
  from: string
  detail: { code?: string; message?: string } | null
}
// The functions below run in the page, so each reads the log itself.
type Recorded = Window & { embedLog: LogEntry[] }

test('hostile markup mounts nothing, gets no camera, and no event of its frame reaches the page', async ({
  page,
}) => {
  const link = testLink(`pinned-${Date.now()}`)
  await page.goto(`${E2E_ORIGINS.staticPages}/injected.html?link=${encodeURIComponent(link)}`)
  // The page's own flow, on the pinned origin, loads as usual.
  await page.waitForFunction(() =>
    (window as unknown as Recorded).embedLog.some((e) => e.type === 'ready'),
  )
  // Both injected elements are refused, each with the SDK's own error.
  await page.waitForFunction(
    () =>
      (window as unknown as Recorded).embedLog.filter((e) => e.from.startsWith('injected'))
        .length >= 2,
  )
  await page.click('#injected-modal')
  const log = await page.evaluate(() => (window as unknown as Recorded).embedLog)
  const injected = log.filter((entry) => entry.from.startsWith('injected'))
  expect(injected.map((entry) => `${entry.type} #${entry.from}`).sort()).toEqual([
    'error #injected',
    'error #injected-modal',
  ])
  for (const entry of injected) {
    const detail = entry.detail as LogEntry['detail']
    expect(detail?.code).toBe('invalid_link')
    expect(detail?.message).toContain(ATTACKER)
    expect(detail?.message).toContain('linkOrigins')
  }
  expect(log.filter((entry) => entry.type === 'ready').map((entry) => entry.from)).toEqual(['flow'])
  expect(page.frames().filter((frame) => frame.url().startsWith(ATTACKER))).toEqual([])
  await expect(page.locator('iframe')).toHaveCount(1)
  await expect(page.locator('iframe[allow~="camera"]')).toHaveCount(0)
  await expect(page.locator('dialog')).toHaveCount(0)
})
