import { describe, expect, it } from 'vitest';
import { ChineseWorkingCalendar } from '../../engine/calendar/index.js';
import { next2027 } from '../calendar/next-year.js';
import { caseClockInputs, computeDeadline, recalculateDeadlines, type ClockInput, type OpenClock } from '../../engine/clocks/index.js';

const current = new ChineseWorkingCalendar();

const next = next2027;

function open(caseId: string, clockId: string, input: ClockInput): OpenClock {
  return { caseId, clockId, input, current: computeDeadline(current, input) };
}

describe('recalculating open deadlines on a new calendar', () => {
  const promised = (trigger: string, value: number): ClockInput => ({ rule: 'promised', article: 'promised', trigger, limit: { value, unit: 'WD' } });
  const clocks = [
    open('A', 'promised', promised('2027-01-25', 10)),
    open('B', 'promised', promised('2026-12-31', 1)),
    open('C', 'promised', promised('2026-03-02', 10)),
  ];

  it('starts from provisional 2027 deadlines', () => {
    expect(clocks.map((c) => [c.current.date, c.current.provisional])).toEqual([
      ['2027-02-08', true],
      ['2027-01-04', true],
      ['2026-03-16', false],
    ]);
    expect(next.version).toBe('cn-official@next:2004-2027');
  });

  it('returns the moved and the confirmed deadlines with old date, new date and calendar version', () => {
    const changes = recalculateDeadlines(next, clocks);
    expect(changes.map(({ deadline, ...c }) => c)).toEqual([
      {
        caseId: 'A', clockId: 'promised', oldDate: '2027-02-08', newDate: '2027-02-15',
        oldCalendarVersion: 'cn-official@1.5.7:2004-2026', calendarVersion: 'cn-official@next:2004-2027', change: 'moved',
      },
      {
        caseId: 'B', clockId: 'promised', oldDate: '2027-01-04', newDate: '2027-01-04',
        oldCalendarVersion: 'cn-official@1.5.7:2004-2026', calendarVersion: 'cn-official@next:2004-2027', change: 'confirmed',
      },
    ]);
    expect(changes[0]!.deadline.provisional).toBe(false);
    expect(changes[0]!.deadline.warning).toBeUndefined();
  });

  it('returns nothing when recomputed on the same calendar', () => {
    expect(recalculateDeadlines(current, clocks)).toEqual([]);
  });

  it('picks up a new local closure', () => {
    const closed = current.withOverrides({ closures: ['2026-03-09'] });
    const [change] = recalculateDeadlines(closed, [clocks[2]!]);
    expect(change).toMatchObject({ oldDate: '2026-03-16', newDate: '2026-03-17', change: 'moved' });
    expect(change!.calendarVersion).toMatch(/\+local@/);
  });

  it('recomputes the stored case clock inputs, an open suspension running up to the new now', () => {
    const inputs = caseClockInputs({
      accepted: '2026-12-14',
      promised: { value: 20, unit: 'WD' },
      ledger: [{ id: 'e', type: 'EXPERT', start: '2026-12-28', pauses: { statutory: true, promised: true }, pauseBasis: '行政许可法第45条' }],
      now: '2026-12-30',
    });
    const clock = open('D', 'statutory', inputs.statutory);
    expect(clock.current.basis.suspendedDays).toBe(2);
    const [change] = recalculateDeadlines(next, [clock], { now: '2027-01-08' });
    // (12-28, 01-08]: 12-29, 12-30, 12-31, 01-04..01-08 = 8 WD suspended.
    expect(change!.deadline.basis.suspendedDays).toBe(8);
    expect(change!.change).toBe('moved');
  });
});
