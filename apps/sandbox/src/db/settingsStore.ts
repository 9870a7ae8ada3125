import type { OrganizationSettings, SettingsPatch } from '../settingsSchema'
import { SETTINGS_KEYS } from '../settingsSchema'
import type { Db } from './database'

interface SettingsRow {
  key: string
  base: string
  override: string | null
}

/**
 * Records the configured settings as the base values. A value changed with `PUT
 * /_sandbox/settings` survives restarts, until the configuration for that key itself changes:
 * then the new configuration wins, because that is what whoever restarted the sandbox asked for.
 */
export function syncSettings(db: Db, configured: OrganizationSettings): void {
  const rows = new Map(
    db
      .prepare<[], SettingsRow>('SELECT * FROM settings')
      .all()
      .map((row) => [row.key, row]),
  )
  db.transaction(() => {
    for (const key of SETTINGS_KEYS) {
      const base = JSON.stringify(configured[key])
      const row = rows.get(key)
      if (!row) {
        db.prepare('INSERT INTO settings (key, base, override) VALUES (?, ?, NULL)').run(key, base)
      } else if (row.base !== base) {
        db.prepare('UPDATE settings SET base = ?, override = NULL WHERE key = ?').run(base, key)
      }
    }
  })()
}

/** The settings in force: each key's override, or its configured value. */
export function readSettings(db: Db): OrganizationSettings {
  const out: Record<string, unknown> = {}
  for (const row of db.prepare<[], SettingsRow>('SELECT * FROM settings').all()) {
    out[row.key] = JSON.parse(row.override ?? row.base) as unknown
  }
  return out as unknown as OrganizationSettings
}

/** Stores overrides for the keys present in `patch`. */
export function overrideSettings(db: Db, patch: SettingsPatch): void {
  db.transaction(() => {
    for (const key of SETTINGS_KEYS) {
      if (patch[key] === undefined) continue
      db.prepare('UPDATE settings SET override = ? WHERE key = ?').run(
        JSON.stringify(patch[key]),
        key,
      )
    }
  })()
}
