import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import {
  computeDeadline,
  deliveryDeadline,
  elapsedBefore,
  lightOn,
  newSupervisionRecords,
  overdueViolations,
  stepDeadline,
  supervisionKey,
  type Violation,
} from '../../engine/clocks/index.js';

const cal = new ChineseWorkingCalendar();
const promised = (trigger: string, value: number, unit: 'WD' | 'CD' = 'WD') =>
  computeDeadline(cal, { rule: 'promised', article: 'promised', trigger, limit: { value, unit } });

describe('lights: configurable thresholds', () => {
  const d = promised('2026-03-02', 10);

  it('warns from another percentage', () => {
    expect(lightOn(cal, { deadline: d, on: '2026-03-11', thresholds: { warnAtPercent: 70 } }).light).toBe('green');
    expect(lightOn(cal, { deadline: d, on: '2026-03-12', thresholds: { warnAtPercent: 70 } }).light).toBe('yellow');
  });

  it('warns when few days are left', () => {
    const t = { warnAtPercent: 100, warnWhenDaysLeft: 3 };
    expect(lightOn(cal, { deadline: d, on: '2026-03-11', thresholds: t })).toMatchObject({ light: 'green', remaining: 4 });
    expect(lightOn(cal, { deadline: d, on: '2026-03-12', thresholds: t })).toMatchObject({ light: 'yellow', remaining: 3 });
  });

  it('a make-up Saturday counts as elapsed; the holidays do not', () => {
    const s = promised('2026-09-30', 5); // 10-08, 10-09, Sat 10-10, 10-12, 10-13
    expect(s.date).toBe('2026-10-13');
    expect(lightOn(cal, { deadline: s, on: '2026-10-08' })).toMatchObject({ elapsed: 0, light: 'green' });
    expect(lightOn(cal, { deadline: s, on: '2026-10-12' })).toMatchObject({ elapsed: 3, light: 'green' });
    expect(lightOn(cal, { deadline: s, on: '2026-10-13' })).toMatchObject({ elapsed: 4, light: 'yellow' });
    expect(lightOn(cal, { deadline: s, on: '2026-10-14' }).light).toBe('red');
  });

  it('calendar-day limits elapse every day', () => {
    const c = promised('2026-03-02', 10, 'CD');
    expect(c.date).toBe('2026-03-12');
    expect(lightOn(cal, { deadline: c, on: '2026-03-10' })).toMatchObject({ elapsed: 7, light: 'green' });
    expect(lightOn(cal, { deadline: c, on: '2026-03-11' })).toMatchObject({ elapsed: 8, light: 'yellow' });
  });

  it('a case completed on time stays green, a late one red', () => {
    expect(lightOn(cal, { deadline: d, completedOn: '2026-03-16', on: '2026-04-01' })).toMatchObject({ light: 'green', completed: true });
    expect(lightOn(cal, { deadline: d, completedOn: '2026-03-17', on: '2026-04-01' })).toMatchObject({ light: 'red', overdue: true });
    expect(lightOn(cal, { deadline: d, completedOn: '2026-03-17', on: '2026-03-16' })).toMatchObject({ light: 'yellow', completed: false });
  });

  it('an instant is read in Beijing time', () => {
    expect(lightOn(cal, { deadline: d, on: '2026-03-16T16:00:00Z' }).light).toBe('red'); // 03-17 00:00 +08:00
    expect(lightOn(cal, { deadline: d, on: '2026-03-16T15:59:59Z' }).light).toBe('yellow');
  });

  it('elapsed ignores suspended days even across a weekend', () => {
    expect(elapsedBefore(cal, d, [{ start: '2026-03-05', end: '2026-03-10' }], '2026-03-12')).toBe(7 - 3);
  });
});

describe('step lights and delivery', () => {
  it('a 2-WD review step started Fri 02-13 counts Sat 02-14 and Tue 02-24, and is red on 02-25', () => {
    const s = stepDeadline(cal, { stepId: 'review', started: '2026-02-13T11:00:00+08:00', limit: { value: 2, unit: 'WD' } });
    expect(s.date).toBe('2026-02-24');
    expect(s.basis.rule).toBe('step:review');
    expect(lightOn(cal, { deadline: s, on: '2026-02-24' })).toMatchObject({ elapsed: 1, light: 'green' });
    expect(lightOn(cal, { deadline: s, on: '2026-02-25' }).light).toBe('red');
  });

  it('delivery within 10 WD of the decision (行政许可法 第44条)', () => {
    const d = deliveryDeadline(cal, { decided: '2026-09-24' });
    expect(d.date).toBe('2026-10-15'); // 09-28..30, 10-08, 10-09, Sat 10-10, 10-12..15
    expect(d.basis).toMatchObject({ rule: 'delivery', article: '行政许可法第44条' });
    expect(deliveryDeadline(cal, { decided: '2026-09-24', limit: { value: 5, unit: 'WD' } }).date).toBe('2026-10-09');
  });
});

describe('supervision records (督办)', () => {
  const violation = (over: Partial<Violation> = {}): Violation => ({
    caseNo: 'C1',
    rule: 'case-overdue',
    detectedOn: '2026-03-17',
    content: 'overdue',
    department: '市场监管局',
    warningType: 'overdue',
    ...over,
  });

  it('creates one record per case + rule + step, with a response deadline', () => {
    const created = newSupervisionRecords(cal, [], [violation(), violation(), violation({ rule: 'step-overdue', stepId: 'S3' })]);
    expect(created.map((r) => r.key)).toEqual(['C1|case-overdue|-', 'C1|step-overdue|S3']);
    expect(created[0]).toMatchObject({ issuedOn: '2026-03-17', responseDue: '2026-03-24', calendarVersion: cal.version });
  });

  it('never duplicates on re-evaluation', () => {
    const first = newSupervisionRecords(cal, [], [violation()]);
    const again = newSupervisionRecords(cal, first, [violation({ detectedOn: '2026-03-18' }), violation({ caseNo: 'C2' })]);
    expect(again.map((r) => r.key)).toEqual(['C2|case-overdue|-']);
  });

  it('takes a locality’s response limit', () => {
    const [r] = newSupervisionRecords(cal, [], [violation()], { responseLimit: { value: 3, unit: 'CD' } });
    expect(r!.responseDue).toBe('2026-03-20');
  });

  it('derives overdue violations from red lights only', () => {
    const d = promised('2026-03-02', 10);
    const red = lightOn(cal, { deadline: d, on: '2026-03-17' });
    const yellow = lightOn(cal, { deadline: d, on: '2026-03-16' });
    const v = overdueViolations({
      caseNo: 'C1',
      department: 'D',
      on: '2026-03-17',
      caseLight: red,
      steps: [
        { stepId: 'S2', light: yellow },
        { stepId: 'S3', department: 'E', light: red },
      ],
    });
    expect(v.map(supervisionKey)).toEqual(['C1|case-overdue|-', 'C1|step-overdue|S3']);
    expect(v[1]!.department).toBe('E');
    expect(overdueViolations({ caseNo: 'C1', department: 'D', on: '2026-03-16', caseLight: yellow })).toEqual([]);
  });
});
