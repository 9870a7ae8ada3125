import { misuse } from './errors.js'
import type { LinkLanguage, LinkMode, LinkTheme } from './protocol/constants.js'

/** A Link URL taken apart: where the frame lives and which session it shows. */
export interface ParsedLink {
  url: URL
  /** The frame's origin `L`; messages from any other origin are dropped. */
  origin: string
  sessionId: string
}

function invalidLink(problem: string): never {
  return misuse(`\`link\` ${problem}`)
}

/**
 * Checks a Link URL (`<L>/link/<sessionId>`) and takes it apart.
 * @throws TypeError when it is missing, not absolute, not https (http is allowed only for
 *   localhost and 127.0.0.1), or has no session id as its last path segment.
 */
export function parseLink(link: unknown): ParsedLink {
  if (typeof link !== 'string' || !link.trim()) {
    invalidLink('is required: pass the `link` your server got from POST /request.')
  }
  let url: URL
  try {
    url = new URL(link)
  } catch {
    invalidLink(`must be an absolute URL, got "${link}".`)
  }
  const { protocol, hostname, origin } = url
  if (
    protocol !== 'https:' &&
    !(protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1'))
  ) {
    invalidLink(`must use https (http only for localhost and 127.0.0.1), got "${origin}".`)
  }
  let sessionId = ''
  try {
    sessionId = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '')
  } catch {
    // A malformed escape (`%E0%A4%A`) is no session id: reported like any other bad link below.
  }
  if (!sessionId) {
    invalidLink('must end with the session id, like https://app.humanos.id/link/<id>.')
  }
  return { url, origin, sessionId }
}

/** Options of {@link buildFrameUrl}. */
export interface FrameUrlOptions {
  /** The host's base64 SPKI public key. */
  publicKey: string
  /** The host page's origin (`location.origin`), where the frame may post. */
  origin: string
  lang?: LinkLanguage
  mode?: LinkMode
  theme?: LinkTheme
}

/**
 * The iframe `src` of spec section 3: the Link URL with `pubKey` and `postMessageOrigin` (and
 * optional `lang`, `mode`, `theme`) added to whatever query it already has.
 * @throws TypeError for an invalid link (see {@link parseLink}).
 */
export function buildFrameUrl(link: string, options: FrameUrlOptions): string {
  const { url } = parseLink(link)
  const params = url.searchParams
  params.set('pubKey', options.publicKey)
  params.set('postMessageOrigin', options.origin)
  for (const name of ['lang', 'mode', 'theme'] as const) {
    if (options[name]) params.set(name, options[name])
  }
  return url.toString()
}
