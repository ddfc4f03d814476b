/**
 * Where counting starts. Under C1 (the default) the day of the trigger is not counted and counting starts
 * the next day (民法典 第201条), whatever the time of day. Under C2 a receipt outside working time (a day off,
 * or after closing when the office has business hours) is deemed received on the next working day, and that
 * day is then the one not counted.
 */
import { parseClockTime, toZoned } from '../calendar/dates.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import type { CountingPolicy } from './types.js';

/** The day not counted, and under C2 the deemed receipt day when the receipt was outside working time. */
export interface CountStart {
  readonly countFrom: IsoDate;
  readonly policy: CountingPolicy;
  readonly deemedReceipt?: IsoDate;
}

/** Whether an instant's local minute lies after closing on a working day (C2's "outside working time"). */
function afterClosing(calendar: WorkingCalendar, minute: number | undefined): boolean {
  if (minute === undefined || !calendar.businessHours) return false;
  return minute >= parseClockTime(calendar.businessHours.close);
}

/**
 * Resolves the day a period counts from. `trigger` is a date or an ISO 8601 instant (placed in the
 * calendar's zone).
 */
export function resolveCountStart(calendar: WorkingCalendar, trigger: string, policy: CountingPolicy = 'C1'): CountStart {
  const { date, minute } = toZoned(trigger, calendar.zone);
  if (policy === 'C1') return { countFrom: date, policy };
  if (calendar.isWorkingDay(date) && !afterClosing(calendar, minute)) return { countFrom: date, policy };
  const deemed = calendar.addWorkingDays(date, 1);
  return { countFrom: deemed, policy, deemedReceipt: deemed };
}
