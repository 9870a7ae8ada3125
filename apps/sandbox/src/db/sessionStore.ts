import type { Db } from './database.js'
import type { FrameRow, SessionRow } from './rows.js'

export function insertSession(db: Db, row: SessionRow): void {
  db.prepare(
    `INSERT INTO sessions (id, request_id, position, contact, user_id, otp_code, otp_issued_at,
       otp_failures, otp_locked, last_resend_at, resend_count, identity, decided_at)
     VALUES (@id, @request_id, @position, @contact, @user_id, @otp_code, @otp_issued_at,
       @otp_failures, @otp_locked, @last_resend_at, @resend_count, @identity, @decided_at)`,
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
       otp_locked = CASE WHEN @unlock THEN 0 ELSE otp_locked END
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

/** Records a wrong code; locks the session at `maxFailures`. Returns the failures so far. */
export function recordOtpFailure(db: Db, id: string, maxFailures: number): number {
  db.prepare(
    `UPDATE sessions SET otp_failures = otp_failures + 1,
       otp_locked = CASE WHEN otp_failures + 1 >= ? THEN 1 ELSE otp_locked END WHERE id = ?`,
  ).run(maxFailures, id)
  return getSession(db, id)?.otp_failures ?? maxFailures
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

export function insertFrame(db: Db, row: FrameRow): void {
  db.prepare(
    `INSERT INTO frames (token, session_id, origin, pub_key, verified_at, created_at)
     VALUES (@token, @session_id, @origin, @pub_key, @verified_at, @created_at)`,
  ).run(row)
}

export function getFrame(db: Db, token: string): FrameRow | undefined {
  return db.prepare<[string], FrameRow>('SELECT * FROM frames WHERE token = ?').get(token)
}

export function markFrameVerified(db: Db, token: string, at: number): void {
  db.prepare('UPDATE frames SET verified_at = ? WHERE token = ?').run(at, token)
}
