import { randomBytes, randomUUID } from 'node:crypto'

/** A request id shaped like the MongoDB ObjectIds Humanos uses: 4 bytes of time, 8 random. */
export function newRequestId(now = Date.now()): string {
  const time = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0')
  return time + randomBytes(8).toString('hex')
}

/** A Link session id: 128 random bits, since whoever holds the link can open the flow. */
export function newSessionId(): string {
  return randomBytes(16).toString('hex')
}

export function newCredentialId(): string {
  return `urn:via:credential:${randomUUID()}`
}

export function newDecisionId(): string {
  return `urn:via:decision:${randomUUID()}`
}

/** A frame token: binds one page load to the origin and key it was opened with. */
export function newFrameToken(): string {
  return randomBytes(24).toString('base64url')
}

/** W3C dates without milliseconds, as in the spec vectors: `2026-11-24T12:00:00Z`. */
export function w3cDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString()
}
