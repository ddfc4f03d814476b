/**
 * The calendar a store counts with, read from the store itself: the installed official data with the
 * holiday arrangements the reform office loaded, under the locality settings version in force (closures,
 * extra working days, business hours, counting rules). The server starts with it and the command line
 * counts with it, so `shenpi calendar` and `shenpi workdays --db` answer as the server would.
 */
import type { Knex } from 'knex';
import type { ChineseWorkingCalendar } from '../../engine/calendar/chinese-calendar.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import { loadedYears, officialCalendarWith } from './calendar-years.js';
import { LocalityCalendar, withLocalDays } from './locality-calendar.js';
import { currentSettings } from './settings-store.js';

/**
 * The runtime's calendar over `base` (by default the store's official calendar) with the settings in force
 * applied. Throws RangeError when `base` cannot take the local days the settings name.
 */
export async function localityCalendarOf(knex: Knex, base?: WorkingCalendar): Promise<LocalityCalendar> {
  const calendar = new LocalityCalendar(base ?? officialCalendarWith(await loadedYears(knex)));
  const settings = await currentSettings(knex);
  if (settings.version > 0) calendar.apply(settings);
  return calendar;
}

/** The store's official calendar with the local days of the settings in force, as the official calendar class (it explains each day). */
export async function officialCalendarInForce(knex: Knex): Promise<ChineseWorkingCalendar> {
  return withLocalDays(officialCalendarWith(await loadedYears(knex)), await currentSettings(knex));
}
