/**
 * The rule for years the official data does not cover yet. The State Council publishes each year's
 * arrangement late in the previous year, so deadlines that fall in an unpublished year are provisional:
 * weekends and the fixed-date holidays are off, everything else is a working day. The lunar holidays
 * (春节, 清明, 端午, 中秋) and the 调休 days are unknown until the arrangement is published.
 */
import { toDayNumber, weekdayOf } from './dates.js';
import type { IsoDate, WorkingCalendar } from './types.js';

/**
 * Month-day of the holidays fixed by 全国年节及纪念日放假办法 whatever the year: 元旦 01-01, 劳动节 05-01 and
 * 国庆节 10-01..03. (The 2025 revision added 05-02 and 10-04 only as part of arranged periods, so they are left
 * to the published arrangement.)
 */
export const FIXED_DATE_HOLIDAYS: readonly string[] = ['01-01', '05-01', '10-01', '10-02', '10-03'];

/** Whether a date is a working day under the provisional rule (weekends and fixed-date holidays off). */
export function isProvisionalWorkingDay(date: IsoDate): boolean {
  const wd = weekdayOf(toDayNumber(date));
  return wd !== 0 && wd !== 6 && !FIXED_DATE_HOLIDAYS.includes(date.slice(5));
}

/**
 * A message an operator can be shown when any of `dates` is provisional on `calendar`, or `undefined`
 * when every date is covered by official data.
 */
export function provisionalWarning(calendar: WorkingCalendar, dates: readonly IsoDate[]): string | undefined {
  const provisional = [...new Set(dates.filter((d) => calendar.isProvisional(d)))].sort();
  if (provisional.length === 0) return undefined;
  const years = [...new Set(provisional.map((d) => d.slice(0, 4)))].join(', ');
  return (
    `Provisional: ${provisional.join(', ')} lies in ${years}, beyond the official holiday data of calendar ` +
    `${calendar.version}. It was computed from weekends and the fixed-date holidays (01-01, 05-01, 10-01..03) ` +
    `only, and will be recomputed when the State Council's arrangement for ${years} is loaded.`
  );
}
