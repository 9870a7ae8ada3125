// `credentials[].action` of `POST /request` (humanos-mandates.md section 3): the action a POLICY
// credential asks the person to approve, with the values they approve.
import { z } from 'zod'
import type { Db } from '../db/database.js'
import { findAction, latestPublishedVersion } from '../db/actionStore.js'
import type { ActionRow, ActionVersionRow } from '../db/actionStore.js'
import type { ActionContent } from './actionContent.js'
import { actionContentSchema } from './actionContent.js'
import { paramsProblem } from './actionParams.js'
import { MandateError } from './mandateError.js'

/** `credentials[].action` as the request body gives it. */
export const mandateActionInputSchema = z.strictObject({
  id: z.string().min(1, 'must not be empty').max(200),
  userParams: z.record(z.string(), z.json()).default({}),
})

export type MandateActionInput = z.infer<typeof mandateActionInputSchema>

/** The action version a new mandate pins, with the approved values. */
export interface PinnedAction {
  action: ActionRow
  version: ActionVersionRow
  content: ActionContent
  userParams: Record<string, unknown>
}

/**
 * Finds the action (in the caller's organization), pins its latest published version and
 * checks the approved values against its declared user parameters.
 * @param path where the action sits in the body, for messages (`credentials[0].action`)
 * @throws MandateError 400 naming the field and what was wrong
 */
export function pinMandateAction(
  db: Db,
  orgId: string,
  input: MandateActionInput,
  path: string,
): PinnedAction {
  const action = findAction(db, orgId, input.id)
  if (!action) throw new MandateError(400, `${path}.id: no action ${input.id} in this organization`)
  const version = latestPublishedVersion(db, action.id)
  if (!version) {
    throw new MandateError(400, `${path}.id: action ${input.id} has no published version yet`)
  }
  const content = actionContentSchema.parse(JSON.parse(version.content))
  const problem = paramsProblem(content.userParams, input.userParams, `${path}.userParams`)
  if (problem) throw new MandateError(400, problem)
  return { action, version, content, userParams: input.userParams }
}

/** The `mandate` members a pinned action adds to `credentialSubject.mandate` [ours]. */
export function mandateMembers(pin: PinnedAction) {
  return {
    action: { id: pin.action.id, version: pin.version.version, digestSRI: pin.version.digest_sri },
    userParams: pin.userParams,
  }
}
