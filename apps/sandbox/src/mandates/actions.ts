// Authoring of actions (humanos-mandates.md section 2.2, the sandbox's `/_sandbox/actions`).
// Every rule is compiled when a version is written; a published version never changes.
import { randomBytes, randomUUID } from 'node:crypto'
import type { Db } from '../db/database.js'
import {
  credentialsPinning,
  deleteAction,
  findAction,
  getActionVersion,
  insertAction,
  insertActionVersion,
  latestVersionNumber,
  publishActionVersion,
} from '../db/actionStore.js'
import type { ActionRow } from '../db/actionStore.js'
import type { ActionContent } from './actionContent.js'
import { actionDigestSRI } from './actionContent.js'
import { RuleCompileError, compileRules } from './actionRules.js'
import { MandateError } from './mandateError.js'

/** What the authoring endpoints answer. */
export interface AuthoredVersion {
  id: string
  actionId: string
  version: number
  published: boolean
  digestSRI: string
}

function compiled(content: ActionContent): void {
  try {
    compileRules(content)
  } catch (error) {
    if (error instanceof RuleCompileError) throw new MandateError(400, `content.${error.message}`)
    throw error
  }
}

/** @throws MandateError 404 for an action of another organization or none */
export function requireAction(db: Db, orgId: string, ref: string): ActionRow {
  const action = findAction(db, orgId, ref)
  if (!action) throw new MandateError(404, `Action ${ref} not found`)
  return action
}

function writeVersion(
  db: Db,
  action: ActionRow,
  content: ActionContent,
  publish: boolean,
  now: number,
): AuthoredVersion {
  const version = latestVersionNumber(db, action.id) + 1
  const digestSRI = actionDigestSRI(content)
  insertActionVersion(db, {
    action: action.id,
    version,
    content: JSON.stringify(content),
    digest_sri: digestSRI,
    published_at: publish ? now : null,
    created_at: now,
    updated_at: now,
  })
  return { id: action.id, actionId: action.action_id, version, published: publish, digestSRI }
}

/** Creates an action with version 1 (published at once when `publish`). */
export function createAction(
  db: Db,
  orgId: string,
  content: ActionContent,
  publish: boolean,
  now: number,
): AuthoredVersion {
  compiled(content)
  return db.transaction(() => {
    const action: ActionRow = {
      id: `urn:via:action:${randomUUID()}`,
      action_id: randomBytes(12).toString('hex'),
      org_id: orgId,
      created_at: now,
      updated_at: now,
    }
    insertAction(db, action)
    return writeVersion(db, action, content, publish, now)
  })()
}

/** Adds a draft version (or a published one when `publish`). */
export function addActionVersion(
  db: Db,
  orgId: string,
  ref: string,
  content: ActionContent,
  publish: boolean,
  now: number,
): AuthoredVersion {
  compiled(content)
  return db.transaction(() =>
    writeVersion(db, requireAction(db, orgId, ref), content, publish, now),
  )()
}

/** @throws MandateError 404 for an unknown version, 409 when it is already published */
export function publishVersion(
  db: Db,
  orgId: string,
  ref: string,
  version: number,
  now: number,
): AuthoredVersion {
  return db.transaction(() => {
    const action = requireAction(db, orgId, ref)
    const row = getActionVersion(db, action.id, version)
    if (!row) throw new MandateError(404, `Action ${ref} has no version ${version}`)
    if (!publishActionVersion(db, action.id, version, now)) {
      throw new MandateError(409, `Version ${version} is already published; it cannot change`)
    }
    return {
      id: action.id,
      actionId: action.action_id,
      version,
      published: true,
      digestSRI: row.digest_sri,
    }
  })()
}

/** @throws MandateError 409 while a mandate references the action */
export function removeAction(db: Db, orgId: string, ref: string): void {
  db.transaction(() => {
    const action = requireAction(db, orgId, ref)
    const pinned = credentialsPinning(db, action.id)
    if (pinned > 0) {
      throw new MandateError(
        409,
        `Action ${action.id} is referenced by ${pinned} mandate(s) and cannot be deleted`,
      )
    }
    deleteAction(db, action.id)
  })()
}
