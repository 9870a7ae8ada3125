import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './schema.js'

/** An open sandbox database (better-sqlite3: synchronous, so one statement never interleaves). */
export type Db = Database.Database

/**
 * Opens (creating it and its folder if needed) the database file, or an in-memory database for
 * `:memory:`, and brings its schema up to date.
 * @throws Error when the file cannot be opened or was written by a newer sandbox.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file)
  // WAL keeps readers and the one writer out of each other's way and survives a crash; the
  // in-memory database ignores it.
  if (file !== ':memory:') db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true })
  if (typeof version !== 'number' || version > MIGRATIONS.length) {
    db.close()
    throw new Error(
      `The sandbox database has schema version ${String(version)}, newer than this sandbox ` +
        `(${MIGRATIONS.length}). Use a newer sandbox or another SANDBOX_DATA file.`,
    )
  }
  if (version === MIGRATIONS.length) return
  // SQLite's procedure for schema changes: foreign keys off while tables are rebuilt, and
  // checked before each migration commits.
  db.pragma('foreign_keys = OFF')
  try {
    MIGRATIONS.slice(version).forEach((migration, index) => {
      db.transaction(() => {
        if (typeof migration === 'string') db.exec(migration)
        else migration(db)
        const broken = db.pragma('foreign_key_check') as unknown[]
        if (broken.length > 0) throw new Error('The migration left broken references')
        db.pragma(`user_version = ${version + index + 1}`)
      })()
    })
  } finally {
    db.pragma('foreign_keys = ON')
  }
}

/**
 * Deletes every record and every added organization, except the signing keys (verifiers may
 * have cached them) and the first organization, whose settings go back to the configuration.
 */
export function wipeDatabase(db: Db): void {
  db.transaction(() => {
    for (const table of [
      'spent_presentations',
      'receipts',
      'activity',
      'frames',
      'decisions',
      'evidences',
      'outbox',
      'sessions',
      'credentials',
      'action_versions',
      'actions',
      'requests',
      'users',
      'webhook_deliveries',
      'idempotency',
      'workflow_approvals',
      'workflows',
      'approvals',
    ]) {
      db.exec(`DELETE FROM ${table}`)
    }
    // Added organizations go too; the first one (from the configuration) stays.
    db.exec(`DELETE FROM org_settings WHERE org_id IN (SELECT id FROM organizations WHERE seq > 1)`)
    db.exec(`DELETE FROM organizations WHERE seq > 1`)
    db.exec(`UPDATE org_settings SET override = NULL`)
    db.exec(
      `DELETE FROM sqlite_sequence WHERE name IN ('users', 'outbox', 'webhook_deliveries', 'activity')`,
    )
  })()
}
