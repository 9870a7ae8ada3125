// Standard base64 (with + / =), as the protocol uses everywhere. Strict on decode: a value that
// is not canonical base64 is rejected rather than silently repaired.

const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

/** Decodes standard base64; returns `null` for anything that is not well-formed. */
export function base64ToBytes(value: string): Uint8Array<ArrayBuffer> | null {
  if (!STANDARD_BASE64.test(value)) return null
  const binary = atob(value)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  // atob ignores the padding bits of the last character, so "QR==" would decode like "QQ==":
  // only the one canonical spelling of these bytes is accepted.
  return bytesToBase64(bytes) === value ? bytes : null
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>
}
