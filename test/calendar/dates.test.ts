import { describe, expect, it } from 'vitest';
import {
  WeekdayCalendar,
  addCalendarDays,
  assertIsoDate,
  fromDayNumber,
  instantAt,
  instantMillis,
  isIsoDate,
  parseClockTime,
  toDayNumber,
  toZoned,
  weekdayName,
} from '../../engine/calendar/index.js';

describe('calendar dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-10-09T00:00')).toBe(false);
    expect(() => assertIsoDate('x', 'the start')).toThrow("Expected the start to be a date YYYY-MM-DD, but it was 'x'");
  });

  it('turns dates into day numbers and back across month and year ends', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2026-12-31') + 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayName('2026-10-10')).toBe('Sat');
  });

  it('parses wall-clock times', () => {
    expect(parseClockTime('09:00')).toBe(540);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(() => parseClockTime('24:30')).toThrow(RangeError);
    expect(() => parseClockTime('9:00')).toThrow(RangeError);
  });

  it('places instants in the zone; an instant without offset is local time', () => {
    expect(toZoned('2026-09-25T17:30:00+08:00', 'Asia/Shanghai')).toEqual({ date: '2026-09-25', minute: 1050 });
    expect(toZoned('2026-09-25T16:30:00Z', 'Asia/Shanghai')).toEqual({ date: '2026-09-26', minute: 30 });
    expect(toZoned('2026-09-25T08:00', 'Asia/Shanghai')).toEqual({ date: '2026-09-25', minute: 480 });
    expect(toZoned('2026-09-25', 'Asia/Shanghai')).toEqual({ date: '2026-09-25' });
    expect(() => toZoned('2026-09-25 at noon', 'Asia/Shanghai')).toThrow(RangeError);
  });

  it('places offset instants across a zone\'s offset changes and odd offsets, and refuses impossible ones', () => {
    // New York moves from −05:00 to −04:00 at 07:00Z on 2026-03-08 and back at 06:00Z on 2026-11-01.
    expect(toZoned('2026-03-08T06:59:00Z', 'America/New_York')).toEqual({ date: '2026-03-08', minute: 119 });
    expect(toZoned('2026-03-08T07:00:00Z', 'America/New_York')).toEqual({ date: '2026-03-08', minute: 180 });
    expect(toZoned('2026-03-08T07:07:00Z', 'America/New_York')).toEqual({ date: '2026-03-08', minute: 187 });
    expect(toZoned('2026-11-01T05:59:00Z', 'America/New_York')).toEqual({ date: '2026-11-01', minute: 119 });
    expect(toZoned('2026-11-01T06:00:00Z', 'America/New_York')).toEqual({ date: '2026-11-01', minute: 60 });
    // Kathmandu is +05:45, so its midnight is at 18:15Z the day before.
    expect(toZoned('2026-05-01T18:14:59Z', 'Asia/Kathmandu')).toEqual({ date: '2026-05-01', minute: 1439 });
    expect(toZoned('2026-05-01T18:15:00Z', 'Asia/Kathmandu')).toEqual({ date: '2026-05-02', minute: 0 });
    expect(toZoned('2026-10-09T20:30:00-05:00', 'Asia/Shanghai')).toEqual({ date: '2026-10-10', minute: 570 });
    expect(toZoned('2026-10-09T20:30Z', 'UTC')).toEqual({ date: '2026-10-09', minute: 1230 });
    expect(instantMillis('2026-10-09T09:00:00.5Z', 'Asia/Shanghai')).toBe(Date.parse('2026-10-09T09:00:00.500Z'));
    expect(instantMillis('2026-10-09T04:15:00-04:45', 'UTC')).toBe(Date.parse('2026-10-09T09:00:00Z'));
    expect(() => toZoned('2026-02-30T10:00:00+08:00', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => toZoned('2026-09-25T25:00:00Z', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => instantMillis('2026-09-25T10:61:00+08:00', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => toZoned('2026-09-25T10:00:00Z', 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });

  it('writes the end of a day as 00:00 of the next (24:00, 民法典 第203条) and office closing as is', () => {
    expect(instantAt('2026-12-31', 1440, 'Asia/Shanghai')).toBe('2027-01-01T00:00:00+08:00');
    expect(instantAt('2026-10-09', 17 * 60, 'Asia/Shanghai')).toBe('2026-10-09T17:00:00+08:00');
    expect(instantMillis('2026-10-09T17:00:00+08:00', 'Asia/Shanghai')).toBe(instantMillis('2026-10-09T09:00:00Z', 'UTC'));
  });
});

describe('WeekdayCalendar', () => {
  it('keeps its simple behaviour and can carry business hours', () => {
    const c = new WeekdayCalendar('Asia/Shanghai', { open: '09:00', close: '17:00' });
    expect(c.businessHours).toEqual({ open: '09:00', close: '17:00' });
    expect(new WeekdayCalendar().businessHours).toBeUndefined();
    expect(c.addWorkingDays('2026-10-09', 1)).toBe('2026-10-12');
    expect(c.isProvisional()).toBe(false);
  });
});
