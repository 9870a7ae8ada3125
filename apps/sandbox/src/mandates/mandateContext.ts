import type { Db } from '../db/database.js'
import type { PlatformKey } from './platformKey.js'

/** What the mandate steps need from one API call: who acts, with which keys, when. */
export interface MandateContext {
  db: Db
  key: PlatformKey
  /** The calling organization: every lookup is scoped to it. */
  orgId: string
  /** The calling organization's DID, the actor of what it does through the API. */
  orgDid: string
  /** `did:web:<host>` of the sandbox: a credential's DID form is `<hostDid>:credential:<uuid>`. */
  hostDid: string
  now: number
}

/** The reasons a presentation or a verification is denied (sections 4 and 5). */
export type DenyReason =
  | 'presentation_invalid'
  | 'presentation_expired'
  | 'credential_invalid'
  | 'credential_revoked'
  | 'credential_expired'
  | 'credential_not_active'
  | 'verifier_mismatch'
  | 'presentation_replayed'
  | 'execution_params_invalid'
  | 'rule_failed'

const CREDENTIAL_URN = /^urn:via:credential:([0-9a-f-]{36})$/

/**
 * The credential URN behind `:vcId`, given as the URN or as its DID form
 * (`did:web:<host>:credential:<uuid>`); `null` when it is neither, or names another host.
 */
export function credentialUrn(vcId: string, hostDid: string): string | null {
  if (CREDENTIAL_URN.test(vcId)) return vcId
  // The host's `%3A` (before a port) may arrive decoded, as `:`, when the path was not encoded.
  const prefix = [`${hostDid}:credential:`, `${decodeURIComponent(hostDid)}:credential:`].find(
    (candidate) => vcId.startsWith(candidate),
  )
  if (prefix === undefined) return null
  const urn = `urn:via:credential:${vcId.slice(prefix.length)}`
  return CREDENTIAL_URN.test(urn) ? urn : null
}
