/** Suspension arithmetic checked against a naive walk: count only working days that are not suspended. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar, addCalendarDays, fromDayNumber, toDayNumber } from '../../engine/calendar/index.js';
import { computeDeadline, lightOn, type SuspensionSpan } from '../../engine/clocks/index.js';

const cal = new ChineseWorkingCalendar();
const FIRST = toDayNumber('2025-01-01');
const LAST = toDayNumber('2026-06-30');

function suspended(spans: readonly SuspensionSpan[], date: string): boolean {
  return spans.some((s) => s.start < date && date <= s.end!);
}

/** The day on which the n-th counted day (a working day not suspended) after `trigger` falls. */
function naiveDeadline(trigger: string, n: number, spans: readonly SuspensionSpan[]): string {
  let day = trigger;
  let left = n;
  while (left > 0) {
    day = addCalendarDays(day, 1);
    if (cal.isWorkingDay(day) && !suspended(spans, day)) left -= 1;
  }
  return day;
}

const spanArb = fc
  .tuple(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 0, max: 40 }))
  .map(([s, len]): SuspensionSpan => ({ start: fromDayNumber(s), end: fromDayNumber(s + len) }));

describe('suspensions against a naive walk', () => {
  it('the deadline is the day the limit is used up by unsuspended working days', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 0, max: 60 }), fc.array(spanArb, { maxLength: 4 }), (t, n, spans) => {
        const trigger = fromDayNumber(t);
        const d = computeDeadline(cal, { rule: 'r', article: 'a', trigger, limit: { value: n, unit: 'WD' }, suspensions: spans });
        expect(d.date).toBe(naiveDeadline(trigger, n, spans));
      }),
      { numRuns: 500 },
    );
  });

  it('on the deadline day the light has used all but the last day, and it is red the day after', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 1, max: 60 }), fc.array(spanArb, { maxLength: 3 }), (t, n, spans) => {
        const trigger = fromDayNumber(t);
        const deadline = computeDeadline(cal, { rule: 'r', article: 'a', trigger, limit: { value: n, unit: 'WD' }, suspensions: spans });
        const onDeadline = lightOn(cal, { deadline, suspensions: spans, on: deadline.date });
        expect(onDeadline.elapsed).toBe(n - 1);
        expect(onDeadline.light).not.toBe('red');
        expect(lightOn(cal, { deadline, suspensions: spans, on: addCalendarDays(deadline.date, 1) }).light).toBe('red');
      }),
      { numRuns: 300 },
    );
  });
});
