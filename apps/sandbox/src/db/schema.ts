// The schema, as an ordered list of migrations. `PRAGMA user_version` records how many ran, so a
// database file written by an older sandbox is upgraded in place and never loses data.

import type { Db } from './database.js'
import { MANDATES_MIGRATION } from './mandateSchema.js'
import { LINK_SAFETY_MIGRATION } from './linkSafetySchema.js'
import { addOrganizations } from './migrations2.js'

/** One schema step: SQL, or a function for a step that needs values computed in JavaScript. */
export type Migration = string | ((db: Db) => void)

export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE keys (
    name TEXT PRIMARY KEY,
    material TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    base TEXT NOT NULL,
    override TEXT
  );

  CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    contact TEXT NOT NULL UNIQUE
  );

  CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    name TEXT,
    internal_id TEXT,
    security_level TEXT NOT NULL,
    language TEXT NOT NULL,
    redirect_url TEXT,
    pub_key TEXT,
    authorized_dids TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    canceled_at INTEGER
  );
  CREATE INDEX requests_internal_id ON requests (internal_id);

  CREATE TABLE credentials (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id),
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    internal_id TEXT,
    data TEXT,
    valid_until INTEGER,
    status TEXT NOT NULL,
    w3c TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    revoked_reason TEXT
  );
  CREATE INDEX credentials_request ON credentials (request_id, position);

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id),
    position INTEGER NOT NULL,
    contact TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    otp_code TEXT,
    otp_issued_at INTEGER,
    otp_failures INTEGER NOT NULL DEFAULT 0,
    otp_locked INTEGER NOT NULL DEFAULT 0,
    last_resend_at INTEGER,
    identity TEXT,
    decided_at INTEGER
  );
  CREATE INDEX sessions_request ON sessions (request_id, position);
  CREATE INDEX sessions_contact ON sessions (contact);

  CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    credential_id TEXT NOT NULL REFERENCES credentials (id),
    session_id TEXT NOT NULL REFERENCES sessions (id),
    contact TEXT NOT NULL,
    accepted INTEGER NOT NULL,
    decided_at INTEGER NOT NULL
  );
  CREATE INDEX decisions_credential ON decisions (credential_id, decided_at);

  CREATE TABLE frames (
    token TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    origin TEXT,
    pub_key TEXT,
    verified_at INTEGER,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    request_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    contact TEXT NOT NULL,
    channel TEXT NOT NULL,
    code TEXT NOT NULL,
    link TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX outbox_contact ON outbox (contact, seq);

  CREATE TABLE webhook_deliveries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    last_status INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER
  );
  CREATE INDEX webhook_pending ON webhook_deliveries (status, next_attempt_at);

  CREATE TABLE idempotency (
    api_key_hash TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (api_key_hash, key)
  );
  `,
  addOrganizations,
  MANDATES_MIGRATION,
  LINK_SAFETY_MIGRATION,
]
