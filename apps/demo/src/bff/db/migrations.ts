// The BFF's schema, one migration per entry; `PRAGMA user_version` counts the ones applied.
// Append new entries; never edit one that has shipped.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE requests (
    id                     TEXT PRIMARY KEY,
    credential_name        TEXT NOT NULL,
    credential_description TEXT,
    security_level         TEXT NOT NULL,
    contacts               TEXT NOT NULL, -- JSON array of every contact of the request
    contact                TEXT NOT NULL, -- the one whose Link the browser got
    link                   TEXT NOT NULL,
    expires_at             TEXT,
    created_at             INTEGER NOT NULL
  );
  CREATE INDEX requests_created ON requests (created_at DESC);

  -- One row per decision, whichever channel brought it first; the other channel fills its own
  -- timestamp in later. The key is built from the decision itself, so both channels meet.
  CREATE TABLE decisions (
    key               TEXT PRIMARY KEY,
    request_id        TEXT NOT NULL,
    event_type        TEXT NOT NULL CHECK (event_type IN ('credential', 'identity')),
    subject           TEXT NOT NULL,
    contact           TEXT,
    credential_id     TEXT,
    outcome           TEXT NOT NULL CHECK (outcome IN ('accept', 'reject', 'passed', 'failed')),
    credential_status TEXT,
    decided_at        TEXT NOT NULL,
    first_channel     TEXT NOT NULL CHECK (first_channel IN ('attestation', 'webhook')),
    attestation_at    INTEGER,
    attestation_jti   TEXT UNIQUE,
    webhook_at        INTEGER,
    webhook_id        TEXT
  );
  CREATE INDEX decisions_request ON decisions (request_id);

  -- Every verified webhook event, once: retries carry the same x-webhook-id and only bump
  -- the delivery count, so the demo can show that a duplicate arrived and was dropped.
  CREATE TABLE webhook_events (
    dedupe_key  TEXT PRIMARY KEY,
    webhook_id  TEXT,
    event_type  TEXT NOT NULL,
    request_id  TEXT,
    received_at INTEGER NOT NULL,
    deliveries  INTEGER NOT NULL DEFAULT 1,
    event       TEXT NOT NULL
  );
  CREATE INDEX webhook_events_received ON webhook_events (received_at DESC);

  -- Attestation ids already accepted, until they expire: the replay store.
  CREATE TABLE used_jtis (
    jti        TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
  );
  `,
  // Browser sessions (session/sessions.ts): only a hash of each cookie is stored, so the
  // database alone does not let anyone act as a session. A request belongs to the session that
  // created it; rows from before this migration belong to nobody and are shown to nobody.
  `
  CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_expires ON sessions (expires_at);
  ALTER TABLE requests ADD COLUMN owner TEXT;
  CREATE INDEX requests_owner ON requests (owner, created_at DESC);
  `,
  // Agent mandates (agent/): the mandate request a session created, the values the person
  // was asked to approve, and the last presentation (kept here, never sent to the browser,
  // so the demo can replay it on purpose).
  `
  CREATE TABLE mandates (
    request_id        TEXT PRIMARY KEY REFERENCES requests (id),
    credential_id     TEXT NOT NULL,
    action_id         TEXT NOT NULL,
    user_params       TEXT NOT NULL,
    last_presentation TEXT,
    owner             TEXT NOT NULL,
    created_at        INTEGER NOT NULL
  );
  CREATE INDEX mandates_owner ON mandates (owner, created_at DESC);
  `,
]
