// Response shapes of the mandate endpoints, built from rows.
import type { ActionRow, ActionVersionRow, PublishedActionRow } from '../db/actionStore.js'
import type { ActivityRow } from '../db/activityStore.js'
import { isoDate } from '../flow/ids.js'

/** An item of `GET /actions`. */
export function actionSummaryView(row: PublishedActionRow) {
  const content = JSON.parse(row.content) as { name: string; description?: string }
  return {
    id: row.id,
    actionId: row.action_id,
    name: content.name,
    description: content.description,
    latestVersion: row.latest_version,
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
  }
}

/** An item of `GET /actions/version/:id`. */
export function actionVersionView(action: ActionRow, row: ActionVersionRow) {
  return {
    id: action.id,
    actionId: action.action_id,
    version: row.version,
    published: row.published_at !== null,
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
    digestSRI: row.digest_sri,
    content: JSON.parse(row.content) as unknown,
  }
}

/** An item of `GET /activity`. */
export function activityView(row: ActivityRow) {
  return {
    id: row.id,
    type: row.type,
    entityType: row.entity_type,
    entityId: row.entity_id,
    createdAt: isoDate(row.created_at),
    actorDid: row.actor_did,
    subjectDid: row.subject_did,
    payload: JSON.parse(row.payload) as unknown,
  }
}
