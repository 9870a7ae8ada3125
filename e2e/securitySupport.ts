// Helpers for the security specs (e2e/security-*.spec.ts): the e2e sandbox that
// playwright.config.ts starts on 127.0.0.1:4110, and driving its Link page.
import type { Frame, Page } from '@playwright/test'
import type { HostLogEntry } from './support.js'

// The sandbox helpers live in embedSandbox.ts; the security specs use the same ones.
export { SANDBOX, approveInFrame, createSandboxRequest } from './embedSandbox.js'

/** The host page's record of callbacks, read from any page or frame it runs in. */
export function logOf(target: Page | Frame, cb?: string): Promise<HostLogEntry[]> {
  return target.evaluate((name) => window.hostLog.filter((entry) => !name || entry.cb === name), cb)
}

/** Callbacks other than onEvent, in order. */
export async function callbacksOf(target: Page | Frame): Promise<string[]> {
  return (await logOf(target)).map((entry) => entry.cb).filter((cb) => cb !== 'onEvent')
}

/** The `pubKey` and `postMessageOrigin` of a host page's Link frame: what a leak would give. */
export async function frameParams(target: Page | Frame) {
  const src = await target.locator('iframe').first().getAttribute('src')
  const url = new URL(src ?? '')
  return {
    publicKey: url.searchParams.get('pubKey') ?? '',
    hostOrigin: url.searchParams.get('postMessageOrigin') ?? '',
  }
}

declare global {
  interface Window {
    openWindow: (url: string) => boolean
    forgeSealed: (sessionId: string, publicKey: string, hostOrigin: string) => Promise<number>
    hijackFrame: (url: string) => boolean
  }
}
