import type { SandboxContext } from '../context.js'
import type { UserRow } from '../db/rows.js'
import { getUserByContact, getUserByInternalId, insertUser } from '../db/userStore.js'
import { userDid } from '../proof/didDocument.js'
import { isoDate } from './ids.js'
import { identityStatusOf } from './users.js'

/** One valid item of `POST /user`. */
export interface UserImport {
  contact: string
  internalId?: string
  extraContacts: string[]
  identity?: Record<string, unknown>
}

/** A user as `GET /user` (and each created item of `POST /user`) shows it. */
export function userView(ctx: SandboxContext, user: UserRow) {
  return {
    id: userDid(ctx.platformDid, user.id),
    contacts: [user.contact, ...(JSON.parse(user.extra_contacts) as string[])],
    identityStatus: identityStatusOf(ctx.db, user),
    organization: user.org_id,
    createdAt: isoDate(user.created_at),
    internalId: user.internal_id ?? undefined,
  }
}

export type UserView = ReturnType<typeof userView>

/** The per-item result of `POST /user`. */
export interface ImportResult {
  status: 200 | 400 | 409
  message: string
  user?: UserView
}

/**
 * Imports one user into an organization: `200` created, `409` when one of its contacts or its
 * internal id already belongs to a user of the organization. Synchronous: run it inside the
 * transaction of the whole import.
 */
export function importUser(
  ctx: SandboxContext,
  orgId: string,
  item: UserImport,
  now: number,
): ImportResult {
  for (const contact of [item.contact, ...item.extraContacts]) {
    if (getUserByContact(ctx.db, orgId, contact)) {
      return { status: 409, message: `A user with contact ${contact} already exists` }
    }
  }
  if (item.internalId !== undefined && getUserByInternalId(ctx.db, orgId, item.internalId)) {
    return { status: 409, message: `A user with internalId ${item.internalId} already exists` }
  }
  const user = insertUser(ctx.db, {
    org_id: orgId,
    contact: item.contact,
    internal_id: item.internalId ?? null,
    extra_contacts: JSON.stringify(item.extraContacts),
    identity: item.identity === undefined ? null : JSON.stringify(item.identity),
    created_at: now,
  })
  return { status: 200, message: 'Created', user: userView(ctx, user) }
}
