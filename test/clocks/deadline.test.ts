import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import { computeDeadline, hasExpired, resolveCountStart, type ClockInput } from '../../engine/clocks/index.js';

const cal = new ChineseWorkingCalendar();
const office = cal.withOverrides({ businessHours: { open: '09:00', close: '17:00' } });
const wd = (value: number) => ({ value, unit: 'WD' as const });
const cd = (value: number) => ({ value, unit: 'CD' as const });
const clock = (over: Partial<ClockInput> & Pick<ClockInput, 'trigger' | 'limit'>): ClockInput => ({
  rule: 'statutory',
  article: '行政许可法第42条第1款',
  ...over,
});

describe('computeDeadline: records where a deadline came from', () => {
  it('records the calendar version, unit, value and inputs', () => {
    const d = computeDeadline(cal, clock({ trigger: '2026-03-02', limit: wd(20) }));
    expect(d).toEqual({
      date: '2026-03-30',
      instant: '2026-03-31T00:00:00+08:00',
      unit: 'WD',
      value: 20,
      calendarVersion: 'cn-official@1.5.7:2004-2026',
      provisional: false,
      basis: {
        rule: 'statutory',
        article: '行政许可法第42条第1款',
        trigger: '2026-03-02',
        countFrom: '2026-03-02',
        policy: 'C1',
        suspendedDays: 0,
        endOfDay: 'midnight',
      },
    });
  });

  it('a limit of 0 (即办件) ends the same day', () => {
    expect(computeDeadline(cal, clock({ trigger: '2026-03-02T10:00:00+08:00', limit: wd(0) })).date).toBe('2026-03-02');
  });

  it('rejects malformed limits and extensions in another unit as bugs', () => {
    expect(() => computeDeadline(cal, clock({ trigger: '2026-03-02', limit: wd(-1) }))).toThrow(RangeError);
    expect(() => computeDeadline(cal, clock({ trigger: '2026-03-02', limit: wd(1.5) }))).toThrow(RangeError);
    expect(() => computeDeadline(cal, clock({ trigger: '2026-03-02', limit: wd(20), extension: cd(10) }))).toThrow(/extension in WD/);
    expect(() => computeDeadline(cal, clock({ trigger: 'yesterday', limit: wd(1) }))).toThrow(RangeError);
  });
});

describe('business hours (民法典 第203条: office closing ends the period)', () => {
  it('ends at office closing when the item uses business hours and the office has them', () => {
    const d = computeDeadline(office, clock({ trigger: '2026-09-24', limit: wd(5), useBusinessHours: true }));
    expect(d.date).toBe('2026-10-09');
    expect(d.instant).toBe('2026-10-09T17:00:00+08:00');
    expect(d.basis.endOfDay).toBe('office-closing');
    expect(d.calendarVersion).toMatch(/\+local@/);
  });

  it('ends at 24:00 when the item does not use them, or the office has none', () => {
    expect(computeDeadline(office, clock({ trigger: '2026-09-24', limit: wd(5) })).instant).toBe('2026-10-10T00:00:00+08:00');
    expect(computeDeadline(cal, clock({ trigger: '2026-09-24', limit: wd(5), useBusinessHours: true })).basis.endOfDay).toBe('midnight');
  });

  it('hasExpired: a date expires from 00:00 after the day; an instant at the deadline instant', () => {
    const d = computeDeadline(office, clock({ trigger: '2026-09-24', limit: wd(5), useBusinessHours: true }));
    expect(hasExpired(d, '2026-10-09', office.zone)).toBe(false);
    expect(hasExpired(d, '2026-10-10', office.zone)).toBe(true);
    expect(hasExpired(d, '2026-10-09T16:59:59+08:00', office.zone)).toBe(false);
    expect(hasExpired(d, '2026-10-09T17:00:00+08:00', office.zone)).toBe(true);
    expect(hasExpired(d, '2026-10-09T09:00:00Z', office.zone)).toBe(true);
  });
});

describe('counting policy C2 (receipt outside working time)', () => {
  it('a receipt after closing on a working day is deemed received the next working day', () => {
    const s = resolveCountStart(office, '2026-09-24T17:30:00+08:00', 'C2');
    expect(s).toEqual({ countFrom: '2026-09-28', policy: 'C2', deemedReceipt: '2026-09-28' });
    expect(computeDeadline(office, clock({ trigger: '2026-09-24T17:30:00+08:00', limit: wd(5), policy: 'C2' })).date).toBe('2026-10-10');
  });

  it('a receipt within business hours, or before opening, counts from that day', () => {
    expect(resolveCountStart(office, '2026-09-24T16:59:00+08:00', 'C2')).toEqual({ countFrom: '2026-09-24', policy: 'C2' });
    expect(resolveCountStart(office, '2026-09-24T07:00:00+08:00', 'C2')).toEqual({ countFrom: '2026-09-24', policy: 'C2' });
  });

  it('without business hours only days off are outside working time', () => {
    expect(resolveCountStart(cal, '2026-09-24T23:00:00+08:00', 'C2').countFrom).toBe('2026-09-24');
    expect(resolveCountStart(cal, '2026-10-03', 'C2').countFrom).toBe('2026-10-08');
  });

  it('C1 ignores the time and the day off', () => {
    expect(resolveCountStart(office, '2026-10-03T23:00:00+08:00')).toEqual({ countFrom: '2026-10-03', policy: 'C1' });
  });
});

describe('calendar-day limits', () => {
  it('count every day and the trigger day not', () => {
    const d = computeDeadline(cal, clock({ trigger: '2026-03-02', limit: cd(30) }));
    expect(d.date).toBe('2026-04-01');
    expect(d.unit).toBe('CD');
    expect(d.basis.rolledForwardFrom).toBeUndefined();
  });

  it('roll a period ending on a holiday to the next working day (民法典 第203条)', () => {
    const d = computeDeadline(cal, clock({ trigger: '2026-09-21', limit: cd(10) }));
    expect(d.date).toBe('2026-10-08');
    expect(d.basis.rolledForwardFrom).toBe('2026-10-01');
  });

  it('roll onto a make-up Saturday, which is a working day', () => {
    const d = computeDeadline(cal, clock({ trigger: '2026-09-30', limit: cd(10) }));
    expect(d.date).toBe('2026-10-10');
    expect(d.basis.rolledForwardFrom).toBeUndefined();
  });

  it('add suspended calendar days', () => {
    const d = computeDeadline(cal, clock({ trigger: '2026-03-02', limit: cd(30), suspensions: [{ start: '2026-03-10', end: '2026-03-15' }] }));
    expect(d.basis.suspendedDays).toBe(5);
    expect(d.date).toBe('2026-04-07');
  });
});

describe('suspensions across holidays and year ends', () => {
  it('a suspension over the Spring Festival adds only the working days in it', () => {
    const d = computeDeadline(cal, clock({ trigger: '2026-02-02', limit: wd(20), suspensions: [{ start: '2026-02-10', end: '2026-02-27' }] }));
    // (02-10, 02-27]: 02-11, 12, 13, Sat 02-14 (调休), 24, 25, 26, 27 = 8 WD.
    expect(d.basis.suspendedDays).toBe(8);
    // Counted: 02-03..06, 09, 10, then Sat 02-28 (调休), 03-02..06, 09..13, 16, 17, 18 = 20.
    expect(d.date).toBe('2026-03-18');
  });

  it('overlapping suspensions are counted once', () => {
    const d = computeDeadline(cal, clock({
      trigger: '2026-03-02', limit: wd(10),
      suspensions: [{ start: '2026-03-04', end: '2026-03-10' }, { start: '2026-03-06', end: '2026-03-12' }],
    }));
    // Their union (03-04, 03-12]: 03-05, 06, 09, 10, 11, 12.
    expect(d.basis.suspendedDays).toBe(6);
  });

  it('a suspension that starts on or after the deadline does not revive the clock', () => {
    const d = computeDeadline(cal, clock({ trigger: '2026-03-02', limit: wd(10), suspensions: [{ start: '2026-03-16', end: '2026-03-20' }] }));
    expect(d.date).toBe('2026-03-16');
    expect(d.basis.suspendedDays).toBe(0);
  });

  it('a suspension that began before the trigger only counts after it', () => {
    const d = computeDeadline(cal, clock({ trigger: '2026-03-04', limit: wd(5), suspensions: [{ start: '2026-03-02', end: '2026-03-06' }] }));
    expect(d.basis.suspendedDays).toBe(2);
    expect(d.date).toBe('2026-03-13');
  });

  it('an open suspension runs up to now, and needs now', () => {
    const open = clock({ trigger: '2026-03-02', limit: wd(10), suspensions: [{ start: '2026-03-10' }] });
    expect(computeDeadline(cal, { ...open, now: '2026-03-13T09:00:00+08:00' }).date).toBe('2026-03-19');
    expect(() => computeDeadline(cal, open)).toThrow(/now/);
  });

  it('a suspension across the year end moves the deadline into provisional 2027', () => {
    const d = computeDeadline(cal, clock({ trigger: '2026-12-01', limit: wd(20), suspensions: [{ start: '2026-12-10', end: '2026-12-24' }] }));
    expect(d.basis.suspendedDays).toBe(10);
    expect(d.date).toBe('2027-01-13');
    expect(d.provisional).toBe(true);
    expect(d.warning).toContain('2027-01-13');
  });
});

describe('provisional deadlines beyond the official data', () => {
  it('a 2026 trigger with a 2027 deadline is provisional, skips 2027-01-01, and warns', () => {
    const d = computeDeadline(cal, clock({ trigger: '2026-12-25', limit: wd(5) }));
    expect(d.date).toBe('2027-01-04');
    expect(d.provisional).toBe(true);
    expect(d.warning).toMatch(/Provisional: 2027-01-04/);
  });

  it('a deadline inside 2026 is official and carries no warning', () => {
    const d = computeDeadline(cal, clock({ trigger: '2026-12-01', limit: wd(5) }));
    expect(d.provisional).toBe(false);
    expect(d.warning).toBeUndefined();
  });

  it('National Day 2027: 10-01..03 are still off', () => {
    expect(computeDeadline(cal, clock({ trigger: '2027-09-30', limit: wd(1) })).date).toBe('2027-10-04');
  });
});
