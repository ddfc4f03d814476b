/**
 * One year's State Council holiday arrangement (国务院办公厅关于某年部分节假日安排的通知), as the reform office
 * loads it when the notice is published: the days off (放假) and the weekend days that are working days
 * (调休上班). Checked before it reaches any deadline: every date a real date of that year, no date listed
 * twice, a make-up day always a Saturday or Sunday and never also a day off, and the holidays fixed by
 * 全国年节及纪念日放假办法 (元旦 01-01, 劳动节 05-01, 国庆节 10-01..03) among the days off. Pure.
 */
import { isIsoDate, toDayNumber, weekdayOf } from './dates.js';
import type { OfficialCalendarData } from './official-data.js';
import { FIXED_DATE_HOLIDAYS } from './provisional.js';
import type { IsoDate } from './types.js';

/** One year's arrangement. */
export interface YearArrangement {
  readonly year: number;
  /** Official days off, weekend days included. */
  readonly holidays: readonly IsoDate[];
  /** Weekend days that are working days (调休). */
  readonly makeUpDays: readonly IsoDate[];
}

/** A refused field of an arrangement: its name (`holidays[3]`, `makeUpDays` …) and why. */
export interface ArrangementProblem {
  readonly field: string;
  readonly message: string;
}

/** The problems of `a`; empty when it can be loaded. */
export function arrangementProblems(a: YearArrangement): ArrangementProblem[] {
  const problems: ArrangementProblem[] = [];
  if (!Number.isInteger(a.year) || a.year < 2004 || a.year > 2100) problems.push({ field: 'year', message: `Expected a year from 2004 to 2100, but it was ${a.year}` });
  for (const k of ['holidays', 'makeUpDays'] as const) {
    a[k].forEach((d, i) => {
      if (!isIsoDate(d)) problems.push({ field: `${k}[${i}]`, message: `Expected a date YYYY-MM-DD, but it was '${d}'` });
      else if (Number(d.slice(0, 4)) !== a.year) problems.push({ field: `${k}[${i}]`, message: `Expected a date in ${a.year}, but it was ${d}` });
    });
    const dup = a[k].find((d, i) => a[k].indexOf(d) !== i);
    if (dup) problems.push({ field: k, message: `Expected each date once, but ${dup} is listed twice` });
  }
  if (problems.length) return problems;
  a.makeUpDays.forEach((d, i) => {
    const wd = weekdayOf(toDayNumber(d));
    if (wd !== 0 && wd !== 6) problems.push({ field: `makeUpDays[${i}]`, message: `Expected a make-up working day on a Saturday or Sunday, but ${d} is a weekday` });
  });
  const both = a.makeUpDays.find((d) => a.holidays.includes(d));
  if (both) problems.push({ field: 'makeUpDays', message: `Expected ${both} to be either a day off or a make-up working day, not both` });
  const missing = FIXED_DATE_HOLIDAYS.map((md) => `${a.year}-${md}`).filter((d) => !a.holidays.includes(d));
  if (missing.length) problems.push({ field: 'holidays', message: `Expected the fixed-date holidays among the days off, but ${missing.join(', ')} is missing` });
  return problems;
}

/**
 * `data` with the arrangement of `a.year` in place of the year's own dates: a year already held is replaced
 * (a corrected notice), the year after the last one extends the data. `source` names the notice, so the
 * calendar's version changes and every open deadline counted on the former version is recalculated.
 * Throws a RangeError for a year that would leave a gap, or for an arrangement with problems.
 */
export function withArrangement(data: OfficialCalendarData, a: YearArrangement, source: string): OfficialCalendarData {
  const problems = arrangementProblems(a);
  if (problems.length) throw new RangeError(`${problems[0]!.field}: ${problems[0]!.message}`);
  if (a.year < data.firstYear || a.year > data.lastYear + 1) {
    throw new RangeError(`Expected a year from ${data.firstYear} to ${data.lastYear + 1}, but it was ${a.year}`);
  }
  const other = (d: IsoDate) => Number(d.slice(0, 4)) !== a.year;
  return {
    source,
    firstYear: data.firstYear,
    lastYear: Math.max(data.lastYear, a.year),
    holidays: [...data.holidays.filter(other), ...a.holidays].sort(),
    makeUpDays: [...data.makeUpDays.filter(other), ...a.makeUpDays].sort(),
  };
}
