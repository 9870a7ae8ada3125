// Standard base64 (with + / =), as the protocol uses everywhere. Strict on decode: a value that
// is not canonical base64 is rejected rather than silently repaired.

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

/** Decodes standard base64; returns `null` for anything that is not well-formed. */
export function base64ToBytes(value: string): Uint8Array<ArrayBuffer> | null {
  let binary: string
  try {
    binary = atob(value)
  } catch {
    return null
  }
  // atob is forgiving: it skips ASCII whitespace, needs no padding and ignores the spare bits
  // of the last character, so one value would have several spellings. The canonical spelling
  // has exactly 4 characters per 3 bytes, and its last group is what encoding the last bytes
  // gives. Checking only that group keeps this O(1) on top of atob (a full re-encode, or a
  // regular expression over the whole text, cost a third of `openResult`'s time on 2 KB).
  const tail = binary.length % 3
  if (
    value.length !== Math.ceil(binary.length / 3) * 4 ||
    (tail && btoa(binary.slice(-tail)) !== value.slice(-4))
  ) {
    return null
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>
}
