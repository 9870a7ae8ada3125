/*
 * The DNS-rebinding rule the sandbox and the demo BFF share (their Host guards). A page on any
 * website can point a name of its own at 127.0.0.1 and then call a local server as its own
 * origin; such requests name the attacker's domain in the `Host` header. So a local server
 * answers a request only when its Host is:
 * 1. `localhost` or a `*.localhost` name (browsers resolve these to loopback themselves);
 * 2. an IP literal, which no DNS answer can stand for: dotted-decimal IPv4 with four parts of
 *    0-255 (`999.999.999.999` is a name, not an address), or a bracketed IPv6 literal;
 * 3. a name the server was told it is reached by.
 * Pure string work, no Node API, so it runs wherever the servers do.
 */

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`)
const IPV6 = /^\[[0-9a-f:.]+\]$/

/** The host name of a `Host` header value (`name`, `name:port`, `[v6]:port`), lower case. */
export function hostnameOfHostHeader(host: string): string {
  const value = host.trim().toLowerCase()
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1)
  const colon = value.lastIndexOf(':')
  return colon === -1 ? value : value.slice(0, colon)
}

/** True for an IPv4 literal (four decimal parts, each 0-255) or a bracketed IPv6 literal. */
export function isIpLiteral(hostname: string): boolean {
  if (IPV4.test(hostname)) return true
  return IPV6.test(hostname) && URL.canParse(`http://${hostname}/`)
}

/**
 * True when a request addressed to `hostname` (from {@link hostnameOfHostHeader}) cannot come
 * from a rebound DNS name: see the module comment.
 * @param knownNames the names this server is reached by, lower case
 */
export function isRebindingSafeHost(hostname: string, knownNames: ReadonlySet<string>): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true
  return isIpLiteral(hostname) || knownNames.has(hostname)
}
