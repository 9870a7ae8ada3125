// The one place for what the browser tests need from the e2e sandbox (127.0.0.1:4110): a signed
// POST /request as the integrator's backend sends it (through @humanos-link/server), the OTP
// from the sandbox outbox, and a person completing the Link flow.
import { randomUUID } from 'node:crypto'
import { createHumanosClient } from '@humanos-link/server'
import { expect } from '@playwright/test'
import type { FrameLocator } from '@playwright/test'

export const SANDBOX = 'http://127.0.0.1:4110'
// The sandbox's public defaults (apps/sandbox/src/config.ts): a laptop sandbox, not secrets.
const API_KEY = 'sandbox-api-key'
const SIGNATURE_SECRET = 'sandbox-signature-secret'

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
  apiKey: API_KEY,
  signatureSecret: SIGNATURE_SECRET,
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

/** The one-time code the sandbox "sent" to `contact`. */
export async function otpFor(contact: string): Promise<string> {
  const res = await fetch(`${SANDBOX}/_sandbox/outbox?contact=${encodeURIComponent(contact)}`)
  const { data } = (await res.json()) as { data: { code: string }[] }
  expect(data[0]?.code, `no OTP in the sandbox outbox for ${contact}`).toMatch(/^\d{6}$/)
  return data[0]!.code
}

/** Reviews, enters the code from the outbox and accepts, inside the embedded Link frame. */
export async function approveInFrame(frame: FrameLocator, contact: string): Promise<void> {
  await frame.getByRole('button', { name: 'Continue' }).click()
  await frame.getByLabel('One-time code').fill(await otpFor(contact))
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
