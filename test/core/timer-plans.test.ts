/**
 * When a timer or a step's limit falls due, on the official calendar and in its zone. Expected dates are
 * worked out by hand from the State Council's 2026 arrangement (国庆节 10-01..07; 10-10 a make-up working day).
 */
import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import { limitDueAt, planTimer } from '../../engine/core/time.js';

const cal = new ChineseWorkingCalendar();

describe('timer dates and step limits', () => {
  it('reads a timeDate without an offset in the calendar zone (Beijing), not the host zone', () => {
    // 09:00 in Beijing is 01:00 UTC, whatever zone the server's host is set to.
    const plan = planTimer({ type: 'date', expression: '2026-10-09T09:00:00' }, '2026-10-08T02:00:00Z', cal, {});
    expect(plan.dueAt).toBe('2026-10-09T09:00:00+08:00');
    expect(planTimer({ type: 'date', expression: '=start' }, '2026-10-08T02:00:00Z', cal, { start: '2026-10-09T09:00:00' }).dueAt).toBe('2026-10-09T09:00:00+08:00');
    // A date with its own offset keeps it.
    expect(planTimer({ type: 'date', expression: '2026-10-09T01:00:00Z' }, '2026-10-08T02:00:00Z', cal, {}).dueAt).toBe('2026-10-09T01:00:00Z');
  });

  it('counts a step limit as the legal clocks do: a calendar-day limit ending on a holiday ends on the next working day', () => {
    // Started Mon 09-28 (10:00 Beijing): 3 calendar days after it is Thu 10-01, a National Day holiday, so the
    // limit ends with the next working day, Thu 10-08, at 24:00 (民法典 第203条).
    expect(limitDueAt('2026-09-28T02:00:00Z', { value: 3, unit: 'CD' }, cal)).toBe('2026-10-09T00:00:00+08:00');
    // One working day after Fri 10-09 is the make-up Saturday 10-10 (scenario S2), ending at 24:00.
    expect(limitDueAt('2026-10-09T02:00:00Z', { value: 1, unit: 'WD' }, cal)).toBe('2026-10-11T00:00:00+08:00');
    // The day is the Beijing one: 23:30 UTC on 10-08 is already Fri 10-09 in Beijing.
    expect(limitDueAt('2026-10-08T23:30:00Z', { value: 1, unit: 'WD' }, cal)).toBe('2026-10-11T00:00:00+08:00');
  });
});
