import type { KeyObject } from 'node:crypto'
import type { SandboxContext } from '../context.js'
import { platformKeyDid, platformKeyId } from '../proof/didDocument.js'
import { ed25519PublicKey } from '../proof/eddsaJcs.js'
import type { Ed25519Signer } from '../proof/ed25519.js'

/** The key that signs mandates, presentations and receipts, and how verifiers name it. */
export interface PlatformKey {
  /** `<platform DID>#key-1`. */
  verificationMethod: string
  /** The DID the key belongs to (a receipt's `issuer`). */
  did: string
  signer: Ed25519Signer
  publicKey: KeyObject
}

const publicKeys = new WeakMap<Ed25519Signer, KeyObject>()

/** The running sandbox's platform key: the one that signs credentials, on the platform key DID. */
export function platformKeyOf(ctx: SandboxContext): PlatformKey {
  const signer = ctx.keys.issuer
  let publicKey = publicKeys.get(signer)
  if (!publicKey) {
    publicKey = ed25519PublicKey(signer.publicKey)
    publicKeys.set(signer, publicKey)
  }
  const { platformUuid } = ctx.keys
  return {
    verificationMethod: platformKeyId(ctx.platformDid, platformUuid),
    did: platformKeyDid(ctx.platformDid, platformUuid),
    signer,
    publicKey,
  }
}
