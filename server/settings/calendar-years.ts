/**
 * The holiday arrangements loaded through the API (`calendar_years`), and the official calendar they make with
 * the arrangements the `chinese-days` package carries: each loaded year replaces or extends the package's
 * data, and the calendar's version names what was loaded, so open deadlines counted before are recalculated.
 */
import type { Knex } from 'knex';
import { ChineseWorkingCalendar } from '../../engine/calendar/chinese-calendar.js';
import { chineseDaysData, type OfficialCalendarData } from '../../engine/calendar/official-data.js';
import { withArrangement, type YearArrangement } from '../../engine/calendar/year-arrangement.js';
import { instant } from '../store/rows.js';

/** A loaded year: its arrangement, the notice it comes from, who loaded it and when. */
export interface LoadedYear extends YearArrangement {
  notice: string;
  loadedBy: string;
  loadedAt: string;
}

/** Every loaded year, oldest year first. */
export async function loadedYears(knex: Knex): Promise<LoadedYear[]> {
  const rows: Array<Record<string, unknown>> = await knex('calendar_years').orderBy('year');
  return rows.map((r) => ({
    year: Number(r.year), holidays: JSON.parse(String(r.holidays)) as string[], makeUpDays: JSON.parse(String(r.make_up_days)) as string[],
    notice: String(r.notice), loadedBy: String(r.loaded_by), loadedAt: instant(r.loaded_at)!,
  }));
}

/** Stores `y` in `trx`, replacing a row of the same year. */
export async function storeYear(trx: Knex.Transaction, y: LoadedYear): Promise<void> {
  await trx('calendar_years').where({ year: y.year }).delete();
  await trx('calendar_years').insert({
    year: y.year, holidays: JSON.stringify([...y.holidays].sort()), make_up_days: JSON.stringify([...y.makeUpDays].sort()),
    notice: y.notice, loaded_by: y.loadedBy, loaded_at: y.loadedAt,
  });
}

/** FNV-1a over the loaded years, 8 hex digits: the calendar version changes with any loaded date. */
function fingerprint(years: readonly YearArrangement[]): string {
  const text = JSON.stringify(years.map((y) => [y.year, [...y.holidays].sort(), [...y.makeUpDays].sort()]));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The package's data with `years` laid over it, in year order. Throws a RangeError for a year out of reach. */
export function officialDataWith(years: readonly YearArrangement[], base: OfficialCalendarData = chineseDaysData()): OfficialCalendarData {
  if (!years.length) return base;
  const source = `${base.source}+loaded@${fingerprint(years)}`;
  return [...years].sort((a, b) => a.year - b.year).reduce((data, y) => withArrangement(data, y, source), base);
}

/** The official calendar with `years` loaded. */
export function officialCalendarWith(years: readonly YearArrangement[]): ChineseWorkingCalendar {
  return new ChineseWorkingCalendar({ data: officialDataWith(years) });
}

/**
 * Puts the years another node loaded in force on this one (the supervision sweep calls it each round, before it
 * reads the lights); true when the calendar changed. Only a calendar built on the official data is refreshed.
 */
export async function refreshLoadedYears(knex: Knex, locality: { baseVersion: string; replaceBase(base: ChineseWorkingCalendar): void }): Promise<boolean> {
  if (!locality.baseVersion.startsWith('cn-official@')) return false;
  const years = await loadedYears(knex);
  const data = officialDataWith(years);
  if (`${data.source}:${data.firstYear}-${data.lastYear}` === locality.baseVersion) return false;
  locality.replaceBase(new ChineseWorkingCalendar({ data }));
  return true;
}
