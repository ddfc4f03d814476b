/**
 * The supervision lights (电子监察 红黄绿灯) of a case or a step, as scenario S8 defines them:
 * `elapsed(day)` is the number of days strictly between the count start (acceptance) and `day`, minus suspended
 * days. GREEN while elapsed < 80% of the limit; YELLOW (预警) from 80% while the deadline has not passed; RED (超期)
 * from 00:00 after the deadline day if not completed; PAUSED (暂停计时) on suspended days. Thresholds are
 * configurable per locality and item.
 */
import { addCalendarDays, toZoned } from '../calendar/dates.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { isSuspendedOn, normalizeSpans, suspendedDaysIn } from './suspension-spans.js';
import type { Deadline, SuspensionSpan } from './types.js';
import { countInUnit } from './units.js';
import type { Light } from '../../contracts/vocabulary/lights.js';

/**
 * A light of 红黄绿灯: GREEN, YELLOW the early warning (预警), RED overdue (超期), PAUSED while suspended. The
 * early warning was once called `blue`; `light.changed` events of version 1 are raised to the new name.
 */
export type { Light };

/** When the early warning starts: at a share of the limit used, or when few days are left (either suffices). */
export interface LightThresholds {
  /** Percent of the limit elapsed from which the light is YELLOW; 80 by default. */
  readonly warnAtPercent?: number;
  /** YELLOW as well when at most this many days of the limit are left; off by default. */
  readonly warnWhenDaysLeft?: number;
}

/** Inputs of a light. */
export interface LightInput {
  /** The clock's deadline (its basis gives the count start, the limit and any extension). */
  readonly deadline: Deadline;
  /** The suspensions that pause this clock; open ones run up to the evaluated day. */
  readonly suspensions?: readonly SuspensionSpan[];
  /** The day the case or step was completed, if it was. */
  readonly completedOn?: IsoDate;
  /** The date or instant the light is shown for. */
  readonly on: string;
  readonly thresholds?: LightThresholds;
}

/** A light with the numbers behind it. */
export interface LightReading {
  readonly light: Light;
  /** Days of the limit used before the evaluated day (S8's elapsed). */
  readonly elapsed: number;
  /** The limit including any extension. */
  readonly limit: number;
  readonly remaining: number;
  readonly completed: boolean;
  /** The deadline day has passed without completion, or completion came after it. */
  readonly overdue: boolean;
  /** Why the light is what it is, with the thresholds it was read with. */
  readonly reason: LightReason;
}

/**
 * Why a light shows: `overdue` (the limit ended at `endsAt` without completion), `completed-late`, `completed`
 * (in time), `paused` (a special procedure, 第45条), `warn-percent` (at least `warnAtPercent`% used),
 * `warn-days-left` (at most `warnWhenDaysLeft` days left), `within` (under both thresholds).
 */
export interface LightReason {
  readonly code: 'overdue' | 'completed-late' | 'completed' | 'paused' | 'warn-percent' | 'warn-days-left' | 'within';
  /** The instant the limit ends (24:00 or office closing of its last day). */
  readonly endsAt: string;
  readonly warnAtPercent: number;
  readonly warnWhenDaysLeft?: number;
}

/** The elapsed days of a clock before `day`: days strictly between the count start and `day`, minus suspended ones. */
export function elapsedBefore(calendar: WorkingCalendar, deadline: Deadline, suspensions: readonly SuspensionSpan[], day: IsoDate): number {
  const from = deadline.basis.countFrom;
  const upTo = addCalendarDays(day, -1);
  const spans = normalizeSpans(suspensions, day, calendar.zone);
  return countInUnit(calendar, from, upTo, deadline.unit) - suspendedDaysIn(calendar, spans, from, upTo, deadline.unit);
}

/**
 * The light of a clock on a day. An instant `on` turns the light RED from the deadline's own instant, so a limit
 * ending at office closing (民法典 第203条) is RED from closing time on its last day (a 即办件 at 17:00); a date
 * `on` from 00:00 after the deadline day. Thresholds: the input's, else the locality's, else 80%.
 */
export function lightOn(calendar: WorkingCalendar, input: LightInput): LightReading {
  const { deadline } = input;
  const limit = deadline.value + (deadline.basis.extension?.value ?? 0);
  const point = toZoned(input.on, calendar.zone);
  const on = point.date;
  const completed = input.completedOn !== undefined && input.completedOn <= on;
  const day = completed ? input.completedOn! : on;
  const suspensions = input.suspensions ?? [];
  const elapsed = Math.max(0, elapsedBefore(calendar, deadline, suspensions, day));
  const remaining = limit - elapsed;
  const local = calendar.locality?.lightThresholds;
  const warnAtPercent = input.thresholds?.warnAtPercent ?? local?.warnAtPercent ?? 80;
  const daysLeft = input.thresholds?.warnWhenDaysLeft ?? local?.warnWhenDaysLeft;
  const overdue = completed || point.minute === undefined ? day > deadline.date : Date.parse(input.on) >= Date.parse(deadline.instant);
  const why = (code: LightReason['code']): LightReason => ({ code, endsAt: deadline.instant, warnAtPercent, ...(daysLeft !== undefined ? { warnWhenDaysLeft: daysLeft } : {}) });
  const reading = { elapsed, limit, remaining, completed, overdue };
  if (overdue) return { ...reading, light: 'red', reason: why(completed ? 'completed-late' : 'overdue') };
  if (completed) return { ...reading, light: 'green', reason: why('completed') };
  if (isSuspendedOn(normalizeSpans(suspensions, day, calendar.zone), day)) return { ...reading, light: 'paused', reason: why('paused') };
  if (elapsed * 100 >= warnAtPercent * limit) return { ...reading, light: 'yellow', reason: why('warn-percent') };
  if (daysLeft !== undefined && remaining <= daysLeft) return { ...reading, light: 'yellow', reason: why('warn-days-left') };
  return { ...reading, light: 'green', reason: why('within') };
}
