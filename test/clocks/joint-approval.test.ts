import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar, WeekdayCalendar } from '../../engine/calendar/index.js';
import { caseDeadlines, jointDeadlines, jointProgress, JOINT_STATUTORY_LIMIT } from '../../engine/clocks/index.js';

const cal = new ChineseWorkingCalendar();

describe('joint approval clocks (行政许可法 第42条第2款)', () => {
  it('defaults the statutory limit to 45 WD and cites the joint article', () => {
    const j = jointDeadlines(cal, { accepted: '2026-09-01', promised: { value: 10, unit: 'WD' }, coDepartments: [] });
    expect(JOINT_STATUTORY_LIMIT).toEqual({ value: 45, unit: 'WD' });
    expect(j.statutory.basis.article).toBe('行政许可法第42条第2款');
    expect(j.departments).toEqual({});
  });

  it('a co-department suspension moves only that department’s clock', () => {
    const j = jointDeadlines(cal, {
      accepted: '2026-09-01',
      promised: { value: 10, unit: 'WD' },
      coDepartments: [
        { department: '卫健', started: '2026-09-02', limit: { value: 5, unit: 'WD' }, suspensions: [{ start: '2026-09-03', end: '2026-09-07' }] },
        { department: '消防', started: '2026-09-02', limit: { value: 7, unit: 'WD' } },
      ],
    });
    expect(j.departments['卫健']).toMatchObject({ date: '2026-09-11', basis: { suspendedDays: 2, rule: 'co-department:卫健' } });
    expect(j.departments['消防']!.date).toBe('2026-09-11');
    expect(j.promised.date).toBe('2026-09-15');
  });

  it('an all-refused case is refused; an empty one is never complete', () => {
    const refused = [
      { department: 'a', completedOn: '2026-09-03', outcome: 'refused' as const },
      { department: 'b', completedOn: '2026-09-04', outcome: 'refused' as const },
    ];
    expect(jointProgress(refused, '2026-09-04')).toMatchObject({ complete: true, outcome: 'refused', completedOn: '2026-09-04' });
    expect(jointProgress([], '2026-09-04').complete).toBe(false);
    expect(jointProgress([{ department: 'a' }], '2026-09-04')).toEqual({ done: 0, total: 1, complete: false });
  });
});

describe('clocks on any WorkingCalendar', () => {
  it('run on the simple weekday calendar too, recording its version', () => {
    const d = caseDeadlines(new WeekdayCalendar(), { accepted: '2026-10-09', promised: { value: 1, unit: 'WD' } });
    expect(d.promised).toMatchObject({ date: '2026-10-12', calendarVersion: 'weekdays', provisional: false });
  });
});
