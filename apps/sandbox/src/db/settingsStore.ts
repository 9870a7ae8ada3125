import type { OrganizationSettings, SettingsPatch } from '../settingsSchema.js'
import { SETTINGS_KEYS } from '../settingsSchema.js'
import type { Db } from './database.js'

interface SettingsRow {
  key: string
  base: string
  override: string | null
}

function rowsOf(db: Db, orgId: string): SettingsRow[] {
  return db
    .prepare<[string], SettingsRow>('SELECT key, base, override FROM org_settings WHERE org_id = ?')
    .all(orgId)
}

/**
 * Records an organization's configured settings as its base values. A value changed with `PUT
 * /_sandbox/settings` survives restarts, until the configuration for that key itself changes:
 * then the new configuration wins, because that is what whoever restarted the sandbox asked for.
 */
export function syncSettings(db: Db, orgId: string, configured: OrganizationSettings): void {
  const rows = new Map(rowsOf(db, orgId).map((row) => [row.key, row]))
  db.transaction(() => {
    for (const key of SETTINGS_KEYS) {
      const base = JSON.stringify(configured[key])
      const row = rows.get(key)
      if (!row) {
        db.prepare(
          'INSERT INTO org_settings (org_id, key, base, override) VALUES (?, ?, ?, NULL)',
        ).run(orgId, key, base)
      } else if (row.base !== base) {
        db.prepare(
          'UPDATE org_settings SET base = ?, override = NULL WHERE org_id = ? AND key = ?',
        ).run(base, orgId, key)
      }
    }
  })()
}

/**
 * The settings in force for an organization: each key's override, or its configured value.
 * @param defaults what a key missing from the database means (a key added by a newer sandbox)
 */
export function readSettings(
  db: Db,
  orgId: string,
  defaults: OrganizationSettings,
): OrganizationSettings {
  const out: Record<string, unknown> = { ...defaults }
  for (const row of rowsOf(db, orgId)) {
    out[row.key] = JSON.parse(row.override ?? row.base) as unknown
  }
  return out as unknown as OrganizationSettings
}

/** Stores overrides for the keys present in `patch`. */
export function overrideSettings(db: Db, orgId: string, patch: SettingsPatch): void {
  db.transaction(() => {
    for (const key of SETTINGS_KEYS) {
      if (patch[key] === undefined) continue
      db.prepare('UPDATE org_settings SET override = ? WHERE org_id = ? AND key = ?').run(
        JSON.stringify(patch[key]),
        orgId,
        key,
      )
    }
  })()
}
