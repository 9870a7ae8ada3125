// The schema step for agent mandates (humanos-mandates.md): actions and their versions, the
// action a credential pins, receipts, activity events and spent presentations.
export const MANDATES_MIGRATION = `
  CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    action_id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL REFERENCES organizations (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX actions_org ON actions (org_id, created_at);

  CREATE TABLE action_versions (
    action TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    content TEXT NOT NULL,
    digest_sri TEXT NOT NULL,
    published_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (action, version)
  );

  ALTER TABLE credentials ADD COLUMN action TEXT REFERENCES actions (id);
  ALTER TABLE credentials ADD COLUMN action_version INTEGER;
  ALTER TABLE credentials ADD COLUMN user_params TEXT;
  CREATE INDEX credentials_action ON credentials (action);

  CREATE TABLE receipts (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organizations (id),
    type TEXT NOT NULL,
    credential_id TEXT,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE activity (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL REFERENCES organizations (id),
    type TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    actor_did TEXT,
    subject_did TEXT,
    payload TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX activity_org ON activity (org_id, seq);
  CREATE INDEX activity_entity ON activity (org_id, entity_id);

  CREATE TABLE spent_presentations (
    proof_value TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organizations (id),
    credential_id TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
`
