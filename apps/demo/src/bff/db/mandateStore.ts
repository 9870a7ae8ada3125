import type { Db } from './database.js'

/** A mandate request the demo created, as stored. */
export interface MandateRow {
  request_id: string
  credential_id: string
  action_id: string
  /** JSON of the approved limits. */
  user_params: string
  /** JSON of the last presentation issued for the agent, or `null`. */
  last_presentation: string | null
  owner: string
  created_at: number
}

export function insertMandate(db: Db, row: MandateRow): void {
  db.prepare(
    `INSERT INTO mandates (request_id, credential_id, action_id, user_params, last_presentation,
       owner, created_at)
     VALUES (@request_id, @credential_id, @action_id, @user_params, @last_presentation, @owner,
       @created_at)
     ON CONFLICT (request_id) DO NOTHING`,
  ).run(row)
}

export function getMandateRow(db: Db, requestId: string): MandateRow | undefined {
  return db
    .prepare<[string], MandateRow>('SELECT * FROM mandates WHERE request_id = ?')
    .get(requestId)
}

/** The newest mandates of `owner` first. */
export function listMandateRows(db: Db, owner: string, limit: number): MandateRow[] {
  return db
    .prepare<[string, number], MandateRow>(
      'SELECT * FROM mandates WHERE owner = ? ORDER BY created_at DESC LIMIT ?',
    )
    .all(owner, limit)
}

export function setLastPresentation(db: Db, requestId: string, presentation: string): void {
  db.prepare('UPDATE mandates SET last_presentation = ? WHERE request_id = ?').run(
    presentation,
    requestId,
  )
}
