import type { Db } from './database.js'
import type { SessionRow } from './rows.js'

export function insertSession(db: Db, row: SessionRow): void {
  db.prepare(
    `INSERT INTO sessions (id, request_id, position, contact, user_id, otp_code, otp_issued_at,
       otp_failures, otp_locked_until, last_resend_at, resend_count, page_resend_count, identity,
       decided_at)
     VALUES (@id, @request_id, @position, @contact, @user_id, @otp_code, @otp_issued_at,
       @otp_failures, @otp_locked_until, @last_resend_at, @resend_count, @page_resend_count,
       @identity, @decided_at)`,
  ).run(row)
}

export function getSession(db: Db, id: string): SessionRow | undefined {
  return db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?').get(id)
}

/** A request's sessions, in the order of its contacts. */
export function sessionsOf(db: Db, requestId: string): SessionRow[] {
  return db
    .prepare<[string], SessionRow>('SELECT * FROM sessions WHERE request_id = ? ORDER BY position')
    .all(requestId)
}

/**
 * Stores a newly issued code (or `null` when delivery failed) and when it was issued. A
 * delivered resend by the integrator's server (`counted`) adds one to `resend_count`.
 */
export function setOtp(
  db: Db,
  id: string,
  change: { code: string | null; at: number; resend: boolean; unlock: boolean; counted: boolean },
): void {
  db.prepare(
    `UPDATE sessions SET otp_code = @code, otp_issued_at = @at,
       last_resend_at = CASE WHEN @resend THEN @at ELSE last_resend_at END,
       resend_count = resend_count + @counted,
       otp_failures = CASE WHEN @unlock THEN 0 ELSE otp_failures END,
       otp_locked_until = CASE WHEN @unlock THEN NULL ELSE otp_locked_until END
     WHERE id = @id`,
  ).run({
    id,
    code: change.code,
    at: change.at,
    resend: change.resend ? 1 : 0,
    unlock: change.unlock ? 1 : 0,
    counted: change.counted ? 1 : 0,
  })
}

/**
 * Records a wrong code typed in one frame: counts it for the frame and for the session, and
 * once the session has `lock.maxFailures` of them (from every frame) locks it until
 * `lock.until`, starting the count again. Returns the frame's failures and whether the
 * session is now locked.
 */
export function recordOtpFailure(
  db: Db,
  ids: { session: string; frame: string },
  lock: { maxFailures: number; until: number },
): { frameFailures: number; sessionLocked: boolean } {
  return db.transaction(() => {
    db.prepare('UPDATE frames SET otp_failures = otp_failures + 1 WHERE token = ?').run(ids.frame)
    db.prepare('UPDATE sessions SET otp_failures = otp_failures + 1 WHERE id = ?').run(ids.session)
    const locked = db
      .prepare(
        `UPDATE sessions SET otp_failures = 0, otp_locked_until = ?
         WHERE id = ? AND otp_failures >= ?`,
      )
      .run(lock.until, ids.session, lock.maxFailures)
    const frame = db
      .prepare<[string], { otp_failures: number }>(
        'SELECT otp_failures FROM frames WHERE token = ?',
      )
      .get(ids.frame)
    return { frameFailures: frame?.otp_failures ?? Infinity, sessionLocked: locked.changes > 0 }
  })()
}

/**
 * Notes a code sent again at a frame's request (the same code, or a new one when none was
 * valid): the cool-down restarts and both the frame's and the session's page resends count.
 */
export function recordPageResend(db: Db, ids: { session: string; frame: string }, at: number) {
  db.prepare(
    `UPDATE sessions SET last_resend_at = ?, page_resend_count = page_resend_count + 1
     WHERE id = ?`,
  ).run(at, ids.session)
  db.prepare('UPDATE frames SET resend_count = resend_count + 1 WHERE token = ?').run(ids.frame)
}

/** A code is single-use: it is cleared once it has been accepted. */
export function consumeOtp(db: Db, id: string): void {
  db.prepare('UPDATE sessions SET otp_code = NULL WHERE id = ?').run(id)
}

export function setIdentity(db: Db, id: string, identity: string, finishedAt: number | null): void {
  db.prepare(
    'UPDATE sessions SET identity = ?, decided_at = COALESCE(?, decided_at) WHERE id = ?',
  ).run(identity, finishedAt, id)
}

export function markSessionDecided(db: Db, id: string, at: number): void {
  db.prepare('UPDATE sessions SET decided_at = ? WHERE id = ?').run(at, id)
}
