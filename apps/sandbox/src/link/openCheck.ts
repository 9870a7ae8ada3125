/*
 * What the Link page checks before it shows anything (link-protocol sections 4 and 5).
 * Guarantees: no content reaches an origin outside the allowlist, and a pre-registered key
 * cannot be swapped for another.
 * 1. Embedded (a `postMessageOrigin` or `pubKey` is present): the origin must be a bare
 *    origin on the allowlist of the session's organization, else `origin_not_allowed`
 *    (posted to the claimed origin only).
 * 2. The session exists, is not canceled, expired, already answered or locked (too many wrong
 *    codes from every frame together, for a cool-down).
 * 3. Embedded: `pubKey` is a base64 SPKI P-256 key (`invalid_pub_key`) equal to the key the
 *    request registered, if any (`pub_key_mismatch`).
 * Without either parameter the page runs standalone (the link from an email or SMS): it
 * records decisions and fires webhooks, but posts nothing.
 */
import { ErrorCodes } from '@humanos-link/core'
import { importPublicKey } from '@humanos-link/core/protocol'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SandboxContext } from '../context.js'
import { getSession } from '../db/sessionStore.js'
import { listOrganizations } from '../db/organizationStore.js'
import { getRequest } from '../db/requestStore.js'
import type { SessionPair } from '../flow/sessionGuards.js'
import { isSessionLocked, sessionClosedReason } from '../flow/sessionGuards.js'

export type OpenCheck =
  | {
      ok: false
      status: ContentfulStatusCode
      code: string
      /** Where the `error` message may go; `null`: post nothing. */
      postTo: string | null
      /** Who may frame the error page. */
      frameAncestors: string[]
      /** For the developer: what was wrong and which setting to change (English). */
      detail?: string
    }
  | { ok: true; pair: SessionPair; origin: string | null; pubKey: string | null }

function bareOrigin(value: string): string | null {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value
      ? url.origin
      : null
  } catch {
    return null
  }
}

// The sandbox is a developer's tool: say which origin was refused and which setting lets it in.
// The setting names are not secret, and the refused origin is the one that asked.
function originDetail(raw: string | undefined, claimed: string | null): string {
  if (claimed === null) {
    return raw === undefined
      ? 'The page was opened with a pubKey but no postMessageOrigin: pass the origin of the host page.'
      : `postMessageOrigin must be a bare origin such as http://localhost:3000, without a path or a trailing "/" (got ${JSON.stringify(raw.slice(0, 100))}).`
  }
  return (
    `${claimed} is not an allowed host origin of this sandbox. Add it to SANDBOX_ALLOWED_ORIGINS ` +
    '(or --allowed-origins) and restart it, or PUT /_sandbox/settings { "allowedOrigins": [...] }.'
  )
}

/** The union of every organization's allowlist. */
export function allowedOriginsOfEveryOrganization(ctx: SandboxContext): string[] {
  const all = listOrganizations(ctx.db).flatMap((org) => ctx.settings(org.id).allowedOrigins)
  return [...new Set(all)]
}

async function isValidKey(value: string): Promise<boolean> {
  try {
    await importPublicKey(value)
    return true
  } catch {
    return false
  }
}

/** Runs the checks of the file comment for one page load. */
export async function checkLinkOpen(
  ctx: SandboxContext,
  sessionId: string,
  query: { postMessageOrigin?: string; pubKey?: string },
  now: number,
): Promise<OpenCheck> {
  const session = getSession(ctx.db, sessionId)
  const request = session && getRequest(ctx.db, null, session.request_id)
  // The allowlist is the session's organization's. For an unknown session it is every
  // organization's: telling any registered host "not found" reveals nothing.
  const allowed = request
    ? ctx.settings(request.org_id).allowedOrigins
    : allowedOriginsOfEveryOrganization(ctx)
  const embedded = query.postMessageOrigin !== undefined || query.pubKey !== undefined
  const claimed = query.postMessageOrigin === undefined ? null : bareOrigin(query.postMessageOrigin)
  const fail = (status: ContentfulStatusCode, code: string, postTo: string | null) =>
    ({ ok: false, status, code, postTo, frameAncestors: allowed }) as const

  if (embedded && (claimed === null || !allowed.includes(claimed))) {
    // The error page carries no content, so the claimed origin may frame it: that is the only
    // way its parent can learn why the flow did not start.
    return {
      ...fail(403, ErrorCodes.ORIGIN_NOT_ALLOWED, claimed),
      frameAncestors: claimed ? [claimed] : [],
      detail: originDetail(query.postMessageOrigin, claimed),
    }
  }
  if (!session || !request) return fail(404, ErrorCodes.SESSION_NOT_FOUND, claimed)
  const pair = { request, session }
  const closed = sessionClosedReason(pair, now)
  if (closed === 'session_canceled') return fail(410, ErrorCodes.SESSION_CANCELED, claimed)
  if (closed === 'session_expired') return fail(410, ErrorCodes.SESSION_EXPIRED, claimed)
  // An answered link is as unusable as an expired one: the protocol has no closer code.
  if (closed === 'session_finished') return fail(410, ErrorCodes.SESSION_EXPIRED, claimed)
  if (isSessionLocked(session, now)) return fail(423, ErrorCodes.OTP_LOCKED, claimed)
  if (embedded) {
    if (query.pubKey === undefined || !(await isValidKey(query.pubKey))) {
      return fail(403, ErrorCodes.INVALID_PUB_KEY, claimed)
    }
    if (request.pub_key !== null && request.pub_key !== query.pubKey) {
      return fail(403, ErrorCodes.PUB_KEY_MISMATCH, claimed)
    }
  }
  return { ok: true, pair, origin: claimed, pubKey: embedded ? (query.pubKey ?? null) : null }
}
