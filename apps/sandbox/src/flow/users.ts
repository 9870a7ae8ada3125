import type { Db } from '../db/database.js'
import type { UserRow } from '../db/rows.js'
import { passedIdentityLevels } from '../db/userStore.js'

/** How far a user's identity is known: `HUMANOS`, `KYC` or `NONE` (humanos-api.md). */
export type IdentityStatus = 'NONE' | 'KYC' | 'HUMANOS'

/**
 * A passed Humanos check (`HUMANOS_KYC`, `HUMANOS_REVALIDATION`) is `HUMANOS`; a passed
 * organization check, or an identity given when the user was imported, is `KYC`.
 */
export function identityStatusOf(db: Db, user: UserRow): IdentityStatus {
  const levels = passedIdentityLevels(db, user.id)
  if (levels.some((level) => level.startsWith('HUMANOS_'))) return 'HUMANOS'
  if (levels.includes('ORGANIZATION_KYC') || user.identity !== null) return 'KYC'
  return 'NONE'
}
