// A source in `frame-ancestors` that is exactly one origin: scheme, a host of letters, digits,
// dots and hyphens (or an IPv6 literal) and a port. `*`, `;`, spaces and quotes would change the
// policy itself (`https://*` allows every site; `https://a;b` starts another directive).
const ORIGIN_SOURCE = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)(:\d{1,5})?$/i

/** True when `value` is a well-formed origin that can go into `frame-ancestors` as it is. */
export function isOriginSource(value: string): boolean {
  return ORIGIN_SOURCE.test(value) && URL.canParse(value) && new URL(value).origin === value
}

/**
 * Headers of every Link page. The script policy allows only files from the sandbox itself (no
 * inline script, no eval), and `frame-ancestors` decides who may embed the page.
 * @param frameAncestors origins allowed to frame the page; anything that is not a well-formed
 *   origin is dropped, and none left means nobody (`'none'`)
 */
export function linkPageHeaders(frameAncestors: readonly string[]): Record<string, string> {
  const origins = frameAncestors.filter(isOriginSource)
  const ancestors = origins.length > 0 ? origins.join(' ') : "'none'"
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ')
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  }
}
