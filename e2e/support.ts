import type { Page } from '@playwright/test'

/** Origins of the fixture servers started by playwright.config.ts. */
export const HOST = 'http://localhost:5180'
export const TEST_FRAME = 'http://127.0.0.1:5181'
export const ATTACKER = 'http://127.0.0.1:5182'

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

/** A Link URL served by the test frame; `scenario` becomes the Link URL's own query. */
export function testLink(sessionId: string, scenario: Record<string, string> = {}): string {
  const query = new URLSearchParams(scenario).toString()
  return `${TEST_FRAME}/link/${sessionId}${query ? `?${query}` : ''}`
}

export function hostLog(page: Page, cb?: string): Promise<HostLogEntry[]> {
  return page.evaluate(
    (name) => window.hostLog.filter((entry: HostLogEntry) => !name || entry.cb === name),
    cb,
  )
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
    forge: (sessionId: string) => number
  }
}
