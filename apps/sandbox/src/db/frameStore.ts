// Frames: one row per Link page load, the token its script names in every call. The rows are
// bounded (issue 15 item 12): at most `cap` per session, and none older than a session can live.
import type { Db } from './database.js'
import type { FrameRow } from './rows.js'

/** A new frame, before the counters the store starts at zero. */
export type NewFrame = Omit<FrameRow, 'otp_failures' | 'resend_count'>

/**
 * Stores a new frame and keeps the table bounded: frames older than `maxAgeMs` (their session
 * has expired, so no call can use them) are deleted, and a session keeps at most `cap` frames:
 * the new one, then verified ones, then the newest. An evicted frame's page answers
 * `invalid_frame` ("reload it"); its wrong codes still count for the session.
 */
export function insertFrame(db: Db, row: NewFrame, bounds: { cap: number; maxAgeMs: number }) {
  db.transaction(() => {
    db.prepare('DELETE FROM frames WHERE created_at < ?').run(row.created_at - bounds.maxAgeMs)
    db.prepare(
      `INSERT INTO frames (token, session_id, origin, pub_key, verified_at, created_at)
       VALUES (@token, @session_id, @origin, @pub_key, @verified_at, @created_at)`,
    ).run(row)
    db.prepare(
      `DELETE FROM frames WHERE token IN (
         SELECT token FROM frames WHERE session_id = @session
         ORDER BY token = @token DESC, verified_at IS NOT NULL DESC, created_at DESC, rowid DESC
         LIMIT -1 OFFSET @cap)`,
    ).run({ session: row.session_id, token: row.token, cap: bounds.cap })
  })()
}

export function getFrame(db: Db, token: string): FrameRow | undefined {
  return db.prepare<[string], FrameRow>('SELECT * FROM frames WHERE token = ?').get(token)
}

/** How many frames a session has (tests and the bound above). */
export function countFrames(db: Db, sessionId: string): number {
  return db
    .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM frames WHERE session_id = ?')
    .get(sessionId)!.n
}

export function markFrameVerified(db: Db, token: string, at: number): void {
  db.prepare('UPDATE frames SET verified_at = ? WHERE token = ?').run(at, token)
}
