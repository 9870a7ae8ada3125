import type { Db } from '../db/database.js'
import { getActionVersion } from '../db/actionStore.js'
import { actionContentSchema } from '../mandates/actionContent.js'
import type { MandateView } from './mandateCard.js'

/** The mandates of a request's credentials (the pinned action version and the values). */
export function mandatesOf(db: Db, requestId: string): Map<string, MandateView> {
  const rows = db
    .prepare<[string], { id: string; action: string; action_version: number; user_params: string }>(
      `SELECT id, action, action_version, user_params FROM credentials
       WHERE request_id = ? AND action IS NOT NULL`,
    )
    .all(requestId)
  const out = new Map<string, MandateView>()
  for (const row of rows) {
    const version = getActionVersion(db, row.action, row.action_version)
    if (!version) continue
    out.set(row.id, {
      content: actionContentSchema.parse(JSON.parse(version.content)),
      userParams: JSON.parse(row.user_params) as Record<string, unknown>,
    })
  }
  return out
}
