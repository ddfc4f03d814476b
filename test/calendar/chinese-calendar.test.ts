import { describe, expect, it } from 'vitest';
import {
  ChineseWorkingCalendar,
  WeekdayCalendar,
  addCalendarDays,
  chineseDaysData,
  type OfficialCalendarData,
} from '../../engine/calendar/index.js';

const cal = new ChineseWorkingCalendar();

function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe('the official 2026 calendar', () => {
  it('declares the data source and the years it covers in its version', () => {
    expect(cal.version).toBe('cn-official@1.5.7:2004-2026');
    expect(cal.coveredYears).toEqual({ first: 2004, last: 2026 });
    expect(cal.zone).toBe('Asia/Shanghai');
    expect(cal.businessHours).toBeUndefined();
  });

  it('treats every 2026 make-up day (调休) as a working day', () => {
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(cal.isWorkingDay(d), d).toBe(true);
      expect(cal.explain(d)).toBe('make-up working day (调休)');
    }
  });

  it('treats every day of the 2026 holiday periods as a day off', () => {
    const periods: Array<[string, string]> = [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ];
    for (const [from, to] of periods) {
      for (const d of datesBetween(from, to)) expect(cal.isWorkingDay(d), d).toBe(false);
    }
  });

  it('has 2026 working days = weekdays minus weekday holidays plus make-up days', () => {
    expect(cal.countWorkingDays('2025-12-31', '2026-12-31')).toBe(new WeekdayCalendar().countWorkingDays('2025-12-31', '2026-12-31') - 19 + 6);
  });

  describe('S2: make-up days are counted', () => {
    it.each([
      ['2026-10-09', 1, '2026-10-10'],
      ['2026-02-13', 3, '2026-02-25'],
      ['2026-09-18', 5, '2026-09-24'],
      ['2026-01-02', 1, '2026-01-04'],
    ])('%s + %i WD = %s', (from, n, due) => {
      expect(cal.addWorkingDays(from, n)).toBe(due);
    });

    it('never gives the dates of a calendar that ignores make-up days', () => {
      const cases: Array<[string, number, string]> = [
        ['2026-10-09', 1, '2026-10-12'],
        ['2026-02-13', 3, '2026-02-24'],
        ['2026-09-18', 5, '2026-09-25'],
        ['2026-01-02', 1, '2026-01-05'],
      ];
      const noMakeUp = new ChineseWorkingCalendar({ data: { ...chineseDaysData(), makeUpDays: [] } });
      const weekdays = new WeekdayCalendar();
      for (const [d, n, wrong] of cases) {
        const due = cal.addWorkingDays(d, n);
        expect(due).not.toBe(wrong);
        expect(due).not.toBe(noMakeUp.addWorkingDays(d, n));
        expect(due).not.toBe(weekdays.addWorkingDays(d, n));
      }
    });
  });

  it('does not count the trigger day, even when it is a working day (民法典 第201条)', () => {
    expect(cal.addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(cal.addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
    expect(cal.countWorkingDays('2026-03-02', '2026-03-02')).toBe(0);
    expect(cal.countWorkingDays('2026-03-03', '2026-03-02')).toBe(0);
  });

  it('crosses year ends with the next year’s arrangement', () => {
    // 2024-12-31 (Tue) + 1: 2025-01-01 is 元旦, so 01-02.
    expect(cal.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
    // 2025-12-31 + 1: 2026-01-01..03 off, Sun 01-04 is a make-up day.
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(cal.countWorkingDays('2025-12-30', '2026-01-05')).toBe(3);
    // Spring Festival 2025 (01-28..02-04, make-up Sun 01-26 and Sat 02-08).
    expect(cal.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
    expect(cal.addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
  });

  it('adds across several years in one call', () => {
    const end = cal.addWorkingDays('2004-01-01', 5000);
    expect(cal.countWorkingDays('2004-01-01', end)).toBe(5000);
  });

  it('rejects malformed dates and negative or fractional n', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('20260101')).toThrow(/YYYY-MM-DD/);
    expect(() => cal.addWorkingDays('2026-01-01', -1)).toThrow(/non-negative integer/);
    expect(() => cal.addWorkingDays('2026-01-01', 1.5)).toThrow(/non-negative integer/);
  });
});

describe('provisional years', () => {
  it('marks 2027 and 2003 provisional, and warns the operator', () => {
    expect(cal.isProvisional('2026-12-31')).toBe(false);
    expect(cal.isProvisional('2027-01-04')).toBe(true);
    expect(cal.isProvisional('2003-12-31')).toBe(true);
    expect(cal.provisionalWarning('2026-12-31')).toBeUndefined();
    const warning = cal.provisionalWarning('2026-12-31', '2027-02-10', '2027-01-04');
    expect(warning).toContain('2027-01-04, 2027-02-10');
    expect(warning).toContain('cn-official@1.5.7:2004-2026');
    expect(warning).toMatch(/recomputed/);
  });

  it('still excludes weekends and the fixed-date holidays in 2027', () => {
    expect(cal.isWorkingDay('2027-01-01')).toBe(false); // Fri, 元旦
    expect(cal.isWorkingDay('2027-05-01')).toBe(false); // Sat anyway
    expect(cal.isWorkingDay('2027-10-01')).toBe(false); // Fri
    expect(cal.isWorkingDay('2027-10-02')).toBe(false);
    expect(cal.isWorkingDay('2027-10-03')).toBe(false);
    expect(cal.isWorkingDay('2027-10-04')).toBe(true); // Mon: unknown until published
    expect(cal.isWorkingDay('2027-01-02')).toBe(false); // Sat
    expect(cal.explain('2027-01-01')).toMatch(/provisional/);
    // 2026-12-31 (Thu) + 1: 2027-01-01 is off, 01-02/03 a weekend.
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(cal.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
  });

  it('counts a 2028 leap day provisionally', () => {
    expect(cal.isWorkingDay('2028-02-29')).toBe(true); // Tue
    expect(cal.countWorkingDays('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('local overrides', () => {
  const local = cal.withOverrides({
    closures: ['2026-03-16'],
    extraWorkingDays: ['2026-03-14'],
    businessHours: { open: '09:00', close: '17:00' },
  });

  it('layers closures and extra working days on the official data', () => {
    expect(local.isWorkingDay('2026-03-16')).toBe(false);
    expect(local.isWorkingDay('2026-03-14')).toBe(true);
    expect(local.explain('2026-03-16')).toBe('local closure');
    expect(local.explain('2026-03-14')).toBe('local extra working day');
    expect(local.addWorkingDays('2026-03-13', 2)).toBe('2026-03-17');
    expect(cal.addWorkingDays('2026-03-13', 2)).toBe('2026-03-17');
    expect(local.addWorkingDays('2026-03-13', 1)).toBe('2026-03-14');
  });

  it('puts the overrides into the version, deterministically', () => {
    expect(local.version).toMatch(/^cn-official@1\.5\.7:2004-2026\+local@[0-9a-f]{8}$/);
    expect(cal.withOverrides({ closures: ['2026-03-16'], extraWorkingDays: ['2026-03-14'], businessHours: { open: '09:00', close: '17:00' } }).version).toBe(local.version);
    expect(cal.withOverrides({ closures: ['2026-03-17'] }).version).not.toBe(local.version);
    expect(cal.withOverrides({ closures: ['2026-03-17'], localVersion: 'xx-district-2026' }).version).toBe(
      'cn-official@1.5.7:2004-2026+local@xx-district-2026',
    );
    expect(local.businessHours).toEqual({ open: '09:00', close: '17:00' });
  });

  it('rejects contradictory or malformed overrides', () => {
    expect(() => cal.withOverrides({ closures: ['2026-03-16'], extraWorkingDays: ['2026-03-16'] })).toThrow(/not both/);
    expect(() => cal.withOverrides({ closures: ['2026-3-16'] })).toThrow(/closure/);
    expect(() => cal.withOverrides({ businessHours: { open: '17:00', close: '09:00' } })).toThrow(/open before/);
    expect(() => cal.withOverrides({ businessHours: { open: '9am', close: '17:00' } })).toThrow(/HH:mm/);
  });

  it('lets a provisional year be closed locally too', () => {
    const c = cal.withOverrides({ closures: ['2027-02-08'] });
    expect(c.isWorkingDay('2027-02-08')).toBe(false);
    expect(c.isProvisional('2027-02-08')).toBe(true);
  });
});

describe('a newer official data set', () => {
  const data2027: OfficialCalendarData = {
    source: 'cn-official@test',
    firstYear: 2027,
    lastYear: 2027,
    holidays: ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
    makeUpDays: ['2027-02-13'],
  };
  it('covers the new year and versions itself after it', () => {
    const c = new ChineseWorkingCalendar({ data: data2027 });
    expect(c.version).toBe('cn-official@test:2027-2027');
    expect(c.isProvisional('2027-02-08')).toBe(false);
    expect(c.isWorkingDay('2027-02-08')).toBe(false);
    expect(c.isWorkingDay('2027-02-13')).toBe(true);
    expect(c.isProvisional('2026-06-01')).toBe(true);
  });
  it('refuses inconsistent data', () => {
    expect(() => new ChineseWorkingCalendar({ data: { ...data2027, makeUpDays: ['2027-02-08'] } })).toThrow(/not both/);
    expect(() => new ChineseWorkingCalendar({ data: { ...data2027, makeUpDays: ['2028-01-01'] } })).toThrow(/within/);
  });
});
