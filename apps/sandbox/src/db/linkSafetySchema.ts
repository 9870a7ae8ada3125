// The schema step for issue 15 items 8 and 12. Wrong codes and resends are counted per frame
// (one page load), so one link holder cannot lock the person out; a session lock lasts a
// cool-down (`otp_locked_until`) instead of forever; frames are indexed so their rows can be
// bounded per session and pruned once no session can use them.
export const LINK_SAFETY_MIGRATION = `
  ALTER TABLE sessions ADD COLUMN otp_locked_until INTEGER;
  ALTER TABLE sessions ADD COLUMN page_resend_count INTEGER NOT NULL DEFAULT 0;
  -- A lock set under the old rule (three wrong codes from anyone, forever) is lifted.
  UPDATE sessions SET otp_failures = 0;
  ALTER TABLE sessions DROP COLUMN otp_locked;

  ALTER TABLE frames ADD COLUMN otp_failures INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE frames ADD COLUMN resend_count INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX frames_session ON frames (session_id, created_at);
  CREATE INDEX frames_created ON frames (created_at);
`
