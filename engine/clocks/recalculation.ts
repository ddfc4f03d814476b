/**
 * Recalculation when a new calendar is loaded (for example the State Council publishes next year's
 * arrangement and provisional deadlines become official). Given the open clocks' stored inputs and their
 * current deadlines, returns the deadlines that change; the runtime records each as an event (audit trail).
 */
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import { computeDeadline } from './deadline.js';
import type { ClockInput, Deadline } from './types.js';

/** One open clock: where it belongs, its inputs and its deadline as last computed. */
export interface OpenClock {
  readonly caseId: string;
  /** The clock within the case, e.g. `statutory`, `promised`, `step:review`. */
  readonly clockId: string;
  readonly input: ClockInput;
  readonly current: Deadline;
}

/** A deadline that moved, or that a new calendar confirmed (no longer provisional). */
export interface DeadlineChange {
  readonly caseId: string;
  readonly clockId: string;
  readonly oldDate: IsoDate;
  readonly newDate: IsoDate;
  readonly oldCalendarVersion: string;
  readonly calendarVersion: string;
  /** `moved`: the date or end instant changed; `confirmed`: same date, provisional status changed. */
  readonly change: 'moved' | 'confirmed';
  readonly deadline: Deadline;
}

/**
 * Recomputes every open clock on `calendar`. `now`, when given, replaces each input's `now` (open suspensions
 * run up to it). Only changed deadlines are returned, in input order.
 */
export function recalculateDeadlines(
  calendar: WorkingCalendar,
  clocks: readonly OpenClock[],
  options: { now?: string } = {},
): DeadlineChange[] {
  const changes: DeadlineChange[] = [];
  for (const clock of clocks) {
    const input = options.now ? { ...clock.input, now: options.now } : clock.input;
    const next = computeDeadline(calendar, input);
    const moved = next.date !== clock.current.date || next.instant !== clock.current.instant;
    const confirmed = next.provisional !== clock.current.provisional;
    if (!moved && !confirmed) continue;
    changes.push({
      caseId: clock.caseId,
      clockId: clock.clockId,
      oldDate: clock.current.date,
      newDate: next.date,
      oldCalendarVersion: clock.current.calendarVersion,
      calendarVersion: next.calendarVersion,
      change: moved ? 'moved' : 'confirmed',
      deadline: next,
    });
  }
  return changes;
}
