// Goes through a Link session the way the Link page's script does (its own endpoints), as a
// host with a real key pair: so tests get genuine sealed results and attestations without a
// browser.
import { generateHostKeyPair } from '@humanos-link/core'
import { isLinkResultPayload, openResult } from '@humanos-link/core/protocol'
import type { LinkResultPayload } from '@humanos-link/core'
import { readOtp } from '@humanos-link/test-kit/node'
import { request } from './demoStack.js'

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Opens `link` as a frame embedded by `origin`, types the code from the outbox, decides, and
 * returns the decrypted results (each with its attestation).
 */
export async function decideInFrame(options: {
  sandboxUrl: string
  link: string
  contact: string
  origin: string
  action: 'accept' | 'reject'
}): Promise<LinkResultPayload[]> {
  const keys = await generateHostKeyPair()
  const url = new URL(options.link)
  url.searchParams.set('pubKey', keys.publicKey)
  url.searchParams.set('postMessageOrigin', options.origin)
  const page = await request(url.href, 'GET')
  const boot = /<script type="application\/json" id="link-boot">([\s\S]*?)<\/script>/.exec(
    page.text,
  )
  const parsed: unknown = boot?.[1] ? JSON.parse(boot[1]) : null
  if (!isObj(parsed) || typeof parsed.frame !== 'string' || typeof parsed.sessionId !== 'string') {
    throw new Error(`The Link page did not open (${page.status})`)
  }
  const { frame, sessionId } = parsed
  const base = `${url.origin}/link/${sessionId}`
  const code = await readOtp(options.sandboxUrl, options.contact)
  const verify = await request(`${base}/otp/verify`, 'POST', { frame, code })
  if (verify.status !== 200) throw new Error(`OTP refused: ${verify.text}`)
  const decided = await request(`${base}/decision`, 'POST', { frame, action: options.action })
  const messages =
    isObj(decided.json) && Array.isArray(decided.json.messages) ? decided.json.messages : []
  const payloads: LinkResultPayload[] = []
  for (const message of messages) {
    if (!isObj(message) || typeof message.id !== 'string' || typeof message.ts !== 'number')
      continue
    const payload = await openResult(message.enc, {
      sessionId,
      origin: options.origin,
      id: message.id,
      ts: message.ts,
      privateKey: keys.privateKey,
    })
    if (!isLinkResultPayload(payload)) throw new Error('A result did not have the payload shape')
    payloads.push(payload)
  }
  return payloads
}
