// The one place for what the browser tests need from the e2e sandbox (127.0.0.1:4110): a signed
// POST /request as the integrator's backend sends it (through @humanos-link/server), the OTP
// read from the sandbox inbox the way the person would, and a person completing the Link flow.
import { randomUUID } from 'node:crypto'
import { createHumanosClient } from '@humanos-link/server'
import { SANDBOX_DEFAULTS } from '@humanos-link/test-kit/node'
import { E2E_ORIGINS } from '@humanos-link/test-kit/origins'
import { expect } from '@playwright/test'
import type { FrameLocator, Page } from '@playwright/test'

export const SANDBOX = E2E_ORIGINS.sandbox

/** A contact no other test uses: `<tag>-<uuid>@example.com`. */
export function uniqueContact(tag: string): string {
  return `${tag}-${randomUUID()}@example.com`
}

export interface SandboxRequest {
  requestId: string
  /** The Link session of the one subject (the last segment of `link`). */
  sessionId: string
  contact: string
  /** The Link URL of the one subject: what the BFF hands the browser. */
  link: string
  /** The id of the request's one credential (`urn:via:credential:…`). */
  credentialId: string
}

// The integrator's backend side, exactly as the server package signs it.
const humanos = createHumanosClient({
  baseUrl: SANDBOX,
  apiKey: SANDBOX_DEFAULTS.apiKey,
  signatureSecret: SANDBOX_DEFAULTS.signatureSecret,
})

/** Creates a one-credential request for a fresh contact through the signed API. */
export async function createSandboxRequest(
  credentialName: string,
  contactPrefix = 'embed',
): Promise<SandboxRequest> {
  const contact = uniqueContact(contactPrefix)
  const created = await humanos.createRequest({
    contacts: [contact],
    name: 'Newsletter consent',
    credentials: [{ type: 'CONSENT', name: credentialName }],
  })
  const link = created.subjects[0]!.link
  return {
    requestId: created.id,
    sessionId: link.split('/').pop()!,
    contact,
    link,
    credentialId: created.credentials[0]!.id,
  }
}

/**
 * The newest one-time code the sandbox "sent" to `contact`, read as the person reads it: the
 * sandbox inbox page opened in another tab of the same browser (the Link page never shows it).
 * `sandbox` is the e2e sandbox unless given (the examples' tests run their own).
 */
export async function otpFor(
  page: Page,
  contact: string,
  sandbox: string = SANDBOX,
): Promise<string> {
  const inbox = await page.context().newPage()
  try {
    await inbox.goto(`${sandbox}/_sandbox/inbox?contact=${encodeURIComponent(contact)}`)
    const code = (await inbox.getByTestId('inbox-code').first().textContent()) ?? ''
    expect(code, `no code in the sandbox inbox for ${contact}`).toMatch(/^\d{6}$/)
    return code
  } finally {
    await inbox.close()
  }
}

/** Reviews, enters the code from the inbox and accepts, inside the embedded Link frame. */
export async function approveInFrame(frame: FrameLocator, contact: string): Promise<void> {
  await frame.getByRole('button', { name: 'Continue' }).click()
  await frame.getByLabel('One-time code').fill(await otpFor(frame.owner().page(), contact))
  await frame.getByRole('button', { name: 'Verify' }).click()
  await frame.getByRole('button', { name: 'Accept' }).click()
}

/** Fails with a clear message when the sandbox would refuse to talk to `origin`. */
export async function expectOriginAllowed(origin: string): Promise<void> {
  const settings = (await (await fetch(`${SANDBOX}/_sandbox/settings`)).json()) as {
    allowedOrigins: string[]
  }
  expect(
    settings.allowedOrigins,
    `add ${origin} to SANDBOX_ALLOWED_ORIGINS of the sandbox web server in playwright.config.ts`,
  ).toContain(origin)
}
