import { DEV } from './dev.js'

/** The production Link service (link-protocol.md: `L` is `https://app.humanos.id`). */
export const HUMANOS_LINK_ORIGIN = 'https://app.humanos.id'

/** `localhost`, `127.0.0.1` or `[::1]` (how `URL` and `location` spell a hostname). */
export const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]'

/**
 * Whether a frame may be made for a link at `url`, on a page whose hostname is `pageHostname`.
 * `allowed` is the `linkOrigins` option: exact origins (`new URL(link).origin`). Without it, only the production Link origin, plus any loopback origin (the local sandbox)
 * when the page itself is on loopback: a deployed page's default lets no local service in.
 */
export function isAllowedLinkOrigin(
  { origin, hostname }: URL,
  allowed: readonly string[] | undefined,
  pageHostname: string,
): boolean {
  return allowed
    ? allowed.includes(origin)
    : origin === HUMANOS_LINK_ORIGIN || (isLoopback(pageHostname) && isLoopback(hostname))
}

/**
 * Why a link outside the allowlist was refused, naming its origin and the setting that lets it
 * in (the long sentence is a development diagnostic, see `dev.ts`).
 */
export const originRefused = (origin: string, allowed: readonly string[] | undefined): string =>
  DEV
    ? `the link's origin ${origin} is not an allowed Link origin, so no frame was made. Allowed: ${
        allowed
          ? allowed.join(', ') || 'none'
          : `${HUMANOS_LINK_ORIGIN}, and loopback origins while this page is on loopback`
      }. If ${origin} is your Link service, add it to \`linkOrigins\` (on the script tag: data-link-origins="${origin}").`
    : `${origin} is not an allowed origin: see linkOrigins`
