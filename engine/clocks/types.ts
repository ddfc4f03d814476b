/**
 * The values the legal clocks exchange. Everything is plain JSON so that deadlines can be stored in events
 * and recomputed when a new calendar is loaded.
 */
import type { IsoDate } from '../calendar/types.js';

export type { IsoDate };

/** The unit of a limit: working days (工作日, 行政许可法 第82条) or calendar days (自然日). */
export type TimeUnit = 'WD' | 'CD';

/** A time limit with its explicit unit. */
export interface Limit {
  readonly value: number;
  readonly unit: TimeUnit;
}

/**
 * How the start of a period is found. C1 (default): the trigger day is not counted (民法典 第201条).
 * C2: a receipt outside working time counts as received on the next working day, which is then not counted.
 */
export type CountingPolicy = 'C1' | 'C2';

/** A suspension of a clock: the days d with `start < d <= end` are not counted; open while `end` is absent. */
export interface SuspensionSpan {
  readonly start: IsoDate;
  readonly end?: IsoDate | undefined;
}

/** What a deadline was computed from: the rule, the article, the inputs and what moved it. */
export interface DeadlineBasis {
  /** Which clock: `statutory`, `promised`, `step:<id>`, `pre-acceptance`, `delivery`, `co-department:<dept>` … */
  readonly rule: string;
  /** The article of law or regulation the limit comes from. */
  readonly article: string;
  /** The trigger exactly as given (a date or an instant). */
  readonly trigger: string;
  /** The day not counted: the trigger's day, or under C2 the deemed receipt day. */
  readonly countFrom: IsoDate;
  readonly policy: CountingPolicy;
  /** Under C2, set when the receipt was outside working time and deemed received on this day. */
  readonly deemedReceipt?: IsoDate;
  /** Days (in the limit's unit) added for suspensions (行政许可法 第45条). */
  readonly suspendedDays: number;
  /** An approved extension included in the deadline (行政许可法 第42条). */
  readonly extension?: Limit;
  /** For calendar-day limits ending on a day off: the day it would have ended (民法典 第203条). */
  readonly rolledForwardFrom?: IsoDate;
  /** Whether the limit ends at 24:00 or at the office's closing time (民法典 第203条). */
  readonly endOfDay: 'midnight' | 'office-closing';
}

/** A computed deadline, recording the calendar version and the inputs it came from. */
export interface Deadline {
  /** The last day of the limit. */
  readonly date: IsoDate;
  /** The exclusive end of the limit: 24:00 of `date` (written as 00:00 of the next day) or office closing. */
  readonly instant: string;
  readonly unit: TimeUnit;
  /** The limit's value, before any extension. */
  readonly value: number;
  readonly calendarVersion: string;
  /** True when the date lies beyond the official calendar data. */
  readonly provisional: boolean;
  /** The operator warning for a provisional deadline. */
  readonly warning?: string;
  readonly basis: DeadlineBasis;
}

/** The inputs of one clock; storing them lets the runtime recompute the deadline on a new calendar. */
export interface ClockInput {
  /** Which clock (see {@link DeadlineBasis.rule}). */
  readonly rule: string;
  /** The article the limit comes from. */
  readonly article: string;
  /** The triggering event: a date `YYYY-MM-DD` or an ISO 8601 instant. */
  readonly trigger: string;
  readonly limit: Limit;
  /** Counting policy; C1 when absent. */
  readonly policy?: CountingPolicy;
  /** End at the office's closing time instead of 24:00 when the calendar has business hours. */
  readonly useBusinessHours?: boolean;
  /** Suspensions that pause this clock. */
  readonly suspensions?: readonly SuspensionSpan[];
  /** An approved extension, in the limit's unit. */
  readonly extension?: Limit;
  /** The current date or instant: open suspensions count up to it. Required when a suspension is open. */
  readonly now?: string;
}

/** An expected refusal: a stable code and a message "Expected …, but …". */
export interface ClockRefusal {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
}

/** An accepted outcome carrying `T`, or a rejection. */
export type Decision<T> = ({ readonly ok: true } & T) | ClockRefusal;

/** Builds a rejection. */
export function refused(code: string, message: string): ClockRefusal {
  return { ok: false, code, message };
}

/** Throws unless the limit is a non-negative integer in a known unit (a bad limit is a definition bug). */
export function assertLimit(limit: Limit, what = 'limit'): Limit {
  if (!Number.isInteger(limit.value) || limit.value < 0 || (limit.unit !== 'WD' && limit.unit !== 'CD')) {
    throw new RangeError(`Expected ${what} to be a non-negative integer of WD or CD, but it was ${JSON.stringify(limit)}`);
  }
  return limit;
}
