// Standard base64 (with + / =), as the protocol uses everywhere. Strict on decode: a value that
// is not canonical base64 is rejected rather than silently repaired.

// The padding bits of the last character before `=` must be zero (atob would ignore them, so one
// value would have several spellings): before `==` only A, Q, g, w (low 4 bits zero), before `=`
// only every 4th letter (low 2 bits zero). Checked here rather than by re-encoding the bytes,
// which cost a full base64 encode per field, a third of the time of `openResult` on 2 KB.
const CANONICAL_BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

/** Decodes standard base64; returns `null` for anything that is not well-formed. */
export function base64ToBytes(value: string): Uint8Array<ArrayBuffer> | null {
  if (!CANONICAL_BASE64.test(value)) return null
  const binary = atob(value)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>
}
