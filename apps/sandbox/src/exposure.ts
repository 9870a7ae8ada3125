// What a sandbox bound beyond loopback hands to the network, said loudly at start. The sandbox
// is a development tool with public default secrets; on 0.0.0.0 or a LAN address it is a real
// service to everyone who can reach that address.
import { DEFAULT_CONFIG } from './config.js'
import type { SandboxConfig } from './config.js'

const LOOPBACK_HOSTS = new Set(['localhost', '::1', '[::1]'])

/** True when `host` (a bind address or name) is this machine only. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/**
 * The warning to print when the sandbox listens beyond loopback, naming what it then serves to
 * other machines; `null` when it listens on loopback only.
 */
export function exposureWarning(config: SandboxConfig): string | null {
  if (isLoopbackHost(config.host)) return null
  const defaultSecrets =
    config.apiKey === DEFAULT_CONFIG.apiKey ||
    config.signatureSecret === DEFAULT_CONFIG.signatureSecret
  const lines = [
    '',
    `  WARNING: the sandbox listens on ${config.host}, beyond this machine. Anyone who can reach`,
    '  it can:',
    defaultSecrets
      ? '  - call the whole API (create, read, cancel requests, resend codes, revoke credentials)\n    with the DEFAULT API key and signature secret, which are public (set SANDBOX_API_KEY and\n    SANDBOX_SIGNATURE_SECRET);'
      : '  - call the whole API with the API key and signature secret printed above;',
    '  - open any Link URL they hold, see what it asks for, and decide with the right code;',
    '  - read the attestation keys (JWKS) and the embed script.',
    config.remoteDevTools
      ? '  SANDBOX_REMOTE_DEV_TOOLS=true: they can also read EVERY one-time code in /_sandbox/inbox\n  and /_sandbox/outbox, change settings, reset the data and decide for anyone\n  (/_sandbox/sessions/:id/decide).'
      : '  The sandbox tools (/_sandbox/*: the inbox with the codes, settings, decide, reset)\n  still answer only this machine.',
    '  Bind to 127.0.0.1 (HOST=127.0.0.1) unless you mean this.',
    '',
  ]
  return lines.join('\n')
}
