import type { CreateRequestBody } from '../api/requestSchemas.js'
import { DEFAULT_SCOPE } from '../constants.js'
import type { SandboxContext } from '../context.js'
import { insertCredential } from '../db/credentialStore.js'
import { getRequest, insertRequest, userFor } from '../db/requestStore.js'
import type { CredentialType, SessionRow } from '../db/rows.js'
import { insertSession } from '../db/sessionStore.js'
import { issuerDidOf, userDid } from '../proof/didDocument.js'
import { resolveCatalogCredentials } from './catalog.js'
import { pinAction } from '../db/mandateStore.js'
import { recordActivity } from '../mandates/ledger.js'
import { MandateError } from '../mandates/mandateError.js'
import { mandateMembers, pinMandateAction } from '../mandates/mandateRequest.js'
import type { MandateActionInput } from '../mandates/mandateRequest.js'
import { insertEvidence } from '../db/evidenceStore.js'
import { contentDocument, draftCredential } from './credentialDocument.js'
import { buildEvidence } from './evidence.js'
import { DomainCodes, DomainError } from './domainError.js'
import { newCredentialId, newRequestId, newSessionId } from './ids.js'
import { issueOtp } from './otp.js'
import { linkFor } from './views.js'

/** Most credentials one request may carry, whatever their source. */
export const MAX_CREDENTIALS = 10

/** The answer of `POST /request` (humanos-api.md). */
export interface CreateRequestResponse {
  id: string
  credentials: Array<{ id: string; name: string; internalId?: string }>
  /** `code` only when the organization delivers codes itself (`otpDelivery: none`). */
  subjects: Array<{ contact: string; id: string; code?: string; link: string }>
}

/** One credential to create, from the body or from the organization's catalog. */
export interface CredentialSpec {
  type: CredentialType
  name: string
  description?: string
  scope?: string
  internalId?: string
  validFrom?: string
  validUntil?: string
  data?: unknown
  placements?: unknown[]
  /** A POLICY credential's action and approved values (humanos-mandates.md section 3). */
  action?: MandateActionInput
}

/** Pins the action a mandate names, as a domain refusal when it cannot be pinned. */
function pinned(ctx: SandboxContext, orgId: string, spec: CredentialSpec, position: number) {
  if (!spec.action) return null
  try {
    return pinMandateAction(ctx.db, orgId, spec.action, `credentials[${position}].action`)
  } catch (error) {
    if (error instanceof MandateError)
      throw new DomainError(DomainCodes.INVALID_INPUT, error.message)
    throw error
  }
}

/**
 * Creates a request of organization `orgId`: its credentials (`DRAFT`, shared by every
 * contact as grantors; the inline ones, then those of `resourcesIds`, then of `groupIds`), one
 * Link session per contact, and a code for each contact. Synchronous and all or nothing: run it
 * inside the transaction that also records the idempotency key; kick webhooks after it commits.
 * @throws DomainError `invalid_input` for an unknown or inactive approval or workflow, or more
 *   than {@link MAX_CREDENTIALS} credentials in all
 */
export function createRequest(
  ctx: SandboxContext,
  orgId: string,
  body: CreateRequestBody,
): CreateRequestResponse {
  const now = Date.now()
  const { db } = ctx
  return db.transaction((): CreateRequestResponse => {
    const specs: CredentialSpec[] = [
      ...(body.credentials ?? []),
      ...resolveCatalogCredentials(db, orgId, body.resourcesIds ?? [], body.groupIds ?? []),
    ]
    if (specs.length > MAX_CREDENTIALS) {
      throw new DomainError(
        DomainCodes.INVALID_INPUT,
        `credentials: at most ${MAX_CREDENTIALS} credentials in all (credentials, resourcesIds and groupIds together); this request has ${specs.length}`,
      )
    }
    const id = newRequestId(now)
    insertRequest(db, {
      id,
      org_id: orgId,
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
      expected_doc_ids: JSON.stringify(body.expectedDocIds),
    })
    const users = body.contacts.map((contact) => userFor(db, orgId, contact, now))
    const grantors = users.map((user) => userDid(ctx.platformDid, user.id))
    const issuerDid = issuerDidOf(ctx.platformDid, orgId)

    const scope = { orgId, issuerDid, baseUrl: ctx.baseUrl }
    const credentials = specs.map((input, position) => {
      const credentialId = newCredentialId()
      const validUntil = input.validUntil ? Date.parse(input.validUntil) : null
      const pin = pinned(ctx, orgId, input, position)
      const content = buildEvidence(scope, {
        credentialId,
        kind: 'content',
        document: contentDocument(credentialId, input),
        now,
      })
      const w3c = draftCredential({
        id: credentialId,
        platformDid: ctx.platformDid,
        issuerDid,
        grantors,
        scope: input.scope ?? DEFAULT_SCOPE,
        authorizedDIDs: body.authorizedDIDs,
        validFrom: input.validFrom ? Date.parse(input.validFrom) : now,
        validUntil,
        contentEvidence: content.entry,
        mandate: pin ? mandateMembers(pin) : undefined,
      })
      insertCredential(db, {
        id: credentialId,
        org_id: orgId,
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
        tags: '[]',
        placements: JSON.stringify(input.placements ?? []),
      })
      if (pin) {
        pinAction(db, credentialId, {
          action: pin.action.id,
          version: pin.version.version,
          userParams: pin.userParams,
        })
      }
      insertEvidence(db, content.row)
      return { id: credentialId, name: input.name, internalId: input.internalId }
    })

    const request = getRequest(db, orgId, id)
    if (!request) throw new Error('Request insert failed')
    const subjects = body.contacts.map((contact, position) => {
      const session: SessionRow = {
        id: newSessionId(),
        request_id: id,
        position,
        contact,
        user_id: users[position]!.id,
        otp_code: null,
        otp_issued_at: null,
        otp_failures: 0,
        otp_locked_until: null,
        last_resend_at: null,
        resend_count: 0,
        page_resend_count: 0,
        identity: null,
        decided_at: null,
      }
      insertSession(db, session)
      const otp = issueOtp(ctx, { request, session }, { reason: 'created', unlock: false, now })
      const link = linkFor(ctx.baseUrl, session.id)
      const subject = { contact, id: grantors[position]!, link }
      return otp.selfDelivered ? { contact, id: subject.id, code: otp.code, link } : subject
    })
    recordActivity(db, {
      orgId,
      type: 'REQUEST_CREATED',
      entityType: 'REQUEST',
      entityId: id,
      actorDid: issuerDid,
      subjectDid: grantors[0] ?? null,
      payload: { credentials: credentials.map((c) => c.id), contacts: body.contacts.length },
      now,
    })
    return { id, credentials, subjects }
  })()
}
