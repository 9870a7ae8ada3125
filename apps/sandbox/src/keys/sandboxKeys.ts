import { randomBytes, randomUUID } from 'node:crypto'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose'
import type { CryptoKey, JWK } from 'jose'
import type { Db } from '../db/database.js'
import { ed25519FromSeed } from '../proof/ed25519.js'
import type { Ed25519Signer } from '../proof/ed25519.js'
import { ed25519Multikey } from '../proof/multikey.js'

/** The sandbox's signing keys, created once and kept in the database across restarts. */
export interface SandboxKeys {
  /** Signs credential proofs (`#key-1` of the platform key DID). */
  issuer: Ed25519Signer
  /** `publicKeyMultibase` of the issuer key. */
  issuerMultikey: string
  /** The `<uuid>` of the platform key DID `did:web:<host>:platform:<uuid>`. */
  platformUuid: string
  /** Signs attestations (ES256). */
  attestationKey: CryptoKey
  /** The attestation key's public JWK, as published at `/.well-known/jwks.json`. */
  attestationJwk: JWK & { kid: string }
}

function stored(db: Db, name: string): string | undefined {
  const row = db.prepare<[string], { material: string }>('SELECT material FROM keys WHERE name = ?')
  return row.get(name)?.material
}

function store(db: Db, name: string, material: string): void {
  db.prepare('INSERT INTO keys (name, material, created_at) VALUES (?, ?, ?)').run(
    name,
    material,
    Date.now(),
  )
}

/**
 * Loads the keys, generating and storing any that are missing. They survive `POST /_sandbox/reset`
 * because verifiers cache the JWK set and DID document.
 */
export async function loadSandboxKeys(db: Db): Promise<SandboxKeys> {
  let seedHex = stored(db, 'issuer-ed25519-seed')
  if (!seedHex) {
    seedHex = randomBytes(32).toString('hex')
    store(db, 'issuer-ed25519-seed', seedHex)
  }
  const issuer = ed25519FromSeed(new Uint8Array(Buffer.from(seedHex, 'hex')))
  let platformUuid = stored(db, 'platform-did-uuid')
  if (!platformUuid) {
    platformUuid = randomUUID()
    store(db, 'platform-did-uuid', platformUuid)
  }

  let privateJwkText = stored(db, 'attestation-es256-jwk')
  if (!privateJwkText) {
    const pair = await generateKeyPair('ES256', { extractable: true })
    privateJwkText = JSON.stringify(await exportJWK(pair.privateKey))
    store(db, 'attestation-es256-jwk', privateJwkText)
  }
  const privateJwk = JSON.parse(privateJwkText) as JWK
  const attestationKey = await importJWK(privateJwk, 'ES256')
  if (attestationKey instanceof Uint8Array) throw new Error('The attestation key is not an EC key')
  const { kty, crv, x, y } = privateJwk
  const publicJwk: JWK = { kty, crv, x, y }
  const kid = await calculateJwkThumbprint(publicJwk)
  return {
    issuer,
    issuerMultikey: ed25519Multikey(issuer.publicKey),
    platformUuid,
    attestationKey,
    attestationJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' },
  }
}
