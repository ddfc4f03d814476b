/**
 * The hearing clocks of 行政许可法 第47条 and 第48条:
 *
 * - 第47条: the applicant and the interested parties are told of their right to a hearing and may request one
 *   within 5 days of being told; the agency then holds the hearing within 20 days of the request.
 * - 第48条第1款第1项: the agency notifies the time and place of the hearing 7 days before it.
 * - 第45条: the time the hearing takes is not counted toward the limit (the HEARING special procedure).
 *
 * Units. 第82条 says the limits this Law sets for an agency are working days, statutory holidays excluded, so
 * the 20 days to hold the hearing and the 7 days of notice are working days. The 5 days to request are the
 * parties' period, not the agency's; Shenpi counts them in working days too: the same Law and article, and
 * the reading that never cuts a party's period short. Every limit carries its unit, so an item whose own
 * regulation says calendar days passes `{ unit: 'CD' }`.
 *
 * Counting (民法典 第201条): the day of the notice or request is not counted. "Within 5 days of the notice"
 * ends with the 5th working day after it. "7 days before the hearing" means the hearing day is at the earliest
 * the 7th working day after the day of the notice (the notice day is the 7th working day before the hearing).
 */
import { addCalendarDays, toZoned } from '../calendar/dates.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { ARTICLES } from './articles.js';
import { computeDeadline, hasExpired } from './deadline.js';
import { assertLimit, refused, type Decision, type Deadline, type Limit } from './types.js';
import { addInUnit, countInUnit } from './units.js';

/** 第47条: the parties request a hearing within 5 working days of being told of the right. */
export const HEARING_REQUEST_WINDOW: Limit = { value: 5, unit: 'WD' };
/** 第47条: the agency holds the hearing within 20 working days of the request. */
export const HEARING_HOLD_LIMIT: Limit = { value: 20, unit: 'WD' };
/** 第48条第1款第1项: the time and place are notified 7 working days before the hearing. */
export const HEARING_NOTICE_LEAD: Limit = { value: 7, unit: 'WD' };

/** The last day to request a hearing, counted from the notice of the right (rule `hearing:request`). */
export function hearingRequestDeadline(calendar: WorkingCalendar, notified: string, limit: Limit = HEARING_REQUEST_WINDOW): Deadline {
  return computeDeadline(calendar, { rule: 'hearing:request', article: ARTICLES.hearing, trigger: notified, limit });
}

/** The last day to hold the hearing, counted from the request (rule `hearing:hold`). */
export function hearingHoldDeadline(calendar: WorkingCalendar, requested: string, limit: Limit = HEARING_HOLD_LIMIT): Deadline {
  return computeDeadline(calendar, { rule: 'hearing:hold', article: ARTICLES.hearing, trigger: requested, limit });
}

/** The earliest day a hearing notified on `noticeDay` may be held: the `lead`-th day after the notice (第48条). */
export function earliestHearingDay(calendar: WorkingCalendar, noticeDay: IsoDate, lead: Limit = HEARING_NOTICE_LEAD): IsoDate {
  assertLimit(lead, 'notice lead');
  return addInUnit(calendar, noticeDay, lead.value, lead.unit);
}

/** The last day the time and place of a hearing on `hearingDay` may be notified (第48条). */
export function latestNoticeDay(calendar: WorkingCalendar, hearingDay: IsoDate, lead: Limit = HEARING_NOTICE_LEAD): IsoDate {
  assertLimit(lead, 'notice lead');
  if (lead.unit === 'CD') return addCalendarDays(hearingDay, -lead.value);
  // The latest day N with `lead` working days in (N, hearingDay]; holidays make the walk at most a few weeks.
  let day = addCalendarDays(hearingDay, -lead.value);
  while (countInUnit(calendar, day, hearingDay, 'WD') < lead.value) day = addCalendarDays(day, -1);
  return day;
}

/** Decides a hearing request made at `at` (a date or instant) against the request deadline (第47条). */
export function decideHearingRequest(requestBy: Deadline, at: string, zone: string): Decision<{ requestedOn: IsoDate }> {
  const requestedOn = toZoned(at, zone).date;
  if (hasExpired(requestBy, at, zone)) {
    const unit = requestBy.unit === 'WD' ? 'working days' : 'days';
    return refused(
      'hearing.request-late',
      `Expected the hearing request within ${requestBy.value} ${unit} of the notice (${ARTICLES.hearing}: by ${requestBy.date}), but it came on ${requestedOn}`,
    );
  }
  return { ok: true, requestedOn };
}

/** A proposed hearing: notified on `noticeDay`, to be held on `hearingDay`. */
export interface HearingSchedule {
  readonly noticeDay: IsoDate;
  readonly hearingDay: IsoDate;
  /** The deadline to hold the hearing, from the request. */
  readonly holdBy: Deadline;
  readonly lead?: Limit;
}

/**
 * Decides the notice of a hearing's time and place: the hearing day must be within the hold limit (第47条), and
 * the notice must come `lead` days before it (第48条). Returns the earliest lawful hearing day for the notice.
 */
export function decideHearingSchedule(calendar: WorkingCalendar, s: HearingSchedule): Decision<{ earliest: IsoDate; latestNotice: IsoDate }> {
  const lead = s.lead ?? HEARING_NOTICE_LEAD;
  const earliest = earliestHearingDay(calendar, s.noticeDay, lead);
  const latestNotice = latestNoticeDay(calendar, s.hearingDay, lead);
  const unit = (l: Limit) => (l.unit === 'WD' ? 'working days' : 'days');
  if (s.hearingDay > s.holdBy.date) {
    return refused(
      'hearing.beyond-limit',
      `Expected the hearing within ${s.holdBy.value} ${unit(s.holdBy)} of the request (${ARTICLES.hearing}: by ${s.holdBy.date}), but it is set for ${s.hearingDay}`,
    );
  }
  if (s.hearingDay < earliest) {
    return refused(
      'hearing.notice-too-late',
      `Expected the notice of the hearing's time and place ${lead.value} ${unit(lead)} before it (${ARTICLES.hearingNotice}: by ${latestNotice} for a hearing on ${s.hearingDay}), but it is given on ${s.noticeDay}`,
    );
  }
  return { ok: true, earliest, latestNotice };
}
