import type { Frame, Page } from '@playwright/test'
import { E2E_ORIGINS, linkUrl } from '@humanos-link/test-kit/origins'

/** Origins of the fixture servers started by playwright.config.ts. */
export const HOST = E2E_ORIGINS.host
export const TEST_FRAME = E2E_ORIGINS.testFrame
export const ATTACKER = E2E_ORIGINS.attacker

export interface HostLogEntry {
  instance: number
  cb: string
  data?: unknown
}

/** The URL of the fixture host page embedding the given Link URLs. */
export function hostUrl(links: string[], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra)
  for (const link of links) params.append('link', link)
  return `${HOST}/host.html?${params}`
}

/**
 * A Link URL served by the test kit's frame page; `scenario` becomes the Link URL's own query
 * (see packages/test-kit/src/frame/framePage.ts).
 */
export function testLink(sessionId: string, scenario: Record<string, string> = {}): string {
  return linkUrl(sessionId, TEST_FRAME, scenario)
}

export function hostLog(page: Page, cb?: string): Promise<HostLogEntry[]> {
  return page.evaluate(
    (name) => window.hostLog.filter((entry: HostLogEntry) => !name || entry.cb === name),
    cb,
  )
}

/**
 * Waits until the host page in `target` has received `sentinel`, posted after some messages by
 * the same window (a hostile fixture): everything that window sent before it was handled.
 */
export async function waitForSentinel(target: Page | Frame, sentinel: string): Promise<void> {
  await target.waitForFunction((want) => window.hostSentinels?.includes(want), sentinel)
}

export async function waitForStatus(page: Page, status: string, instance = 0): Promise<void> {
  await page.waitForFunction(([want, index]) => window.hostStatuses?.[index as number] === want, [
    status,
    instance,
  ] as const)
}

declare global {
  interface Window {
    hostLog: HostLogEntry[]
    hostStatus: string
    hostStatuses: string[]
    hostSentinels: string[]
    lastSentinel: string
    forge: (sessionId: string) => number
  }
}
