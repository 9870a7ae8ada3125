import { base58 } from '@scure/base'

// Multicodec prefix of an Ed25519 public key (0xed, as an unsigned varint: 0xed 0x01).
const ED25519_PUB_PREFIX = Uint8Array.of(0xed, 0x01)

/** Multibase base58btc: `z` followed by base58 (Bitcoin alphabet). */
export function multibaseBase58(bytes: Uint8Array): string {
  return `z${base58.encode(bytes)}`
}

/** Decodes a `z` multibase value; `null` when it is not base58btc. */
export function decodeMultibaseBase58(value: string): Uint8Array | null {
  if (!value.startsWith('z')) return null
  try {
    return base58.decode(value.slice(1))
  } catch {
    return null
  }
}

/** `publicKeyMultibase` of a `Multikey`: `z` + base58btc(0xed 0x01 + the 32-byte key). */
export function ed25519Multikey(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new TypeError('An Ed25519 public key has 32 bytes')
  const bytes = new Uint8Array(34)
  bytes.set(ED25519_PUB_PREFIX)
  bytes.set(publicKey, 2)
  return multibaseBase58(bytes)
}
