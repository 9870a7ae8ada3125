import { createHash, randomUUID } from 'node:crypto'
import type { Db } from './database.js'

/** One organization: its credentials for the API. Its settings are in `org_settings`. */
export interface Organization {
  id: string
  /** 1 for the organization the environment configures, then in order of creation. */
  seq: number
  name: string
  apiKey: string
  signatureSecret: string
  createdAt: number
}

interface OrganizationRow {
  id: string
  seq: number
  name: string
  api_key: string
  signature_secret: string
  created_at: number
}

function fromRow(row: OrganizationRow): Organization {
  return {
    id: row.id,
    seq: row.seq,
    name: row.name,
    apiKey: row.api_key,
    signatureSecret: row.signature_secret,
    createdAt: row.created_at,
  }
}

/** The lookup key of an API key: its SHA-256, so the index never compares secrets directly. */
export function apiKeyHash(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex')
}

/** The organization the environment configures (always present after migration 2). */
export function primaryOrganization(db: Db): Organization {
  const row = db
    .prepare<[], OrganizationRow>('SELECT * FROM organizations ORDER BY seq LIMIT 1')
    .get()
  if (!row) throw new Error('The sandbox database has no organization')
  return fromRow(row)
}

/** The organization an API key belongs to. */
export function organizationByApiKey(db: Db, apiKey: string): Organization | undefined {
  const row = db
    .prepare<[string], OrganizationRow>('SELECT * FROM organizations WHERE api_key_hash = ?')
    .get(apiKeyHash(apiKey))
  return row && fromRow(row)
}

export function getOrganization(db: Db, id: string): Organization | undefined {
  const row = db
    .prepare<[string], OrganizationRow>('SELECT * FROM organizations WHERE id = ?')
    .get(id)
  return row && fromRow(row)
}

/** Every organization, first one first. */
export function listOrganizations(db: Db): Organization[] {
  return db
    .prepare<[], OrganizationRow>('SELECT * FROM organizations ORDER BY seq')
    .all()
    .map(fromRow)
}

/** Keeps the first organization's API key and signature secret equal to the configuration. */
export function syncPrimaryCredentials(db: Db, apiKey: string, signatureSecret: string): void {
  const primary = primaryOrganization(db)
  db.prepare(
    'UPDATE organizations SET api_key = ?, api_key_hash = ?, signature_secret = ? WHERE id = ?',
  ).run(apiKey, apiKeyHash(apiKey), signatureSecret, primary.id)
}

/** Adds an organization with the given credentials and returns it. */
export function insertOrganization(
  db: Db,
  input: { name: string; apiKey: string; signatureSecret: string; now: number },
): Organization {
  const id = randomUUID()
  db.prepare(
    `INSERT INTO organizations (id, seq, name, api_key_hash, api_key, signature_secret, created_at)
     VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM organizations), ?, ?, ?, ?, ?)`,
  ).run(id, input.name, apiKeyHash(input.apiKey), input.apiKey, input.signatureSecret, input.now)
  const created = getOrganization(db, id)
  if (!created) throw new Error('Organization insert failed')
  return created
}
