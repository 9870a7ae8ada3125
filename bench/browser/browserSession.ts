// Everything the browser benchmarks share: Chromium through Playwright, the bench pages on
// localhost, and the sandbox (in this process) on 127.0.0.1, allowing the page's origin.
import { chromium } from 'playwright'
import type { Browser, Page } from 'playwright'
import { startSandbox } from '@humanos-link/sandbox'
import type { RunningSandbox } from '@humanos-link/sandbox'
import { readOtp, signedClient } from '@humanos-link/test-kit/node'
import { startPageServer } from './pageServer.js'
import type { PageServer } from './pageServer.js'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export interface BrowserSession {
  browser: Browser
  pages: PageServer
  sandbox: RunningSandbox
  /** Creates a fresh request with one consent credential; its Link URL and contact. */
  newSession(tag: string): Promise<{ link: string; contact: string }>
  /** The one-time code the sandbox "sent" to `contact`. */
  otpFor(contact: string): Promise<string>
  /** A new page on `path` of the bench page server, loaded. */
  open(path: string): Promise<Page>
  close(): Promise<void>
}

let counter = 0

export async function startBrowserSession(): Promise<BrowserSession> {
  const pages = await startPageServer()
  const sandbox = await startSandbox({
    port: 0,
    dataFile: ':memory:',
    allowedOrigins: [pages.origin],
    // Every run creates a request: the default limit (60 a minute) would stop the benchmarks.
    rateLimitPerMinute: 100_000,
    logRequests: false,
  })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--disable-gpu', '--disable-quic'],
  })
  const api = signedClient(sandbox.url, {
    apiKey: sandbox.config.apiKey,
    secret: sandbox.config.signatureSecret,
  })

  return {
    browser,
    pages,
    sandbox,
    async newSession(tag) {
      const contact = `bench-${tag}-${Date.now()}-${counter++}@example.com`
      const res = await api('POST', '/request', {
        body: {
          contacts: [contact],
          name: 'Benchmark request',
          credentials: [{ type: 'CONSENT', name: 'Share my profile', description: 'Bench' }],
        },
      })
      if (res.status !== 200) throw new Error(`POST /request: ${res.status} ${res.text}`)
      return { link: (res.json as { subjects: { link: string }[] }).subjects[0]!.link, contact }
    },
    otpFor: (contact) => readOtp(sandbox.url, contact),
    async open(path) {
      const page = await browser.newPage()
      page.on('pageerror', (error) => console.error(`[page] ${error.message}`))
      await page.goto(`${pages.origin}${path}`)
      await page.waitForFunction(() => 'bench' in window || 'runDecrypt' in window)
      return page
    },
    async close() {
      await browser.close()
      await sandbox.close()
      await pages.close()
    },
  }
}
