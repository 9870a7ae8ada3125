import type { CreateRequestBody } from '../api/requestSchemas'
import { DEFAULT_SCOPE } from '../constants'
import type { SandboxContext } from '../context'
import { insertCredential } from '../db/credentialStore'
import { getRequest, insertRequest, userNumberFor } from '../db/requestStore'
import type { SessionRow } from '../db/rows'
import { insertSession } from '../db/sessionStore'
import { userDid } from '../proof/didDocument'
import { draftCredential } from './credentialDocument'
import { newCredentialId, newRequestId, newSessionId } from './ids'
import { issueOtp } from './otp'
import { linkFor } from './views'

/** The answer of `POST /request` (humanos-api.md). */
export interface CreateRequestResponse {
  id: string
  credentials: Array<{ id: string; name: string; internalId?: string }>
  subjects: Array<{ contact: string; id: string; link: string }>
}

/**
 * Creates a request: its credentials (`DRAFT`, shared by every contact as grantors), one Link
 * session per contact, and a code "sent" to each contact. All or nothing.
 */
export function createRequest(ctx: SandboxContext, body: CreateRequestBody): CreateRequestResponse {
  const now = Date.now()
  const { db } = ctx
  const response = db.transaction((): CreateRequestResponse => {
    const id = newRequestId(now)
    insertRequest(db, {
      id,
      name: body.name ?? null,
      internal_id: body.internalId ?? null,
      security_level: body.securityLevel,
      language: body.language,
      redirect_url: body.redirectUrl ?? null,
      pub_key: body.pubKey ?? null,
      authorized_dids: JSON.stringify(body.authorizedDIDs),
      created_at: now,
      expires_at: now + ctx.config.sessionTtlMs,
      canceled_at: null,
    })
    const userNumbers = body.contacts.map((contact) => userNumberFor(db, contact))
    const grantors = userNumbers.map((n) => userDid(ctx.issuerDid, n))

    const credentials = (body.credentials ?? []).map((input, position) => {
      const credentialId = newCredentialId()
      const validUntil = input.validUntil ? Date.parse(input.validUntil) : null
      const w3c = draftCredential({
        id: credentialId,
        issuerDid: ctx.issuerDid,
        grantors,
        scope: input.scope ?? DEFAULT_SCOPE,
        authorizedDIDs: body.authorizedDIDs,
        validFrom: input.validFrom ? Date.parse(input.validFrom) : now,
        validUntil,
        content: input,
      })
      insertCredential(db, {
        id: credentialId,
        request_id: id,
        position,
        type: input.type,
        name: input.name,
        description: input.description ?? null,
        internal_id: input.internalId ?? null,
        data: input.data === undefined ? null : JSON.stringify(input.data),
        valid_until: validUntil,
        status: 'DRAFT',
        w3c: JSON.stringify(w3c),
        created_at: now,
        updated_at: now,
        revoked_reason: null,
      })
      return { id: credentialId, name: input.name, internalId: input.internalId }
    })

    const request = getRequest(db, id)
    if (!request) throw new Error('Request insert failed')
    const subjects = body.contacts.map((contact, position) => {
      const session: SessionRow = {
        id: newSessionId(),
        request_id: id,
        position,
        contact,
        user_id: userNumbers[position]!,
        otp_code: null,
        otp_issued_at: null,
        otp_failures: 0,
        otp_locked: 0,
        last_resend_at: null,
        identity: null,
        decided_at: null,
      }
      insertSession(db, session)
      issueOtp(ctx, { request, session }, { reason: 'created', unlock: false, now })
      return { contact, id: grantors[position]!, link: linkFor(ctx.baseUrl, session.id) }
    })
    return { id, credentials, subjects }
  })()
  ctx.webhooks.kick()
  return response
}
