/**
 * One year of working days as a bitmap with a prefix count, so that counting and adding working days cost
 * a subtraction and a binary search instead of a day-by-day walk.
 */
import { fromDayNumber, toDayNumber } from './dates.js';

/** A year's working days: `working[i]` for the i-th day of the year, `prefix[i]` = working days among days 0..i-1. */
export interface YearTable {
  readonly year: number;
  /** Day number of 1 January. */
  readonly firstDay: number;
  readonly length: number;
  readonly working: Uint8Array;
  readonly prefix: Uint16Array;
  /** Working days in the whole year. */
  readonly total: number;
}

/** Builds the table of `year` from a predicate over dates. */
export function buildYearTable(year: number, isWorking: (date: string, day: number) => boolean): YearTable {
  const firstDay = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
  const length = toDayNumber(`${String(year + 1).padStart(4, '0')}-01-01`) - firstDay;
  const working = new Uint8Array(length);
  const prefix = new Uint16Array(length + 1);
  for (let i = 0; i < length; i++) {
    const day = firstDay + i;
    working[i] = isWorking(fromDayNumber(day), day) ? 1 : 0;
    prefix[i + 1] = prefix[i]! + working[i]!;
  }
  return { year, firstDay, length, working, prefix, total: prefix[length]! };
}

/** Working days from 1 January through the day at index `i` (inclusive). */
export function workingUpTo(table: YearTable, i: number): number {
  return table.prefix[i + 1]!;
}

/**
 * The smallest day index whose inclusive count from 1 January reaches `target` (1 <= target <= total).
 * Binary search over the prefix counts.
 */
export function indexOfCount(table: YearTable, target: number): number {
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.prefix[mid + 1]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
