/**
 * How the official working-day calendar stands (行政许可法 第82条): the years of the State Council's holiday
 * arrangements it holds, whether next year's is still missing, and the cases in handling whose promised or
 * statutory deadline lies beyond the last year held. Such a deadline is provisional (weekends and the
 * fixed-date holidays only) until the arrangement is loaded and the open cases recalculated, so operations
 * must be told: the console's calendar page, `/readyz` and the metrics read this one query.
 */
import type { Knex } from 'knex';
import { instantAt, toZoned } from '../../engine/calendar/dates.js';
import { toUtc } from '../../engine/runtime/projection.js';
import type { WorkingCalendar } from '../../engine/calendar/types.js';
import { HANDLING_STATUSES } from './approval-cases.js';
import { instant } from '../store/rows.js';
import type { CalendarStatus, ProvisionalCase } from '../../contracts/api/calendar.js';

export type { CalendarStatus, ProvisionalCase };

/** The years a calendar holds official data for; `undefined` for a calendar without such data (a test's). */
export function coveredYears(calendar: WorkingCalendar): { first: number; last: number } | undefined {
  return (calendar as WorkingCalendar & { coveredYears?: { first: number; last: number } }).coveredYears;
}

/** The most provisional cases listed; the count covers them all. */
const LIST_CAP = 200;

/** The calendar status on `now`: the years held and the cases in handling with a provisional deadline. */
export async function calendarStatus(knex: Knex, calendar: WorkingCalendar, now: string): Promise<CalendarStatus> {
  const thisYear = Number(toZoned(now, calendar.zone).date.slice(0, 4));
  const years = coveredYears(calendar) ?? { first: thisYear, last: Number.MAX_SAFE_INTEGER };
  // A limit ending at 24:00 of 12-31 of the last year is stored as 00:00 of the next day: still official.
  const beyond = toUtc(instantAt(`${years.last + 1}-01-01`, 0, calendar.zone));
  const provisional = () => knex('cases as c').whereIn('c.status', HANDLING_STATUSES)
    .where((q) => q.where('c.promised_deadline', '>', beyond).orWhere('c.statutory_deadline', '>', beyond));
  const counted = years.last === Number.MAX_SAFE_INTEGER ? 0 : Number((await provisional().count<{ n: number | string }[]>({ n: '*' }).first())?.n ?? 0);
  const rows: Array<Record<string, unknown>> = counted === 0 ? [] : await provisional().leftJoin('items as i', 'i.code', 'c.item_key')
    .orderBy('c.case_no').limit(LIST_CAP).select('c.case_no', 'c.item_key', 'c.department', 'c.promised_deadline', 'c.statutory_deadline', 'i.name as item_name');
  return {
    version: calendar.version, zone: calendar.zone, firstYear: years.first, lastYear: years.last,
    thisYear, nextYear: thisYear + 1, nextYearMissing: years.last < thisYear + 1,
    provisionalCases: counted,
    cases: rows.map((r) => ({
      caseNo: String(r.case_no), itemCode: String(r.item_key),
      ...(r.item_name ? { itemName: String(r.item_name) } : {}),
      ...(r.department ? { department: String(r.department) } : {}),
      ...(r.promised_deadline ? { promisedDeadline: instant(r.promised_deadline)! } : {}),
      ...(r.statutory_deadline ? { statutoryDeadline: instant(r.statutory_deadline)! } : {}),
    })),
  };
}
