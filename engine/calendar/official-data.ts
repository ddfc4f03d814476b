/**
 * The official working-day data: the State Council's yearly holiday arrangements (国务院办公厅 部分节假日安排)
 * with their make-up working days (调休), as published in the npm package `chinese-days`. Importing the
 * package's JSON is a pure load of package data; nothing is fetched.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import chineseDaysPackage from 'chinese-days/package.json' with { type: 'json' };
import type { IsoDate } from './types.js';

/** A complete set of official days off and make-up working days for a contiguous range of years. */
export interface OfficialCalendarData {
  /** Where the data came from, with its version, e.g. `cn-official@1.5.7`. */
  readonly source: string;
  /** First year whose arrangement the data holds. */
  readonly firstYear: number;
  /** Last year whose arrangement the data holds; later years are provisional. */
  readonly lastYear: number;
  /** Official days off (放假), which may include weekend days. */
  readonly holidays: readonly IsoDate[];
  /** Weekend days that are working days (调休上班). */
  readonly makeUpDays: readonly IsoDate[];
}

function yearRange(dates: readonly IsoDate[]): { first: number; last: number } {
  const years = dates.map((d) => Number(d.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}

/**
 * Checks a data set: years in order, every date inside them, no date both a holiday and a make-up day.
 * Throws a `RangeError` describing the first problem (bad data is a bug in the loader, not an outcome).
 */
export function validateOfficialData(data: OfficialCalendarData): OfficialCalendarData {
  if (!(data.firstYear <= data.lastYear)) {
    throw new RangeError(`Expected firstYear <= lastYear, but it was ${data.firstYear} > ${data.lastYear}`);
  }
  const holidays = new Set(data.holidays);
  for (const d of [...data.holidays, ...data.makeUpDays]) {
    const y = Number(d.slice(0, 4));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || y < data.firstYear || y > data.lastYear) {
      throw new RangeError(`Expected ${d} to be a date within ${data.firstYear}-${data.lastYear}`);
    }
  }
  for (const d of data.makeUpDays) {
    if (holidays.has(d)) throw new RangeError(`Expected ${d} to be either a holiday or a make-up day, not both`);
  }
  return data;
}

let cached: OfficialCalendarData | undefined;

/**
 * The official data carried by the installed `chinese-days` package (2004 through its latest published
 * year; version 1.5.7 covers 2004-2026). The years covered are derived from the data itself.
 */
export function chineseDaysData(): OfficialCalendarData {
  if (cached) return cached;
  const holidays = Object.keys(chineseDays.holidays).sort();
  const makeUpDays = Object.keys(chineseDays.workdays).sort();
  const { first, last } = yearRange([...holidays, ...makeUpDays]);
  cached = validateOfficialData({
    source: `cn-official@${chineseDaysPackage.version}`,
    firstYear: first,
    lastYear: last,
    holidays,
    makeUpDays,
  });
  return cached;
}
