/**
 * The locality settings (地方设置) through HTTP on a controlled clock: the reform office selects C2, business
 * hours, a local closure, the supervision response limit and the light thresholds; each change is a version,
 * audited, and shown on the deadlines it influences. Dates worked by hand on the official 2026 calendar
 * (March 2026 has no public holiday; weekends 03-07/08, 03-14/15, 03-21/22):
 *
 * - Case Z, C1, accepted Fri 03-06 12:00 (before any setting): promised 5 WD 03-09..13 → Fri 03-13; statutory
 *   10 WD → Fri 03-20.
 * - Case A, C2 with business hours 09:00-17:00, received and accepted Fri 03-06 18:30 (after closing): counted
 *   as received Mon 03-09, so promised 03-10..13, 03-16 → Mon 03-16 at 17:00; statutory 03-10..13, 03-16..20,
 *   03-23 → Mon 03-23 at 17:00. Under C1 it would have been 03-13 and 03-20.
 * - Case B, a same-day item (即办件, 0 WD) accepted Mon 03-09 10:00: due 03-09 at closing, RED from 17:00.
 *   Its case-overdue record, issued 03-09 with a 3-WD response limit, is due Thu 03-12 (03-10, 03-11, 03-12).
 * - Lights at 60%: case A's 5 WD from 03-09; on Thu 03-12 2 WD are used (40%, GREEN), on Fri 03-13 3 (60%, YELLOW).
 * - The closure of Wed 03-11 (v2, set on 03-13) moves A to Tue 03-17 / Tue 03-24, Z to Mon 03-16 / Mon 03-23 and B's
 *   statutory 10 WD (from 03-09, 03-10..13, 03-16..20, 03-23 → 03-23) to Tue 03-24.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood, buildCaseApp, pinClock, type CaseApp } from './case-support.js';
import { caseDetail, deployEdited, notices } from './clock-support.js';

let t: CaseApp;
const cases: Record<'Z' | 'A' | 'B', string> = {} as never;
const LOCAL = 'cn-official@1.5.7:2004-2026+local@settings-v';

const patch = (payload: object, who: 'admin' | 'samr-admin' = 'admin') =>
  t.app.inject({ method: 'PATCH', url: '/api/settings/locality', headers: t.tokens[who], payload });
const clocks = async (caseNo: string) => (await caseDetail(t.app, t.tokens.auditor, caseNo)).clocks;

beforeAll(async () => {
  t = await buildCaseApp();
  // ITEM-02 accepted at submission, with no light thresholds of its own (the locality's apply).
  await deployEdited(t.app, t.tokens.admin, 'ITEM-02', (l) => { l.acceptOnSubmission = true; delete l.lights; });
}, 120_000);
afterAll(() => t.close());

describe('locality settings', () => {
  it('starts at version 0, the law’s defaults, readable by staff and changed by the reform office only', async () => {
    await pinClock(t.app, t.tokens.admin, '2026-03-06', '12:00');
    cases.Z = await applyFood(t.app, t.tokens.applicant);
    const res = await t.app.inject({ method: 'GET', url: '/api/settings/locality', headers: t.tokens['samr-staff'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: 0, calendarVersion: 'cn-official@1.5.7:2004-2026',
      settings: { countingPolicy: 'C1', businessHours: null, closures: [], extraWorkingDays: [], supervisionResponseLimit: { value: 5, unit: 'WD' }, lightThresholds: { warnAtPercent: 80 } },
    });
    const refused = await patch({ countingPolicy: 'C2', reason: '试行' }, 'samr-admin');
    expect(refused.statusCode).toBe(403);
    expect(await clocks(cases.Z)).toMatchObject({ statutory: { date: '2026-03-20', basis: { policy: 'C1', endOfDay: 'midnight' } }, promised: { date: '2026-03-13' } });
  });

  it('refuses bad settings naming the field, and stores nothing', async () => {
    const hours = await patch({ businessHours: { open: '17:00', close: '09:00' }, reason: '调整' });
    expect([hours.statusCode, hours.json().code, hours.json().details.field]).toEqual([422, 'SETTINGS_INVALID', 'businessHours.close']);
    const date = await patch({ closures: ['2026-02-30'], reason: '调整' });
    expect([date.statusCode, date.json().details.field]).toEqual([422, 'closures[0]']);
    const both = await patch({ closures: ['2026-03-11'], extraWorkingDays: ['2026-03-11'], reason: '调整' });
    expect([both.statusCode, both.json().details.field]).toEqual([422, 'extraWorkingDays']);
    const schema = await patch({ countingPolicy: 'C3', reason: '调整' });
    expect(schema.statusCode).toBe(400);
    expect(schema.body).toContain('countingPolicy');
    const versions = await t.app.inject({ method: 'GET', url: '/api/settings/locality/versions', headers: t.tokens.auditor });
    expect(versions.json().versions).toEqual([]);
  });

  it('C2 with business hours: a receipt at 18:30 on Friday counts from Monday and ends at 17:00; the earlier case keeps C1', async () => {
    const v1 = await patch({ countingPolicy: 'C2', businessHours: { open: '09:00', close: '17:00' }, supervisionResponseLimit: { value: 3, unit: 'WD' }, lightThresholds: { warnAtPercent: 60 }, reason: '本地区实行工作时间外收件顺延' });
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, calendarVersion: `${LOCAL}1`, changedBy: 'admin', changed: ['countingPolicy', 'businessHours', 'supervisionResponseLimit', 'lightThresholds'] });
    expect(v1.json().recalculation).toMatchObject({ checked: 1, changed: 0 });

    await pinClock(t.app, t.tokens.admin, '2026-03-06', '18:30');
    cases.A = await applyFood(t.app, t.tokens.applicant);
    const a = await clocks(cases.A);
    expect(a.promised).toMatchObject({ date: '2026-03-16', instant: '2026-03-16T09:00:00.000Z', calendarVersion: `${LOCAL}1`, basis: { policy: 'C2', deemedReceipt: '2026-03-09', countFrom: '2026-03-09', endOfDay: 'office-closing' } });
    expect(a.statutory).toMatchObject({ date: '2026-03-23', instant: '2026-03-23T09:00:00.000Z', basis: { policy: 'C2', deemedReceipt: '2026-03-09' } });
    expect((await caseDetail(t.app, t.tokens.auditor, cases.A)).localSettingsVersion).toBe(1);
    expect(await clocks(cases.Z)).toMatchObject({ statutory: { date: '2026-03-20', basis: { policy: 'C1' } }, promised: { date: '2026-03-13' } });
  });

  it('a same-day item turns red at closing time, and its record is answered within the locality’s 3 WD', async () => {
    await deployEdited(t.app, t.tokens.admin, 'ITEM-02', (l) => { l.acceptOnSubmission = true; delete l.lights; l.caseType = 'instant'; l.promisedLimit = { value: 0, unit: 'WD', note: '当场办结' }; });
    await pinClock(t.app, t.tokens.admin, '2026-03-09', '10:00');
    cases.B = await applyFood(t.app, t.tokens.applicant);
    expect((await clocks(cases.B)).promised).toMatchObject({ date: '2026-03-09', instant: '2026-03-09T09:00:00.000Z' });
    await pinClock(t.app, t.tokens.admin, '2026-03-09', '16:59');
    expect((await caseDetail(t.app, t.tokens.auditor, cases.B)).light).not.toBe('red');
    expect(await notices(t.app, t.tokens.auditor, cases.B)).toEqual([]);
    await pinClock(t.app, t.tokens.admin, '2026-03-09', '17:00');
    const b = await caseDetail(t.app, t.tokens.auditor, cases.B);
    expect(b.light).toBe('red');
    expect(b.clocks.reading.reason).toMatchObject({ code: 'overdue', endsAt: '2026-03-09T09:00:00.000Z' });
    const records = await notices(t.app, t.tokens.auditor, cases.B);
    expect(records.map((n) => [n.rule, n.issuedOn, n.responseDue])).toEqual([['case-overdue', '2026-03-09', '2026-03-12']]);
  });

  it('reads the lights with the locality’s thresholds: 40% GREEN, 60% YELLOW', async () => {
    await pinClock(t.app, t.tokens.admin, '2026-03-12', '10:00');
    expect((await clocks(cases.A)).reading).toMatchObject({ light: 'green', elapsed: 2, limit: 5, reason: { code: 'within', warnAtPercent: 60 } });
    await pinClock(t.app, t.tokens.admin, '2026-03-13', '10:00');
    expect((await clocks(cases.A)).reading).toMatchObject({ light: 'yellow', elapsed: 3, reason: { code: 'warn-percent', warnAtPercent: 60 } });
  });

  it('a local closure moves the open cases’ deadlines, each recorded with both calendar versions', async () => {
    const stale = await t.app.inject({ method: 'PATCH', url: '/api/settings/locality', headers: t.tokens.admin, payload: { closures: ['2026-03-11'], reason: '台风停止办公', expectedVersion: 0 } });
    expect(stale.statusCode).toBe(409);
    const v2 = await patch({ closures: ['2026-03-11'], reason: '台风停止办公', expectedVersion: 1 });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json()).toMatchObject({ version: 2, calendarVersion: `${LOCAL}2`, changed: ['closures'], recalculation: { checked: 3, changed: 3, failed: 0 } });
    expect(await clocks(cases.A)).toMatchObject({ promised: { date: '2026-03-17', calendarVersion: `${LOCAL}2` }, statutory: { date: '2026-03-24' } });
    expect(await clocks(cases.Z)).toMatchObject({ promised: { date: '2026-03-16' }, statutory: { date: '2026-03-23', basis: { policy: 'C1' } } });
    expect(await clocks(cases.B)).toMatchObject({ promised: { date: '2026-03-09' }, statutory: { date: '2026-03-24' } });
    const timeline = await t.app.inject({ method: 'GET', url: `/api/cases/${cases.A}/timeline`, headers: t.tokens.auditor });
    const moved = timeline.json<any[]>().filter((e) => e.what === 'deadline.recalculated').map((e) => e.why);
    expect(moved).toEqual([
      `calendar ${LOCAL}2 replaces ${LOCAL}1: statutory due 2026-03-24 instead of 2026-03-23`,
      `calendar ${LOCAL}2 replaces ${LOCAL}1: promised due 2026-03-17 instead of 2026-03-16`,
    ]);
  });

  it('keeps every version with its reason and author, each change in the audit log', async () => {
    const versions = (await t.app.inject({ method: 'GET', url: '/api/settings/locality/versions', headers: t.tokens.auditor })).json().versions;
    expect(versions.map((v: any) => [v.version, v.reason, v.changedBy, v.settings.closures])).toEqual([[2, '台风停止办公', 'admin', ['2026-03-11']], [1, '本地区实行工作时间外收件顺延', 'admin', []]]);
    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?limit=500', headers: t.tokens.admin });
    const entries = audit.json<any>();
    const list = (Array.isArray(entries) ? entries : entries.entries) as any[];
    expect(list.filter((e) => e.action === 'settings.changed').map((e) => [e.target, e.details.changed])).toEqual([
      ['locality-settings:v1', ['countingPolicy', 'businessHours', 'supervisionResponseLimit', 'lightThresholds']],
      ['locality-settings:v2', ['closures']],
    ]);
  });
});
