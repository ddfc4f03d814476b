/**
 * The working-day arithmetic checked against a plain day-by-day walk over every day of 2004-2026, with the
 * `chinese-days` package's own `isWorkday` as the oracle.
 */
import chineseDays from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar, fromDayNumber, toDayNumber } from '../../engine/calendar/index.js';

const calendar = new ChineseWorkingCalendar();
const FIRST = toDayNumber('2004-01-01');
const LAST = toDayNumber('2026-12-31');
/** oracle[i] is chinese-days' verdict on day FIRST + i. */
const oracle: boolean[] = [];
for (let day = FIRST; day <= LAST; day++) oracle.push(chineseDays.isWorkday(fromDayNumber(day)));

function walkAdd(from: number, n: number): number | undefined {
  let day = from;
  let left = n;
  while (left > 0) {
    day += 1;
    if (day > LAST) return undefined;
    if (oracle[day - FIRST]) left -= 1;
  }
  return day;
}

function walkCount(from: number, to: number): number {
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (oracle[day - FIRST]) count++;
  return count;
}

const dayArb = fc.integer({ min: FIRST, max: LAST });

describe('ChineseWorkingCalendar against chinese-days, 2004-2026', () => {
  it('agrees with chinese-days isWorkday on every day of 2004-2026', () => {
    const disagreements: string[] = [];
    for (let day = FIRST; day <= LAST; day++) {
      const date = fromDayNumber(day);
      if (calendar.isWorkingDay(date) !== oracle[day - FIRST]) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
    expect(oracle.length).toBe(8401);
  });

  it('is never provisional inside the covered years', () => {
    fc.assert(fc.property(dayArb, (day) => !calendar.isProvisional(fromDayNumber(day))));
  });

  it('addWorkingDays returns the n-th working day of the walk', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 400 }), (day, n) => {
        const expected = walkAdd(day, n);
        fc.pre(expected !== undefined);
        expect(calendar.addWorkingDays(fromDayNumber(day), n)).toBe(fromDayNumber(expected!));
      }),
      { numRuns: 2000 },
    );
  });

  it('countWorkingDays equals the walk over (from, to]', () => {
    fc.assert(
      fc.property(dayArb, dayArb, (a, b) => {
        expect(calendar.countWorkingDays(fromDayNumber(a), fromDayNumber(b))).toBe(a < b ? walkCount(a, b) : 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('count after add gives back n, and add after count lands on the last working day not after `to`', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 800 }), (day, n) => {
        const from = fromDayNumber(day);
        const end = calendar.addWorkingDays(from, n);
        expect(calendar.countWorkingDays(from, end)).toBe(n);
        if (n > 0) expect(calendar.isWorkingDay(end)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(dayArb, dayArb, (a, b) => {
        fc.pre(a < b);
        const [from, to] = [fromDayNumber(a), fromDayNumber(b)];
        const c = calendar.countWorkingDays(from, to);
        expect(toDayNumber(calendar.addWorkingDays(from, c))).toBeLessThanOrEqual(b);
        expect(toDayNumber(calendar.addWorkingDays(from, c + 1))).toBeGreaterThan(b);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts are additive over a middle day', () => {
    fc.assert(
      fc.property(dayArb, dayArb, dayArb, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q).map(fromDayNumber) as [string, string, string];
        expect(calendar.countWorkingDays(a, b) + calendar.countWorkingDays(b, c)).toBe(calendar.countWorkingDays(a, c));
      }),
    );
  });

  it('adds 60 working days from every day of the covered years without walking past the covered data', () => {
    // Speed is measured in bench/; here the precomputed tables must agree with a walk at the far edge too.
    for (let day = FIRST; day <= FIRST + 8000; day += 97) {
      const from = fromDayNumber(day);
      expect(calendar.countWorkingDays(from, calendar.addWorkingDays(from, 60))).toBe(60);
    }
  });
});
