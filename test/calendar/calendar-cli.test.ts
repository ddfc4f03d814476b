import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectingIo } from '../../server/cli/io.js';
import { main } from '../../server/cli/main.js';
import { bj, pdf, shared, world, type World } from '../cases/harness.js';

async function shenpi(...argv: string[]) {
  const io = collectingIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr.join('\n') };
}

let w: World;
let db: string;
let caseNo: string;
beforeEach(async () => {
  w = await world(['ITEM-02'], bj('2027-02-01', '09:00'));
  db = (w.store.config as { file: string }).file;
  const applied = await w.service.apply({
    itemCode: 'ITEM-02', channel: 'online', applicant: { id: 'u-chen', name: '陈静餐饮有限公司', kind: 'ENTERPRISE' },
    facts: { applicant: { kind: 'ENTERPRISE', hasBusinessLicence: true }, onlyPrepackagedFood: false, operatesOnline: false, usesVendingMachine: false, byAgent: false },
    materials: [pdf('M1'), shared('M2', '营业执照', '91330100MA2XXXXX1', '区市场监督管理局'), pdf('M3'), pdf('M4')],
    actor: { id: 'u-chen', name: '陈静餐饮有限公司' },
  });
  if (!applied.ok) throw new Error(applied.refusal.message);
  caseNo = applied.caseNo;
});
afterEach(() => w.dispose());

describe('shenpi calendar', () => {
  it('status: the version, the covered years, the provisional rule and the open cases on provisional days', async () => {
    const r = await shenpi('calendar', 'status', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'Calendar cn-official@1.5.7:2004-2026: official data 2004-2026',
      "Dates after 2026-12-31 are provisional: weekends and the fixed-date holidays (01-01, 05-01, 10-01..03) only, until the State Council's arrangement for 2027 is installed.",
      'Open cases: 1, of which 1 with a provisional deadline',
    ]);
    const json = JSON.parse((await shenpi('calendar', 'status', '--db', db, '--json')).out[0]!);
    expect(json).toMatchObject({ version: 'cn-official@1.5.7:2004-2026', coveredYears: { first: 2004, last: 2026 }, openCases: 1, provisionalCases: 1 });
  });

  it('recalculate: on the calendar that counted the deadlines, nothing changes', async () => {
    const r = await shenpi('calendar', 'recalculate', '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!)).toEqual({ calendarVersion: 'cn-official@1.5.7:2004-2026', checked: 1, changed: 0, recorded: 0, failed: [] });
  });

  it('counts on the holiday arrangements the reform office loaded: the window moves from Mon 02-08 to Mon 02-15', async () => {
    // A test arrangement for 2027 (none is published yet) with a Spring Festival 02-06..02-12: the 5-WD correction
    // window from Mon 02-01 (02-02, 03, 04, 05, then 02-15 after the festival) instead of the provisional 02-08
    const holidays = ['2027-01-01', ...['06', '07', '08', '09', '10', '11', '12'].map((d) => `2027-02-${d}`), '2027-05-01', '2027-10-01', '2027-10-02', '2027-10-03'];
    await w.store.knex('calendar_years').insert({
      year: 2027, holidays: JSON.stringify(holidays), make_up_days: JSON.stringify([]), notice: '测试用节假日安排', loaded_by: 'admin', loaded_at: '2027-01-20T01:00:00.000Z',
    });
    const r = await shenpi('calendar', 'recalculate', '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!)).toMatchObject({ checked: 1, changed: 1, recorded: 1, failed: [] });
    const moved = (await w.store.cases.listEvents(caseNo)).filter((e) => e.type === 'deadline.recalculated');
    expect(moved).toMatchObject([{ clock: 'pre-acceptance', oldDate: '2027-02-08', newDate: '2027-02-15', change: 'moved' }]);
    const json = JSON.parse((await shenpi('calendar', 'status', '--db', db, '--json')).out[0]!);
    expect(json).toMatchObject({ coveredYears: { first: 2004, last: 2027 }, provisionalCases: 0 });
  });

  it('refuses bad usage with exit code 2', async () => {
    expect((await shenpi('calendar')).code).toBe(2);
    expect((await shenpi('workdays', 'is', '2026-11-04', '--db')).err).toContain("'--db' needs a file");
    const r = await shenpi('calendar', 'reload', '--db', db);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("unknown sub-command 'reload'")]);
    expect((await shenpi('calendar', 'status', '--db')).err).toContain("'--db' needs a file");
  });
});

/**
 * The locality's settings in force (PATCH /api/settings/locality): Wed 2026-11-04 and Wed-Thu 2027-02-03/04
 * closed, Sat 2026-11-07 an extra working day. November 2026 has no official holiday or make-up day.
 */
async function localDays(): Promise<void> {
  await w.store.knex('locality_settings').insert({
    version: 1, settings: JSON.stringify({ closures: ['2026-11-04', '2027-02-03', '2027-02-04'], extraWorkingDays: ['2026-11-07'] }),
    reason: '区政务服务中心停电检修，周六补班', changed_by: 'admin', changed_at: '2027-02-01T02:00:00.000Z',
  });
}

describe('the command line counts with the local closures and extra working days of the store it is given', () => {
  it('calendar recalculate: the correction window from Mon 2027-02-01 skips the closed 02-03 and 02-04 and moves from Mon 02-08 to Wed 02-10', async () => {
    await localDays();
    const status = JSON.parse((await shenpi('calendar', 'status', '--db', db, '--json')).out[0]!);
    expect(status).toMatchObject({ version: 'cn-official@1.5.7:2004-2026+local@settings-v1', coveredYears: { first: 2004, last: 2026 } });
    const r = await shenpi('calendar', 'recalculate', '--db', db, '--json');
    expect(r.code).toBe(0);
    // 5 working days after Mon 02-01: Tue 02, (Wed 03, Thu 04 closed), Fri 05, Mon 08, Tue 09, Wed 10
    expect(JSON.parse(r.out[0]!)).toEqual({ calendarVersion: 'cn-official@1.5.7:2004-2026+local@settings-v1', checked: 1, changed: 1, recorded: 1, failed: [] });
    const moved = (await w.store.cases.listEvents(caseNo)).filter((e) => e.type === 'deadline.recalculated');
    expect(moved).toMatchObject([{ clock: 'pre-acceptance', oldDate: '2027-02-08', newDate: '2027-02-10', change: 'moved' }]);
  });

  it('workdays --db: a closed Wednesday is no working day and an opened Saturday is one; without --db the official calendar alone', async () => {
    await localDays();
    // 4 working days after Mon 2026-11-02: Tue 03, (Wed 04 closed), Thu 05, Fri 06, Sat 07 (opened)
    expect((await shenpi('workdays', 'add', '2026-11-02', '4', '--db', db)).out).toEqual(['2026-11-07 (Sat)', 'official: calendar cn-official@1.5.7:2004-2026+local@settings-v1']);
    expect((await shenpi('workdays', 'add', '2026-11-02', '4', '--json')).out).toEqual(['{"date":"2026-11-06","provisional":false}']);
    // (Sun 11-01, Fri 11-06]: Mon 02, Tue 03, Thu 05, Fri 06; the official calendar counts Wed 04 too
    expect((await shenpi('workdays', '--db', db, 'count', '2026-11-01', '2026-11-06', '--json')).out).toEqual(['{"count":4,"provisional":false}']);
    expect((await shenpi('workdays', 'count', '2026-11-01', '2026-11-06', '--json')).out).toEqual(['{"count":5,"provisional":false}']);
    expect((await shenpi('workdays', 'is', '2026-11-04', '--db', db)).out[0]).toBe('2026-11-04 (Wed) is not a working day: local closure');
    expect((await shenpi('workdays', 'is', '2026-11-07', '--db', db)).out[0]).toBe('2026-11-07 (Sat) is a working day: local extra working day');
    expect((await shenpi('workdays', 'is', '2026-11-04')).out[0]).toBe('2026-11-04 (Wed) is a working day: weekday');
  });

  it('workdays --db on a store without settings counts as the official calendar does', async () => {
    expect((await shenpi('workdays', 'add', '2026-11-02', '4', '--db', db)).out).toEqual(['2026-11-06 (Fri)', 'official: calendar cn-official@1.5.7:2004-2026']);
  });
});
