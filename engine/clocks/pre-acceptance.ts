/**
 * The pre-acceptance window (行政许可法 第32条): when materials are incomplete the agency must tell the
 * applicant, on the spot or within 5 days, in one notice, everything to correct; if it does not, the
 * application counts as accepted from the day the materials were received. Shenpi counts the 5 days as working
 * days (第82条). After the applicant supplies the corrections, the same window runs again from that receipt.
 */
import { toZoned } from '../calendar/dates.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { ARTICLES } from './articles.js';
import { computeDeadline, hasExpired } from './deadline.js';
import type { CountingPolicy, Deadline, Limit } from './types.js';

/** Default pre-acceptance window: 5 working days. */
export const DEFAULT_PRE_ACCEPTANCE_WINDOW: Limit = { value: 5, unit: 'WD' };

/** Inputs of the window. */
export interface PreAcceptanceInput {
  /** When the materials were received (date or instant). */
  readonly received: string;
  readonly window?: Limit;
  readonly policy?: CountingPolicy;
  readonly useBusinessHours?: boolean;
  /** The day a correction notice was issued, if one was. */
  readonly noticeIssuedOn?: IsoDate;
  /** The day the application was accepted or rejected, if it was. */
  readonly decidedOn?: IsoDate;
  /** The current date or instant. */
  readonly now: string;
}

/** Where the window stands. */
export type PreAcceptanceState =
  /** The window runs; the agency may still accept, reject or send the correction notice. */
  | 'open'
  /** A correction notice was issued within the window. */
  | 'notice-issued'
  /** The agency accepted or rejected within the window. */
  | 'decided'
  /** The window lapsed with neither: the application is accepted from its receipt (第32条). */
  | 'deemed-accepted';

/** The window's deadline, its state and, once it lapsed, the back-dated acceptance. */
export interface PreAcceptanceStatus {
  readonly deadline: Deadline;
  readonly state: PreAcceptanceState;
  readonly deemedAcceptance?: {
    /** The receipt day: the acceptance date the case clocks then run from. */
    readonly acceptedOn: IsoDate;
    readonly article: string;
    /** When the window lapsed. */
    readonly lapsedAt: string;
    /** True when a notice or decision came, but only after the window (a supervised violation). */
    readonly late: boolean;
  };
}

/** Evaluates the pre-acceptance window at `now`. */
export function preAcceptanceStatus(calendar: WorkingCalendar, input: PreAcceptanceInput): PreAcceptanceStatus {
  const deadline = computeDeadline(calendar, {
    rule: 'pre-acceptance',
    article: ARTICLES.preAcceptance,
    trigger: input.received,
    limit: input.window ?? DEFAULT_PRE_ACCEPTANCE_WINDOW,
    ...(input.policy ? { policy: input.policy } : {}),
    ...(input.useBusinessHours ? { useBusinessHours: true } : {}),
  });
  const within = (d: IsoDate | undefined) => d !== undefined && d <= deadline.date;
  if (within(input.decidedOn)) return { deadline, state: 'decided' };
  if (within(input.noticeIssuedOn)) return { deadline, state: 'notice-issued' };
  if (!hasExpired(deadline, input.now, calendar.zone)) return { deadline, state: 'open' };
  return {
    deadline,
    state: 'deemed-accepted',
    deemedAcceptance: {
      acceptedOn: toZoned(input.received, calendar.zone).date,
      article: ARTICLES.preAcceptance,
      lapsedAt: deadline.instant,
      late: input.decidedOn !== undefined || input.noticeIssuedOn !== undefined,
    },
  };
}
