// Every origin the browser tests use, in one place. Host pages and Link frames always run on
// different origins (localhost vs 127.0.0.1), so every origin check in the SDK runs for real.

/**
 * Origins of the servers `playwright.config.ts` starts. The config reads its ports from here,
 * so a test and the server it talks to cannot disagree.
 */
export const E2E_ORIGINS = Object.freeze({
  /** Host pages (e2e/fixtures), the integrator's side. */
  host: 'http://localhost:5180',
  /** The test kit's fake Link frame page, speaking the real protocol. */
  testFrame: 'http://127.0.0.1:5181',
  /** A third, hostile origin. */
  attacker: 'http://127.0.0.1:5182',
  /** The real sandbox (apps/sandbox): API, Link page, embed script. */
  sandbox: 'http://127.0.0.1:4110',
  /** The demo's BFF, against that sandbox. */
  bff: 'http://127.0.0.1:4120',
  /** The demo's web app. */
  demo: 'http://localhost:5175',
  /** Plain HTML pages for the script-tag build (e2e/servers/staticHost.mjs). */
  staticPages: 'http://localhost:5186',
} as const)

/** The port of one of {@link E2E_ORIGINS}. */
export const portOf = (origin: string): number => Number(new URL(origin).port)

/**
 * A Link origin nothing answers on: Chromium refuses port 9 outright, so an iframe pointed
 * there never reaches a network, yet its window exists and can be the `source` of messages
 * (see `fakeLinkFrame`).
 */
export const UNREACHABLE_LINK_ORIGIN = 'http://127.0.0.1:9'

/** A Link URL: `<origin>/link/<sessionId>`, with `query` as the Link URL's own query. */
export function linkUrl(
  sessionId: string,
  origin: string = UNREACHABLE_LINK_ORIGIN,
  query: Record<string, string> = {},
): string {
  const search = new URLSearchParams(query).toString()
  return `${origin}/link/${encodeURIComponent(sessionId)}${search ? `?${search}` : ''}`
}
