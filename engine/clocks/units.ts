/**
 * Day arithmetic in a limit's unit. Working days come from the calendar (行政许可法 第82条); calendar days are
 * plain days, and a calendar-day period that ends on a day off ends on the next working day (民法典 第203条).
 */
import { addCalendarDays, toDayNumber } from '../calendar/dates.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import type { TimeUnit } from './types.js';

/** The n-th day of `unit` after `date` (the date itself not counted, 民法典 第201条). */
export function addInUnit(calendar: WorkingCalendar, date: IsoDate, n: number, unit: TimeUnit): IsoDate {
  return unit === 'WD' ? calendar.addWorkingDays(date, n) : addCalendarDays(date, n);
}

/** The number of days of `unit` d with `from < d <= to` (0 when `to <= from`). */
export function countInUnit(calendar: WorkingCalendar, from: IsoDate, to: IsoDate, unit: TimeUnit): number {
  if (unit === 'WD') return calendar.countWorkingDays(from, to);
  return Math.max(0, toDayNumber(to) - toDayNumber(from));
}

/** `date` itself when it is a working day, otherwise the next working day (民法典 第203条第1款). */
export function rollToWorkingDay(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  return calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1);
}
