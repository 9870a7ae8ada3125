// Migration 2: organizations. Every resource gets the organization it belongs to; what an
// older database holds belongs to the first organization (the one the environment configures).
import { randomUUID } from 'node:crypto'
import type { Db } from './database.js'

/** Tables whose rows belong to one organization through an `org_id` column. */
const ORG_TABLES = ['requests', 'credentials', 'outbox', 'webhook_deliveries'] as const

export function addOrganizations(db: Db): void {
  db.exec(`
    CREATE TABLE organizations (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE,
      name TEXT NOT NULL,
      api_key_hash TEXT NOT NULL UNIQUE,
      api_key TEXT NOT NULL,
      signature_secret TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE org_settings (
      org_id TEXT NOT NULL REFERENCES organizations (id),
      key TEXT NOT NULL,
      base TEXT NOT NULL,
      override TEXT,
      PRIMARY KEY (org_id, key)
    );
  `)
  // The first organization's key and secret are set from the configuration at every start.
  const primary = randomUUID()
  db.prepare(
    `INSERT INTO organizations (id, seq, name, api_key_hash, api_key, signature_secret, created_at)
     VALUES (?, 1, 'Sandbox organization', '', '', '', ?)`,
  ).run(primary, Date.now())
  db.prepare(
    `INSERT INTO org_settings (org_id, key, base, override) SELECT ?, key, base, override FROM settings`,
  ).run(primary)
  db.exec('DROP TABLE settings')

  for (const table of ORG_TABLES) {
    db.exec(`ALTER TABLE ${table} ADD COLUMN org_id TEXT REFERENCES organizations (id)`)
    db.prepare(`UPDATE ${table} SET org_id = ?`).run(primary)
  }
  db.exec(`
    CREATE INDEX requests_org ON requests (org_id, seq);
    CREATE INDEX credentials_org ON credentials (org_id);
    CREATE INDEX outbox_org ON outbox (org_id, seq);
    CREATE INDEX webhook_org ON webhook_deliveries (org_id, seq);
  `)

  // A contact is one user per organization: the unique key becomes (org_id, contact).
  db.exec(`
    CREATE TABLE users_v2 (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      org_id TEXT NOT NULL REFERENCES organizations (id),
      contact TEXT NOT NULL,
      internal_id TEXT,
      extra_contacts TEXT NOT NULL DEFAULT '[]',
      identity TEXT,
      created_at INTEGER NOT NULL,
      UNIQUE (org_id, contact)
    );
  `)
  db.prepare(
    `INSERT INTO users_v2 (id, org_id, contact, created_at) SELECT id, ?, contact, ? FROM users`,
  ).run(primary, Date.now())
  db.exec(`
    DROP TABLE users;
    ALTER TABLE users_v2 RENAME TO users;
    CREATE INDEX users_internal_id ON users (org_id, internal_id);
    UPDATE sqlite_sequence SET seq = (SELECT COALESCE(MAX(id), 0) FROM users) WHERE name = 'users';
  `)

  // Idempotency records are scoped to the organization instead of a hash of its API key.
  db.exec(`
    CREATE TABLE idempotency_v2 (
      org_id TEXT NOT NULL REFERENCES organizations (id),
      key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      status INTEGER NOT NULL,
      body TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (org_id, key)
    );
  `)
  db.prepare(
    `INSERT INTO idempotency_v2 SELECT ?, key, fingerprint, status, body, created_at FROM idempotency`,
  ).run(primary)
  db.exec('DROP TABLE idempotency; ALTER TABLE idempotency_v2 RENAME TO idempotency;')

  // The rest of the documented API: credential fields, resend counting, evidence documents,
  // approvals and workflows.
  db.exec(`
    ALTER TABLE credentials ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE credentials ADD COLUMN placements TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE requests ADD COLUMN expected_doc_ids TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE sessions ADD COLUMN resend_count INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE evidences (
      id TEXT PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES organizations (id),
      credential_id TEXT NOT NULL REFERENCES credentials (id),
      kind TEXT NOT NULL,
      body TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX evidences_credential ON evidences (credential_id, created_at);

    CREATE TABLE approvals (
      id TEXT PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES organizations (id),
      seq INTEGER NOT NULL,
      type TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT,
      internal_id TEXT,
      content TEXT,
      active INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX approvals_org ON approvals (org_id, seq);

    CREATE TABLE workflows (
      id TEXT PRIMARY KEY,
      org_id TEXT NOT NULL REFERENCES organizations (id),
      seq INTEGER NOT NULL,
      name TEXT NOT NULL,
      description TEXT,
      active INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX workflows_org ON workflows (org_id, seq);

    CREATE TABLE workflow_approvals (
      workflow_id TEXT NOT NULL REFERENCES workflows (id),
      approval_id TEXT NOT NULL REFERENCES approvals (id),
      position INTEGER NOT NULL,
      PRIMARY KEY (workflow_id, approval_id)
    );
  `)
}
