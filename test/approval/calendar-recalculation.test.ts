import { beforeAll, describe, expect, it } from 'vitest';
import type { ExecutableDefinition } from '../../engine/core/model.js';
import { next2027 } from '../calendar/next-year.js';
import { Case, applyCommand, at, calendar, clerk, foodItem, foodProcess, types } from './support.js';

const system = { id: 'system', name: 'calendar' };
const OFFICIAL = 'cn-official@1.5.7:2004-2026';
const NEXT = 'cn-official@next:2004-2027';

let definition: ExecutableDefinition;
beforeAll(async () => {
  definition = await foodProcess();
});

/** ITEM-02 (promised 5 WD, statutory 10 WD) accepted on Mon 2027-02-01, beyond the official data. */
function accepted2027(): Case {
  const c = new Case(definition);
  c.when(applyCommand('SP-2027-1'), at('2027-02-01', '09:00'));
  c.when({ type: 'case.accept', actor: clerk }, at('2027-02-01'));
  return c;
}

describe('calendar.recalculate: a new calendar version reaches an open case (行政许可法 第82条)', () => {
  it('counts a 2027 case on provisional days: no Spring Festival, so the deadlines are early and marked', () => {
    const d = accepted2027().state.approval!.deadlines!;
    expect([d.promised.date, d.statutory.date]).toEqual(['2027-02-08', '2027-02-15']);
    expect([d.promised.provisional, d.statutory.provisional, d.promised.calendarVersion]).toEqual([true, true, OFFICIAL]);
    expect(d.promised.warning).toMatch(/provisional/i);
  });

  it("moves the deadlines past 2027's holidays and records each change with both versions", () => {
    const c = accepted2027();
    c.calendar = next2027;
    const { events } = c.when({ type: 'calendar.recalculate', actor: system }, at('2027-02-02'));
    const changes = events.filter((e) => e.type === 'deadline.recalculated');
    // 02-05..02-12 are off and Sat 02-13 is worked: 5 WD after 02-01 end on 02-15, 10 WD on 02-22.
    expect(changes.map((e) => [e.clock, e.oldDate, e.newDate, e.fromVersion, e.toVersion, e.change])).toEqual([
      ['statutory', '2027-02-15', '2027-02-22', OFFICIAL, NEXT, 'moved'],
      ['promised', '2027-02-08', '2027-02-15', OFFICIAL, NEXT, 'moved'],
    ]);
    const d = c.state.approval!.deadlines!;
    expect([d.statutory.date, d.statutory.provisional, d.statutory.calendarVersion]).toEqual(['2027-02-22', false, NEXT]);
    expect([d.promised.date, d.promised.instant]).toEqual(['2027-02-15', '2027-02-16T00:00:00+08:00']);
    expect(c.replayed()).toEqual(c.state);
  });

  it('records nothing when run again on the same calendar', () => {
    const c = accepted2027();
    c.calendar = next2027;
    c.when({ type: 'calendar.recalculate', actor: system }, at('2027-02-02'));
    const again = c.when({ type: 'calendar.recalculate', actor: system }, at('2027-02-03'));
    expect(again.events).toEqual([]);
  });

  it('records nothing for a case whose deadlines the calendar already counted', () => {
    const c = new Case(definition);
    c.when(applyCommand('SP-2026-1'), at('2026-03-02', '09:00'));
    c.when({ type: 'case.accept', actor: clerk }, at('2026-03-02'));
    expect(c.when({ type: 'calendar.recalculate', actor: system }, at('2026-03-03')).events).toEqual([]);
    c.calendar = next2027;
    // 2026 is the same in both versions: the deadlines do not change, and nothing is recorded.
    expect(c.when({ type: 'calendar.recalculate', actor: system }, at('2026-03-03')).events).toEqual([]);
    expect(c.state.approval!.deadlines!.statutory.calendarVersion).toBe(calendar.version);
  });

  it('moves the pre-acceptance window of a case awaiting acceptance and its timer (第32条)', () => {
    const c = new Case(definition);
    const applied = c.when(applyCommand('SP-2027-2'), at('2027-02-03', '09:00'));
    expect(applied.effects).toContainEqual(expect.objectContaining({ type: 'timer.schedule', dueAt: '2027-02-11T00:00:00+08:00' }));
    c.calendar = next2027;
    const { events, effects } = c.when({ type: 'calendar.recalculate', actor: system }, at('2027-02-04'));
    expect(types(events)).toEqual(['deadline.recalculated']);
    expect([events[0]!.clock, events[0]!.oldDate, events[0]!.newDate]).toEqual(['pre-acceptance', '2027-02-10', '2027-02-17']);
    expect(effects).toEqual([{ type: 'timer.schedule', timerId: 'SP-2027-2:window-1', dueAt: '2027-02-18T00:00:00+08:00', elementId: 'pre-acceptance' }]);
    expect(c.state.approval!.window!.deadline.date).toBe('2027-02-17');
  });

  it('moves the hearing request window too (行政许可法 第47条)', () => {
    const c = new Case(definition);
    c.when(applyCommand('SP-2027-3', [], { ...foodItem, specialProcedures: ['HEARING'] }), at('2027-02-01', '09:00'));
    c.when({ type: 'case.accept', actor: clerk }, at('2027-02-01'));
    c.when({ type: 'hearing.notify', reason: '涉及他人重大利益', basis: '行政许可法第47条', actor: clerk }, at('2027-02-02'));
    c.calendar = next2027;
    const { events } = c.when({ type: 'calendar.recalculate', actor: system }, at('2027-02-03'));
    // 5 WD after 02-02: provisionally 02-03, 04, 05, 08, 09; with the arrangement 02-03, 04, Sat 13, 15, 16.
    expect(events.filter((e) => e.clock === 'hearing:request').map((e) => [e.oldDate, e.newDate])).toEqual([['2027-02-09', '2027-02-16']]);
    expect(c.state.approval!.hearing!.requestBy.date).toBe('2027-02-16');
  });

  it('refuses without a real-name actor', () => {
    const c = accepted2027();
    expect(c.refused({ type: 'calendar.recalculate' } as never, at('2027-02-02')).code).toBe('ACTOR_REQUIRED');
  });
});
