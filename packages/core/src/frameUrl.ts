import { DEV } from './dev.js'
import { misuse } from './errors.js'
import { isLoopback } from './linkOrigins.js'
import type { LinkLanguage, LinkMode, LinkTheme } from './protocol/constants.js'

/** A Link URL taken apart: where the frame lives and which session it shows. */
export interface ParsedLink {
  url: URL
  /** The frame's origin `L`; messages from any other origin are dropped. */
  origin: string
  sessionId: string
}

const EXAMPLE = 'https://app.humanos.id/link/<id>'

// `problem` is written `DEV && ...` at each call, so production bundles drop the sentences.
function invalidLink(problem: string | false): never {
  return misuse(DEV ? `\`link\` ${problem}` : '`link` is not a Link URL')
}

/**
 * Checks a Link URL (`<L>/link/<sessionId>`) and takes it apart.
 * @throws TypeError when it is missing, not absolute, not https (http is allowed only for
 *   localhost and 127.0.0.1), or its path is not `/link/<session id>`.
 */
export function parseLink(link: unknown): ParsedLink {
  if (typeof link !== 'string' || !link.trim()) {
    invalidLink(DEV && 'is required: pass the `link` your server got from POST /request.')
  }
  let url: URL
  try {
    url = new URL(link)
  } catch {
    invalidLink(DEV && `must be an absolute URL like ${EXAMPLE}, got ${JSON.stringify(link)}.`)
  }
  const { protocol, hostname, origin } = url
  if (protocol !== 'https:' && !(protocol === 'http:' && isLoopback(hostname))) {
    invalidLink(DEV && `must use https (http only for localhost and 127.0.0.1), got "${origin}".`)
  }
  let sessionId = ''
  try {
    sessionId = decodeURIComponent(/^\/link\/([^/]+)\/?$/.exec(url.pathname)?.[1] ?? '')
  } catch {
    // A malformed escape (`%E0%A4%A`) is no session id: reported like any other bad link below.
  }
  if (!sessionId) {
    invalidLink(
      DEV &&
        `must be a Link URL, ${EXAMPLE}: the \`link\` of POST /request's subjects, got a path of "${url.pathname}".`,
    )
  }
  return { url, origin, sessionId }
}

/** Options of {@link buildFrameUrl}. */
export interface FrameUrlOptions {
  /** The host's base64 SPKI public key. */
  publicKey: string
  /** The host page's origin (`location.origin`), where the frame may post. */
  origin: string
  lang?: LinkLanguage | undefined
  mode?: LinkMode | undefined
  theme?: LinkTheme | undefined
}

/**
 * The iframe `src` of spec section 3: the Link URL with `pubKey` and `postMessageOrigin` (and
 * optional `lang`, `mode`, `theme`) added to whatever query it already has.
 * @throws TypeError for an invalid link (see {@link parseLink}).
 */
export function buildFrameUrl(link: string | URL, options: FrameUrlOptions): string {
  // A parsed link's URL is copied: the caller's stays as it was.
  const url = typeof link === 'string' ? parseLink(link).url : new URL(link)
  const params = url.searchParams
  params.set('pubKey', options.publicKey)
  params.set('postMessageOrigin', options.origin)
  for (const name of ['lang', 'mode', 'theme'] as const) {
    if (options[name]) params.set(name, options[name])
  }
  return url.toString()
}
