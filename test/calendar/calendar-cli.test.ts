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
beforeEach(async () => {
  w = await world(['ITEM-02'], bj('2027-02-01', '09:00'));
  db = (w.store.config as { file: string }).file;
  const applied = await w.service.apply({
    itemCode: 'ITEM-02', channel: 'online', applicant: { id: 'u-chen', name: '陈静餐饮有限公司', kind: 'ENTERPRISE' },
    facts: { applicant: { kind: 'ENTERPRISE', hasBusinessLicence: true }, onlyPrepackagedFood: false, operatesOnline: false, usesVendingMachine: false, byAgent: false },
    materials: [pdf('M1'), shared('M2', '营业执照', '91330100MA2XXXXX1', '区市场监督管理局'), pdf('M3'), pdf('M4')],
    actor: { id: 'u-chen', name: '陈静餐饮有限公司' },
  });
  if (!applied.ok) throw new Error(applied.rejection.message);
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

  it('refuses bad usage with exit code 2', async () => {
    expect((await shenpi('calendar')).code).toBe(2);
    const r = await shenpi('calendar', 'reload', '--db', db);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("unknown sub-command 'reload'")]);
    expect((await shenpi('calendar', 'status', '--db')).err).toContain("'--db' needs a file");
  });
});
