// Helpers for the security specs (e2e/security-*.spec.ts): the e2e sandbox that
// playwright.config.ts starts on 127.0.0.1:4110, and driving its Link page.
import { expect } from '@playwright/test'
import type { APIRequestContext, Frame, FrameLocator, Page } from '@playwright/test'
import { signedClient } from '../apps/sandbox/src/testing/signedClient'
import type { HostLogEntry } from './support'

export const SANDBOX = 'http://127.0.0.1:4110'
export const sandboxApi = signedClient(SANDBOX, {
  apiKey: 'sandbox-api-key',
  secret: 'sandbox-signature-secret',
})

export function uniqueContact(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`
}

export interface CreatedRequest {
  id: string
  link: string
  sessionId: string
  contact: string
}

/** Creates a one-credential request for a fresh contact on the e2e sandbox. */
export async function createSandboxRequest(tag: string, name = 'Share my profile') {
  const contact = uniqueContact(tag)
  const res = await sandboxApi('POST', '/request', {
    body: { contacts: [contact], credentials: [{ type: 'CONSENT', name }] },
  })
  expect(res.status, res.text).toBe(201)
  const link = res.json.subjects[0].link as string
  return { id: res.json.id as string, link, sessionId: link.split('/').pop()!, contact }
}

export async function latestCode(request: APIRequestContext, contact: string): Promise<string> {
  const res = await request.get(`${SANDBOX}/_sandbox/outbox?contact=${encodeURIComponent(contact)}`)
  const { data } = (await res.json()) as { data: Array<{ code: string }> }
  return data[0]!.code
}

/** Review → code → accept, in a sandbox Link frame. */
export async function approve(frame: FrameLocator, request: APIRequestContext, contact: string) {
  await frame.getByRole('button', { name: 'Continue' }).click()
  await frame.getByLabel('One-time code').fill(await latestCode(request, contact))
  await frame.getByRole('button', { name: 'Verify' }).click()
  await frame.getByRole('button', { name: 'Accept' }).click()
}

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
