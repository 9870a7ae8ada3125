import type { LinkLanguage, LinkMode, LinkTheme } from './protocol/constants.js'

/** A Link URL taken apart: where the frame lives and which session it shows. */
export interface ParsedLink {
  url: URL
  /** The frame's origin `L`; messages from any other origin are dropped. */
  origin: string
  sessionId: string
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1'])

// A malformed escape (`%E0%A4%A`) is no session id: report it like any other bad link.
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return ''
  }
}

/**
 * Checks a Link URL (`<L>/link/<sessionId>`) and takes it apart.
 * @throws TypeError when it is missing, not absolute, not https (http is allowed only for
 *   localhost and 127.0.0.1), or has no session id as its last path segment.
 */
export function parseLink(link: unknown): ParsedLink {
  if (typeof link !== 'string' || link.trim() === '') {
    throw new TypeError(
      'Humanos Link: `link` is required: pass the `link` your server got from POST /request.',
    )
  }
  let url: URL
  try {
    url = new URL(link)
  } catch {
    throw new TypeError(`Humanos Link: \`link\` must be an absolute URL, got "${link}".`)
  }
  const secure = url.protocol === 'https:'
  const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)
  if (!secure && !local) {
    throw new TypeError(
      `Humanos Link: \`link\` must use https (http only for localhost and 127.0.0.1), got "${url.origin}".`,
    )
  }
  const sessionId = decodeSegment(url.pathname.split('/').filter(Boolean).at(-1) ?? '')
  if (!sessionId) {
    throw new TypeError(
      `Humanos Link: \`link\` must end with the session id, like https://app.humanos.id/link/<id>.`,
    )
  }
  return { url, origin: url.origin, sessionId }
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
  if (options.lang) params.set('lang', options.lang)
  if (options.mode) params.set('mode', options.mode)
  if (options.theme) params.set('theme', options.theme)
  return url.toString()
}
