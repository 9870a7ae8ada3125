// The one-time codes a sandbox "sent", read from its outbox (`GET /_sandbox/outbox`), for the
// tests and benchmarks that walk a Link flow as a person would.

/** The sandbox's public laptop defaults (apps/sandbox/src/config.ts): not secrets. */
export const SANDBOX_DEFAULTS = Object.freeze({
  apiKey: 'sandbox-api-key',
  signatureSecret: 'sandbox-signature-secret',
})

/**
 * The newest code the sandbox at `sandboxUrl` sent to `contact`. Throws, naming the contact,
 * when there is none (the request was not created, or for another contact).
 */
export async function readOtp(sandboxUrl: string, contact: string): Promise<string> {
  const url = `${sandboxUrl}/_sandbox/outbox?contact=${encodeURIComponent(contact)}&limit=1`
  const response = await fetch(url)
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`)
  const body: unknown = await response.json()
  const data = typeof body === 'object' && body !== null && 'data' in body ? body.data : null
  const first: unknown = Array.isArray(data) ? data[0] : null
  const code =
    typeof first === 'object' && first !== null && 'code' in first ? first.code : undefined
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) {
    throw new Error(`No one-time code in the sandbox outbox for ${contact} (${sandboxUrl})`)
  }
  return code
}
