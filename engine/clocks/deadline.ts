/**
 * The deadline of one clock. Counting (民法典 第201条): the trigger day is not counted and "N days after D" is
 * the N-th day of the limit's unit after D. Suspensions (行政许可法 第45条) push the deadline by the suspended
 * days that fall before it. The limit ends at the end of its last day: 24:00, or the office's closing time
 * when the item uses business hours (民法典 第203条); a calendar-day limit ending on a day off ends on the
 * next working day (民法典 第203条第1款).
 */
import { instantAt, instantMillis, parseClockTime, toZoned } from '../calendar/dates.js';
import { provisionalWarning } from '../calendar/provisional.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { resolveCountStart } from './counting-policy.js';
import { normalizeSpans } from './suspension-spans.js';
import { assertLimit, type ClockInput, type Deadline } from './types.js';
import { addInUnit, countInUnit, rollToWorkingDay } from './units.js';

/** Computes a clock's deadline from its inputs on `calendar`. Pure: same inputs and calendar, same deadline. */
export function computeDeadline(calendar: WorkingCalendar, input: ClockInput): Deadline {
  const limit = assertLimit(input.limit);
  const unit = limit.unit;
  let budget = limit.value;
  if (input.extension) {
    assertLimit(input.extension, 'extension');
    if (input.extension.unit !== unit) {
      throw new RangeError(`Expected the extension in ${unit} like its limit, but it was in ${input.extension.unit}`);
    }
    budget += input.extension.value;
  }
  const start = resolveCountStart(calendar, input.trigger, input.policy ?? 'C1');
  let date = addInUnit(calendar, start.countFrom, budget, unit);

  // Walk the suspensions in order: each one that starts before the running deadline pushes it by the days it
  // suspends after the count start (the start day itself is used, 行政许可法 第45条 as counted in scenario S5).
  // A zero limit (即办件, done the same day) is used up at the trigger, so no suspension can extend it.
  let suspendedDays = 0;
  const spans = budget > 0 ? normalizeSpans(input.suspensions ?? [], input.now, calendar.zone) : [];
  for (const span of spans) {
    if (span.start >= date) break;
    const from = span.start > start.countFrom ? span.start : start.countFrom;
    const days = countInUnit(calendar, from, span.end, unit);
    suspendedDays += days;
    date = addInUnit(calendar, date, days, unit);
  }

  let rolledForwardFrom: IsoDate | undefined;
  if (unit === 'CD' && budget > 0) {
    const rolled = rollToWorkingDay(calendar, date);
    if (rolled !== date) [rolledForwardFrom, date] = [date, rolled];
  }

  const closing = input.useBusinessHours && calendar.businessHours ? calendar.businessHours.close : undefined;
  const warning = provisionalWarning(calendar, [date]);
  return {
    date,
    instant: instantAt(date, closing === undefined ? 1440 : parseClockTime(closing), calendar.zone),
    unit,
    value: limit.value,
    calendarVersion: calendar.version,
    provisional: calendar.isProvisional(date) || calendar.isProvisional(start.countFrom),
    ...(warning ? { warning } : {}),
    basis: {
      rule: input.rule,
      article: input.article,
      trigger: input.trigger,
      countFrom: start.countFrom,
      policy: start.policy,
      ...(start.deemedReceipt ? { deemedReceipt: start.deemedReceipt } : {}),
      suspendedDays,
      ...(input.extension ? { extension: input.extension } : {}),
      ...(rolledForwardFrom ? { rolledForwardFrom } : {}),
      endOfDay: closing === undefined ? 'midnight' : 'office-closing',
    },
  };
}

/**
 * Whether the limit has run out at `now`. With a date, from 00:00 after the deadline day; with an instant,
 * from the deadline's instant (24:00 or office closing).
 */
export function hasExpired(deadline: Deadline, now: string, zone: string): boolean {
  const point = toZoned(now, zone);
  if (point.minute === undefined) return point.date > deadline.date;
  return instantMillis(now, zone) >= instantMillis(deadline.instant, zone);
}
