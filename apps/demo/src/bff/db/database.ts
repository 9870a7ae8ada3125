import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations.js'

/** An open demo database (better-sqlite3: synchronous, so one statement never interleaves). */
export type Db = Database.Database

/**
 * Opens (creating it and its folder if needed) the database file, or an in-memory one for
 * `:memory:`, and brings its schema up to date.
 * @throws Error when the file cannot be opened or was written by a newer demo.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file)
  // WAL survives a crash mid-write; the in-memory database ignores it.
  if (file !== ':memory:') db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  try {
    migrate(db)
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true })
  if (typeof version !== 'number' || version > MIGRATIONS.length) {
    throw new Error(
      `The demo database has schema version ${String(version)}, newer than this demo ` +
        `(${MIGRATIONS.length}). Use another DEMO_DATA file.`,
    )
  }
  MIGRATIONS.slice(version).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${version + index + 1}`)
    })()
  })
}
