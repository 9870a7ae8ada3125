// Runs in the bench page (cross-origin isolated, so performance.now() is precise to 5 µs, not
// 100 µs). Seals the payloads first, then times `openResult` and the bare Web Crypto chain on
// the very same inputs, alternating which goes first so drift and caches hit both alike.
import { generateHostKeyPair } from '@humanos-link/core'
import { openResult, sealResult } from '@humanos-link/core/protocol'
import type { EncryptedResult } from '@humanos-link/core/protocol'
import { credentialDecision } from '@humanos-link/test-kit'

const SESSION_ID = 'bench-session-0001'
const PAYLOAD_BYTES = 2048

/** A credential decision of exactly `PAYLOAD_BYTES` bytes of UTF-8 JSON, as spec section 7. */
function payload(index: number): unknown {
  const body = credentialDecision({ requestId: `req-${index}`, w3cCredential: { evidence: '' } })
  const pad = PAYLOAD_BYTES - new TextEncoder().encode(JSON.stringify(body)).length
  body.credential.w3cCredential = { evidence: 'x'.repeat(pad) }
  return body
}

// The plainest fast base64 decoder (what the SDK itself runs, minus its canonical-form check).
function bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

const utf8 = (text: string) => new TextEncoder().encode(text)

/**
 * The floor: the same ECDH → HKDF → AES-GCM → JSON work written out by hand, with none of the
 * SDK's checks (shape, base64 canonical form, lengths, one error for every failure).
 */
async function openByHand(
  enc: EncryptedResult,
  privateKey: CryptoKey,
  ctx: { id: string; ts: number },
): Promise<unknown> {
  const subtle = crypto.subtle
  const epk = await subtle.importKey(
    'spki',
    bytes(enc.epk),
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    [],
  )
  const shared = await subtle.deriveBits({ name: 'ECDH', public: epk }, privateKey, 256)
  const ikm = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey'])
  const info = utf8(`humanos-link/v1/result|${SESSION_ID}|${location.origin}`)
  const key = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: bytes(enc.salt), info },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  )
  const aad = utf8(`humanos-link|1|result|${SESSION_ID}|${ctx.id}|${ctx.ts}`)
  const plaintext = await subtle.decrypt(
    { name: 'AES-GCM', iv: bytes(enc.iv), additionalData: aad },
    key,
    bytes(enc.ct),
  )
  return JSON.parse(new TextDecoder().decode(plaintext))
}

export interface DecryptRun {
  ours: number[]
  floor: number[]
  isolated: boolean
  payloadBytes: number
}

async function runDecrypt(runs: number, warmup: number): Promise<DecryptRun> {
  const { privateKey, publicKey } = await generateHostKeyPair()
  const sealed: { enc: EncryptedResult; id: string; ts: number }[] = []
  for (let i = 0; i < runs + warmup; i++) {
    const id = crypto.randomUUID()
    const ts = Date.now()
    const ctx = { publicKey, sessionId: SESSION_ID, origin: location.origin, id, ts }
    sealed.push({ enc: await sealResult(payload(i), ctx), id, ts })
  }
  const open = (s: (typeof sealed)[number]) =>
    openResult(s.enc, { privateKey, sessionId: SESSION_ID, origin: location.origin, ...s })
  const floor = (s: (typeof sealed)[number]) => openByHand(s.enc, privateKey, s)

  // Both must do the same work: check once that they agree on a payload.
  const [a, b] = await Promise.all([open(sealed[0]!), floor(sealed[0]!)])
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('openResult and the floor disagree')

  const time = async (fn: () => Promise<unknown>) => {
    const start = performance.now()
    await fn()
    return performance.now() - start
  }
  const result: DecryptRun = {
    ours: [],
    floor: [],
    isolated: crossOriginIsolated,
    payloadBytes: PAYLOAD_BYTES,
  }
  for (let i = 0; i < sealed.length; i++) {
    const s = sealed[i]!
    // ABAB, and BA on odd runs: neither side always runs first.
    let ours: number
    let bare: number
    if (i % 2 === 0) {
      ours = await time(() => open(s))
      bare = await time(() => floor(s))
    } else {
      bare = await time(() => floor(s))
      ours = await time(() => open(s))
    }
    if (i < warmup) continue
    result.ours.push(ours)
    result.floor.push(bare)
  }
  return result
}

declare global {
  interface Window {
    runDecrypt: typeof runDecrypt
  }
}
window.runDecrypt = runDecrypt
