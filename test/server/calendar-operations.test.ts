/**
 * Calendar operations over HTTP on a controlled clock (行政许可法 第82条): the calendar's status, the
 * operations alert while an open case has a provisional deadline (GET /api/calendar, /readyz, /metrics), a
 * year's holiday arrangement checked and refused by field, previewed, loaded by the reform office with the open
 * cases recalculated, and still in force after a restart. Dates by hand:
 *
 * - ITEM-02 accepted Tue 2026-12-22: promised 5 WD Tue 12-29 (12-23, 24, 25, 28, 29); statutory 10 WD (…, 12-30,
 *   31; 2027-01-01 元旦; 01-04, 05, 06) Wed 2027-01-06, provisional (the package holds 2004–2026), ending at 24:00,
 *   stored as 2027-01-06T16:00:00.000Z.
 * - A test arrangement for 2027 (none is published yet) whose 元旦 is 01-01..03 keeps 01-06: confirmed, no longer
 *   provisional. One that also closes Mon 01-04 moves it to Thu 01-07.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../server/app.js';
import { refreshLoadedYears } from '../../server/settings/calendar-years.js';
import { applyFood, buildCaseApp, pinClock } from './case-support.js';
import { login, TEST_SCRYPT, type TestApp } from './helper.js';

let t: TestApp;
const tokens: Record<string, Record<string, string>> = {};
let caseNo: string;

const FIXED = ['2027-01-01', '2027-05-01', '2027-10-01', '2027-10-02', '2027-10-03'];
const NEW_YEAR = ['2027-01-01', '2027-01-02', '2027-01-03'];
const arrangement = (over: Record<string, unknown> = {}) => ({ year: 2027, holidays: [...new Set([...NEW_YEAR, ...FIXED])], makeUpDays: ['2027-10-09'], notice: '测试用 2027 年节假日安排', ...over });
const post = (url: string, payload: unknown, who = 'admin') => t.app.inject({ method: 'POST', url, headers: tokens[who], payload: payload as object });
const status = async () => (await t.app.inject({ method: 'GET', url: '/api/calendar', headers: tokens.auditor })).json();

beforeAll(async () => {
  const c = await buildCaseApp();
  t = c;
  Object.assign(tokens, c.tokens);
  await pinClock(t.app, tokens.admin!, '2026-12-22', '09:00');
  caseNo = await applyFood(t.app, tokens.applicant!);
  expect((await t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/accept`, headers: tokens['samr-staff'] })).statusCode).toBe(200);
}, 120_000);
afterAll(() => t.close());

describe('calendar operations', () => {
  it('reports the years held, the missing 2027 arrangement and the case with a provisional deadline', async () => {
    expect(await status()).toMatchObject({
      firstYear: 2004, lastYear: 2026, thisYear: 2026, nextYear: 2027, nextYearMissing: true, provisionalCases: 1,
      cases: [{ caseNo, itemCode: 'ITEM-02', promisedDeadline: '2026-12-29T16:00:00.000Z', statutoryDeadline: '2027-01-06T16:00:00.000Z' }],
    });
    expect((await t.app.inject('/readyz')).json()).toMatchObject({ status: 'ready', warnings: [{ code: 'CALENDAR_PROVISIONAL', year: 2027, provisionalCases: 1 }] });
    const metrics = (await t.app.inject('/metrics')).body;
    expect(metrics).toContain('shenpi_calendar_provisional_cases 1');
    expect(metrics).toContain('shenpi_calendar_last_official_year 2026');
  });

  it('refuses an arrangement naming the field: a date of another year, a weekday make-up day, a missing fixed holiday, a gap', async () => {
    const refusal = async (payload: unknown) => {
      const res = await post('/api/calendar/preview', payload);
      expect(res.statusCode, res.body).toBe(422);
      return [res.json().code, res.json().details.field];
    };
    expect(await refusal(arrangement({ holidays: [...FIXED, '2026-12-31'] }))).toEqual(['CALENDAR_INVALID', 'holidays[5]']);
    expect(await refusal(arrangement({ makeUpDays: ['2027-10-08'] }))).toEqual(['CALENDAR_INVALID', 'makeUpDays[0]']);
    expect(await refusal(arrangement({ holidays: FIXED.filter((d) => d !== '2027-05-01') }))).toEqual(['CALENDAR_INVALID', 'holidays']);
    expect(await refusal(arrangement({ year: 2028, holidays: FIXED.map((d) => d.replace('2027', '2028')), makeUpDays: [] }))).toEqual(['CALENDAR_INVALID', 'year']);
    expect(await refusal(arrangement({ makeUpDays: ['2027-01-02'] }))).toEqual(['CALENDAR_INVALID', 'makeUpDays']);
    expect((await post('/api/calendar/years', arrangement(), 'samr-staff')).statusCode).toBe(403);
  });

  it('previews without storing: a 01-04 closure would move the statutory end to 01-07, the plain 元旦 confirms 01-06', async () => {
    const moved = await post('/api/calendar/preview', arrangement({ holidays: [...NEW_YEAR, '2027-01-04', ...FIXED.slice(1)] }));
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().changes).toEqual([{ caseNo, clock: 'statutory', oldDate: '2027-01-06', newDate: '2027-01-07', change: 'moved', provisional: false }]);
    const confirmed = (await post('/api/calendar/preview', arrangement())).json();
    expect(confirmed.changes).toEqual([{ caseNo, clock: 'statutory', oldDate: '2027-01-06', newDate: '2027-01-06', change: 'confirmed', provisional: false }]);
    expect((await status()).lastYear).toBe(2026);
  });

  it('loads the arrangement: the open case recalculated once with both versions, the alert gone, and kept after a restart', async () => {
    const before = (await status()).version;
    const res = await post('/api/calendar/years', arrangement({ holidays: [...NEW_YEAR, '2027-01-04', ...FIXED.slice(1)] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, fromVersion: before, changed: 1, recorded: 1, failed: 0 });
    const after = await status();
    expect(after).toMatchObject({ lastYear: 2027, nextYearMissing: false, provisionalCases: 0, cases: [] });
    expect(after.version).not.toBe(before);
    const timeline = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}/timeline`, headers: tokens.auditor })).json();
    const rows = (Array.isArray(timeline) ? timeline : timeline.timeline).filter((r: any) => r.what === 'deadline.recalculated');
    expect(rows).toHaveLength(1);
    expect(rows[0].why).toContain('due 2027-01-07 instead of 2027-01-06');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: tokens.auditor })).json();
    expect(detail.clocks.statutory).toMatchObject({ date: '2027-01-07', provisional: false, calendarVersion: after.version });
    expect((await t.app.inject('/readyz')).json().warnings).toBeUndefined();

    // A node still counting on the package's calendar takes the loaded year at its next sweep round
    const replaced: string[] = [];
    const other = { baseVersion: 'cn-official@1.5.7:2004-2026', replaceBase: (c: { version: string }) => { replaced.push(c.version); } };
    expect(await refreshLoadedYears(t.app.store.knex, other)).toBe(true);
    expect(after.version.startsWith(replaced[0]!)).toBe(true);
    expect(await refreshLoadedYears(t.app.store.knex, t.app.runtime.locality)).toBe(false);

    // A node that starts counts on the loaded year
    await t.app.close();
    t.app = await build({ config: t.config, logger: false, scrypt: TEST_SCRYPT, background: false });
    tokens.auditor = await login(t.app, 'auditor');
    expect(await status()).toMatchObject({ lastYear: 2027, version: after.version, provisionalCases: 0 });
  });
});
