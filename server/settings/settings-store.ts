/** Reading and writing the versions of the locality settings (`locality_settings`, one row per version). */
import type { Knex } from 'knex';
import { instant } from '../store/rows.js';
import { DEFAULT_LOCALITY_SETTINGS, type LocalitySettings, type LocalitySettingsVersion } from './locality-settings.js';

function toVersion(row: Record<string, unknown>): LocalitySettingsVersion {
  return {
    version: Number(row.version),
    settings: { ...DEFAULT_LOCALITY_SETTINGS, ...(JSON.parse(String(row.settings)) as Partial<LocalitySettings>) },
    reason: String(row.reason),
    changedBy: String(row.changed_by),
    changedAt: instant(row.changed_at)!,
  };
}

/** The version in force: the latest stored, or version 0 (the defaults). */
export async function currentSettings(knex: Knex): Promise<LocalitySettingsVersion> {
  const row = await knex('locality_settings').orderBy('version', 'desc').first();
  return row ? toVersion(row) : { version: 0, settings: DEFAULT_LOCALITY_SETTINGS, reason: 'defaults', changedBy: 'system', changedAt: '1970-01-01T00:00:00.000Z' };
}

/** Every stored version, newest first. */
export async function settingsHistory(knex: Knex, limit = 100): Promise<LocalitySettingsVersion[]> {
  return (await knex('locality_settings').orderBy('version', 'desc').limit(limit)).map(toVersion);
}

/**
 * Stores `settings` as the version after `expected` in `trx`; false when another change took that version
 * first (the primary key refuses the second insert).
 */
export async function insertSettings(trx: Knex.Transaction, expected: number, v: Omit<LocalitySettingsVersion, 'version'>): Promise<number | undefined> {
  const latest = await trx('locality_settings').max<{ v: number | null }[]>({ v: 'version' });
  const now = Number(latest[0]?.v ?? 0);
  if (now !== expected) return undefined;
  await trx('locality_settings').insert({ version: now + 1, settings: JSON.stringify(v.settings), reason: v.reason, changed_by: v.changedBy, changed_at: v.changedAt });
  return now + 1;
}
