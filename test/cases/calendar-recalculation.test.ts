/**
 * A new calendar version reaches the open cases through the runtime on SQLite: a case accepted in 2027,
 * beyond the official data, has provisional deadlines; the service on a calendar with 2027's arrangement
 * recalculates the open cases, records each change with both calendar versions, and records nothing again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recalculateOnNewCalendar } from '../../server/cases/calendar-watch.js';
import { createCaseService } from '../../server/cases/create-case-service.js';
import { next2027 } from '../calendar/next-year.js';
import { bj, pdf, shared, world, type World } from './harness.js';

const applicant = { id: 'u-chen', name: '陈静餐饮有限公司', kind: 'ENTERPRISE' };
const clerk = { id: 'clerk-li', name: '李伟', department: '区市场监督管理局', roles: ['clerk', 'reviewer', 'inspector', 'section-chief', 'deputy-director', 'issuer'] };
const facts = { applicant: { kind: 'ENTERPRISE', hasBusinessLicence: true }, onlyPrepackagedFood: false, operatesOnline: false, usesVendingMachine: false, byAgent: false };
const materials = [pdf('M1'), shared('M2', '营业执照', '91330100MA2XXXXX1', '区市场监督管理局'), pdf('M3'), pdf('M4')];

let w: World;
beforeEach(async () => { w = await world(['ITEM-02'], bj('2027-02-01', '09:00')); });
afterEach(() => w.dispose());

async function apply(): Promise<string> {
  const result = await w.service.apply({ itemCode: 'ITEM-02', channel: 'online', applicant, facts, materials, actor: { id: applicant.id, name: applicant.name } });
  if (!result.ok) throw new Error(result.refusal.message);
  return result.caseNo;
}

describe('recalculateOpenCases', () => {
  it('moves the provisional deadlines of the open cases onto the new calendar, once', async () => {
    const inHandling = await apply();
    w.at('2027-02-01', '10:00');
    expect((await w.service.accept(inHandling, { actor: clerk })).ok).toBe(true);
    w.at('2027-02-03', '09:00');
    const awaiting = await apply();
    const done = await apply();
    expect((await w.service.withdraw(done, { reason: '不再经营', actor: { id: applicant.id, name: applicant.name } })).ok).toBe(true);

    const before = (await w.stored(inHandling)).state.approval!.deadlines!;
    expect([before.statutory.date, before.statutory.provisional, before.promised.date]).toEqual(['2027-02-15', true, '2027-02-08']);
    expect(await w.service.calendarReach()).toEqual({ calendarVersion: 'cn-official@1.5.7:2004-2026', open: 2, provisional: 2 });

    // The calendar with 2027's arrangement is loaded: a service on it over the same store.
    const loaded = await createCaseService({ store: w.store, clock: w.clock, calendar: next2027, files: w.files });
    w.at('2027-02-04', '08:00');
    const report = await loaded.service.recalculateOpenCases();
    expect(report).toEqual({ calendarVersion: 'cn-official@next:2004-2027', checked: 2, changed: 2, recorded: 3, failed: [] });

    const log = (await w.store.cases.listEvents(inHandling)).filter((e) => e.type === 'deadline.recalculated');
    expect(log.map((e) => [e.clock, e.oldDate, e.newDate, e.fromVersion, e.toVersion])).toEqual([
      ['statutory', '2027-02-15', '2027-02-22', 'cn-official@1.5.7:2004-2026', 'cn-official@next:2004-2027'],
      ['promised', '2027-02-08', '2027-02-15', 'cn-official@1.5.7:2004-2026', 'cn-official@next:2004-2027'],
    ]);
    const { state, replayed } = await w.stored(inHandling);
    expect(replayed).toEqual(state);
    expect((await w.store.cases.loadCase(inHandling))!.summary.promisedDeadline).toBe('2027-02-15T16:00:00.000Z');

    // The window of the case awaiting acceptance moved, and so did its timer.
    const window = (await w.stored(awaiting)).state.approval!.window!;
    expect([window.deadline.date, window.deadline.provisional]).toEqual(['2027-02-17', false]);
    const timers = await w.store.timers.listTimers({ caseNo: awaiting, status: 'scheduled' });
    expect(timers.map((t) => [t.timerId, new Date(t.dueAt).toISOString()])).toEqual([[`${awaiting}:window-1`, '2027-02-17T16:00:00.000Z']]);

    expect(await loaded.service.calendarReach()).toEqual({ calendarVersion: 'cn-official@next:2004-2027', open: 2, provisional: 0 });
    const again = await loaded.service.recalculateOpenCases();
    expect(again).toMatchObject({ checked: 2, changed: 0, recorded: 0 });
    expect((await w.store.cases.listEvents(inHandling)).filter((e) => e.type === 'deadline.recalculated')).toHaveLength(2);
  });

  it('runs once per calendar version when a node starts, remembering the version it applied', async () => {
    // given a case accepted in 2027 on the installed calendar, which a node has already applied
    const caseNo = await apply();
    w.at('2027-02-01', '10:00');
    expect((await w.service.accept(caseNo, { actor: clerk })).ok).toBe(true);
    const at = '2027-02-04T00:00:00Z';
    const first = await recalculateOnNewCalendar({ knex: w.store.knex, service: w.service, calendarVersion: 'cn-official@1.5.7:2004-2026', at });
    expect(first).toMatchObject({ checked: 1, recorded: 0 });
    // when a node starts again on the same calendar, nothing is scanned
    expect(await recalculateOnNewCalendar({ knex: w.store.knex, service: w.service, calendarVersion: 'cn-official@1.5.7:2004-2026', at })).toBeUndefined();
    // when a node starts on the calendar with 2027's arrangement, the case's deadlines move, once
    const loaded = await createCaseService({ store: w.store, clock: w.clock, calendar: next2027, files: w.files });
    const moved = await recalculateOnNewCalendar({ knex: w.store.knex, service: loaded.service, calendarVersion: next2027.version, at });
    expect(moved).toMatchObject({ checked: 1, changed: 1, recorded: 2, failed: [] });
    expect(await recalculateOnNewCalendar({ knex: w.store.knex, service: loaded.service, calendarVersion: next2027.version, at })).toBeUndefined();
  });
});
