// A browser session against the BFF, for tests: it keeps the session cookie the BFF sets and
// sends what the web app sends on every call (its page Origin and the CSRF header), so each
// client is one person's browser.
import { request } from './demoStack.js'
import type { HttpResult } from './demoStack.js'

export interface BffSession {
  /** Calls the BFF as this session; a `body` that is not a string is sent as JSON. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResult>
  /** The `name=value` of the session cookie, once the BFF set one. */
  readonly cookie: string | undefined
  /** The same session (cookie jar) against another URL, such as a proxy in front of the BFF. */
  at(baseUrl: string): BffSession
}

/** A new session (no cookie yet) against the BFF at `baseUrl()`, as a page on `origin`. */
export function bffSession(baseUrl: () => string, origin: string): BffSession {
  const jar: { cookie?: string } = {}
  return withJar(baseUrl, origin, jar)
}

function withJar(baseUrl: () => string, origin: string, jar: { cookie?: string }): BffSession {
  return {
    get cookie() {
      return jar.cookie
    },
    at: (url) => withJar(() => url, origin, jar),
    async call(method, path, body, headers = {}) {
      const sent: Record<string, string> = {
        origin,
        'x-requested-by': 'humanos-demo',
        ...(jar.cookie ? { cookie: jar.cookie } : {}),
        ...headers,
      }
      const result = await request(`${baseUrl()}${path}`, method, body, sent)
      const set = result.headers.get('set-cookie')
      if (set) jar.cookie = set.split(';')[0]
      return result
    },
  }
}
