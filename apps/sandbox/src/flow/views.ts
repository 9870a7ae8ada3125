// The API's response shapes, built from rows. One place, so the API, the webhooks and the Link
// results describe a credential the same way.
import { credentialsOf, decisionsOf } from '../db/credentialStore.js'
import type { Db } from '../db/database.js'
import type { CredentialRow, RequestRow, SessionRow } from '../db/rows.js'
import { sessionsOf } from '../db/sessionStore.js'
import { getUserById } from '../db/userStore.js'
import { userDid } from '../proof/didDocument.js'
import type { IdentityDecision } from './events.js'
import { isoDate } from './ids.js'
import { isSessionLocked } from './sessionGuards.js'
import { identityStatusOf } from './users.js'

/** What building a view needs from the sandbox. */
export interface ViewContext {
  db: Db
  baseUrl: string
  platformDid: string
}

export interface DecisionView {
  id: string
  contact: string
  accepted: boolean
  decidedAt: string
}

/** The credential as `GET /credential/:id` returns it. */
export function credentialView(ctx: ViewContext, row: CredentialRow) {
  const decisions: DecisionView[] = decisionsOf(ctx.db, row.id).map((d) => ({
    id: d.id,
    contact: d.contact,
    accepted: d.accepted === 1,
    decidedAt: isoDate(d.decided_at),
  }))
  return {
    id: row.id,
    resourceType: row.type,
    status: row.status,
    name: row.name,
    description: row.description ?? undefined,
    internalId: row.internal_id ?? undefined,
    tags: JSON.parse(row.tags) as string[],
    requestId: row.request_id,
    data: row.data === null ? undefined : (JSON.parse(row.data) as unknown),
    w3cCredential: JSON.parse(row.w3c) as Record<string, unknown>,
    decisions,
    revocationReason: row.revoked_reason ?? undefined,
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
  }
}

export type CredentialView = ReturnType<typeof credentialView>

/** Where a subject's Link session stands. */
export function sessionStatus(request: RequestRow, session: SessionRow, now: number): string {
  if (request.canceled_at !== null) return 'CANCELED'
  if (session.decided_at !== null) return 'COMPLETED'
  if (request.expires_at <= now) return 'EXPIRED'
  if (isSessionLocked(session, now)) return 'LOCKED'
  return 'PENDING'
}

/** The request as a whole: canceled, completed (every subject done), expired or pending. */
export function requestStatus(request: RequestRow, sessions: SessionRow[], now: number) {
  if (request.canceled_at !== null) return 'CANCELED'
  if (sessions.every((s) => s.decided_at !== null)) return 'COMPLETED'
  if (request.expires_at <= now) return 'EXPIRED'
  return 'PENDING'
}

export function linkFor(baseUrl: string, sessionId: string): string {
  return `${baseUrl}/link/${sessionId}`
}

function subjectView(ctx: ViewContext, request: RequestRow, session: SessionRow, now: number) {
  return {
    contact: session.contact,
    id: userDid(ctx.platformDid, session.user_id),
    link: linkFor(ctx.baseUrl, session.id),
    status: sessionStatus(request, session, now),
  }
}

function requestFields(request: RequestRow) {
  return {
    id: request.id,
    name: request.name ?? undefined,
    internalId: request.internal_id ?? undefined,
    securityLevel: request.security_level,
    language: request.language,
    redirectUrl: request.redirect_url ?? undefined,
    authorizedDIDs: JSON.parse(request.authorized_dids) as string[],
    expectedDocIds: JSON.parse(request.expected_doc_ids) as Array<{
      contact: string
      docId: string
    }>,
    createdAt: isoDate(request.created_at),
    expiresAt: isoDate(request.expires_at),
    canceledAt: request.canceled_at === null ? undefined : isoDate(request.canceled_at),
  }
}

/**
 * `GET /request/:id`: the request, its subjects (with the documented `contact, id,
 * internalId, identityStatus, kyc, createdAt`) and its full credentials.
 */
export function requestDetailView(ctx: ViewContext, request: RequestRow, now: number) {
  const sessions = sessionsOf(ctx.db, request.id)
  return {
    ...requestFields(request),
    status: requestStatus(request, sessions, now),
    subjects: sessions.map((s) => {
      const user = getUserById(ctx.db, request.org_id, s.user_id)
      const identity = s.identity === null ? null : (JSON.parse(s.identity) as IdentityDecision)
      return {
        ...subjectView(ctx, request, s, now),
        internalId: user?.internal_id ?? undefined,
        identityStatus: user ? identityStatusOf(ctx.db, user) : 'NONE',
        kyc: identity,
        createdAt: isoDate(user?.created_at ?? request.created_at),
        identity: identity ?? undefined,
      }
    }),
    credentials: credentialsOf(ctx.db, request.id).map((row) => credentialView(ctx, row)),
  }
}

/** One item of `GET /request`: the request with its credentials summarized. */
export function requestSummaryView(ctx: ViewContext, request: RequestRow, now: number) {
  const sessions = sessionsOf(ctx.db, request.id)
  return {
    ...requestFields(request),
    status: requestStatus(request, sessions, now),
    subjects: sessions.map((s) => subjectView(ctx, request, s, now)),
    credentials: credentialsOf(ctx.db, request.id).map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status,
      internalId: c.internal_id ?? undefined,
    })),
  }
}
