/**
 * Suspension arithmetic (行政许可法 第45条: time for the listed procedures is not counted). A suspension from
 * S to E suspends the days d with S < d <= E: the start day is still used, counting resumes after the end day.
 * An open suspension runs up to `now`.
 */
import { toDayNumber, toZoned } from '../calendar/dates.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import type { SuspensionSpan, TimeUnit } from './types.js';
import { countInUnit } from './units.js';

/** A closed suspension interval (start, end] of dates. */
export interface ClosedSpan {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/**
 * Closes open spans at `now`, drops empty ones, and merges overlapping or touching spans, sorted by start.
 * Throws when a span is open and `now` is missing, or ends before it starts (bugs, not outcomes).
 */
export function normalizeSpans(spans: readonly SuspensionSpan[], now: string | undefined, zone: string): ClosedSpan[] {
  const nowDate = now === undefined ? undefined : toZoned(now, zone).date;
  const closed: ClosedSpan[] = [];
  for (const s of spans) {
    const end = s.end ?? nowDate;
    if (end === undefined) {
      throw new RangeError(`Expected 'now' to close the open suspension started ${s.start}, but it was missing`);
    }
    if (s.end !== undefined && s.end < s.start) {
      throw new RangeError(`Expected the suspension ${s.start}..${s.end} to end on or after its start`);
    }
    if (end > s.start) closed.push({ start: s.start, end });
  }
  closed.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: ClosedSpan[] = [];
  for (const s of closed) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) merged[merged.length - 1] = { start: last.start, end: s.end > last.end ? s.end : last.end };
    else merged.push(s);
  }
  return merged;
}

/** Suspended days (in `unit`) in the window (after, upTo]: the union of the spans clipped to it. */
export function suspendedDaysIn(
  calendar: WorkingCalendar,
  spans: readonly ClosedSpan[],
  after: IsoDate,
  upTo: IsoDate,
  unit: TimeUnit,
): number {
  let total = 0;
  for (const s of spans) {
    const from = s.start > after ? s.start : after;
    const to = s.end < upTo ? s.end : upTo;
    total += countInUnit(calendar, from, to, unit);
  }
  return total;
}

/** Whether `date` is a suspended day of any span (start < date <= end). */
export function isSuspendedOn(spans: readonly ClosedSpan[], date: IsoDate): boolean {
  const d = toDayNumber(date);
  return spans.some((s) => toDayNumber(s.start) < d && d <= toDayNumber(s.end));
}
