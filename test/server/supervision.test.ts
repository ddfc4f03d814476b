/**
 * Supervision and reports through inject(), on a controlled clock: the lights of a case as days pass (scenario
 * S8 on a 5-working-day promise), one supervision notice per violation however often the sweep runs, the
 * responsible department's answer, the lights overview, the monthly figures as JSON and CSV, and the public
 * progress query with its identity check and rate limit.
 */
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../server/queries/cases.js';
import { applyFood, buildCaseApp, completeTask, openTask, pinClock, SAMR, type CaseApp } from './case-support.js';

const D0 = '2026-03-02';
const PROMISED = '2026-03-09'; // 5 WD after Mon 03-02: 03, 04, 05, 06, 09
let t: CaseApp;
let late: string;
let done: string;
/** The review task (1 WD) of `late`, left open past its own due (2026-03-04 00:00): one step-overdue notice. */
let lateReview: string;
beforeAll(async () => {
  t = await buildCaseApp({ SHENPI_PROGRESS_RATE_LIMIT: '8' });
  late = await applyFood(t.app, t.tokens.applicant);
  done = await applyFood(t.app, t.tokens.applicant);
  for (const caseNo of [late, done]) expect((await post(`/api/cases/${caseNo}/accept`, t.tokens['samr-staff'])).statusCode).toBe(200);
  lateReview = await openTask(t.app, t.tokens['samr-staff'], late, 'review');
  // `done` is reviewed within its step's limit (1 WD), decided on its second working day, delivered by express and evaluated 2.
  await pinClock(t.app, t.tokens.admin, '2026-03-03');
  await completeTask(t.app, t.tokens['samr-staff'], done, 'review');
  await pinClock(t.app, t.tokens.admin, '2026-03-04');
  for (const step of ['siteCheck', 'audit']) await completeTask(t.app, t.tokens['samr-staff'], done, step);
  await completeTask(t.app, t.tokens['samr-staff'], done, 'decide', { outcome: 'approve', opinion: '符合许可条件' });
  expect((await post(`/api/cases/${done}/certificate`, t.tokens['samr-staff'], {})).statusCode).toBe(200);
  await completeTask(t.app, t.tokens['samr-staff'], done, 'issue');
  expect((await post(`/api/cases/${done}/delivery`, t.tokens['samr-staff'], { method: 'express', trackingNumber: 'SF1234567890' })).statusCode).toBe(200);
  expect((await post(`/api/cases/${done}/evaluation`, t.tokens.applicant, { grade: 2 })).statusCode).toBe(200);
});
afterAll(() => t.close());

function post(url: string, headers: Record<string, string>, payload?: object) {
  return t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
}
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const light = async () => (await get(`/api/cases/${late}`, t.tokens.auditor)).json().light as string;
const byRule = <T extends { rule: string }>(notices: T[], rule: string): T[] => notices.filter((n) => n.rule === rule);
/** The notice for `late`'s review step, recorded by the sweep of the clock pinned to 2026-03-04. */
const stepNotice = () => expect.objectContaining({
  caseNo: late, rule: 'step-overdue', stepId: `task:${lateReview}`, warningType: 'overdue', department: SAMR, issuedOn: '2026-03-04',
});

describe('supervision', () => {
  it('shows green, then yellow from 80% of the promised limit, then red after its last day', async () => {
    await pinClock(t.app, t.tokens.admin, '2026-03-05');
    expect(await light()).toBe('green');
    await pinClock(t.app, t.tokens.admin, PROMISED);
    expect(await light()).toBe('yellow');
    const notices = (await get('/api/supervision/notices', t.tokens.auditor)).json();
    expect(byRule(notices, 'case-overdue')).toEqual([]);
    expect(notices).toEqual([stepNotice()]);
    await pinClock(t.app, t.tokens.admin, '2026-03-10', '00:30'); // the day after the last day 03-09
    expect(await light()).toBe('red');
  });

  it('records one notice for the overdue case, however often the sweep runs', async () => {
    expect((await post('/api/supervision/sweep', t.tokens['samr-admin'])).statusCode).toBe(403);
    for (let i = 0; i < 3; i++) expect((await post('/api/supervision/sweep', t.tokens.auditor)).json()).toMatchObject({ recorded: 0, failed: 0 });
    // One case-overdue notice beside the one step-overdue notice of the review task, both by the sweep.
    expect(await countRows(t.app.store.knex, 'supervision_notices')).toBe(2);
    const notices = (await get('/api/supervision/notices', t.tokens.admin)).json();
    const overdueOn = '2026-03-10'; // the first sweep after the last day 03-09
    expect(byRule(notices, 'case-overdue')).toEqual([expect.objectContaining({
      caseNo: late, rule: 'case-overdue', warningType: 'overdue', department: SAMR, issuedOn: overdueOn,
      // The department answers within 5 WD after Tue 03-10: 11, 12, 13, 16, 17.
      responseDue: '2026-03-17', responseOverdue: false,
    })]);
    expect(byRule(notices, 'step-overdue')).toEqual([stepNotice()]);
    expect(notices).toHaveLength(2);
    expect((await get('/api/supervision/notices', t.tokens['market-staff'])).json()).toEqual([]);
    expect((await get(`/api/supervision/notices?department=${encodeURIComponent(SAMR)}`, t.tokens['market-staff'])).statusCode).toBe(403);
    expect((await get('/api/supervision/notices', t.tokens.applicant)).statusCode).toBe(403);
    const timeline = (await get(`/api/cases/${late}/timeline`, t.tokens.auditor)).json();
    expect(timeline.filter((e: { what: string }) => e.what === 'supervision.recorded')).toHaveLength(2);
  });

  it('takes the answer of the responsible department, once', async () => {
    const notice = byRule((await get('/api/supervision/notices?open=true', t.tokens['samr-staff'])).json<Array<{ id: string; rule: string }>>(), 'case-overdue')[0]!;
    expect(notice).toBeDefined();
    const answer = (headers: Record<string, string>) => post(`/api/supervision/notices/${notice.id}/response`, headers, { response: '已加派人员，三日内办结' });
    expect((await answer(t.tokens['market-admin'])).statusCode).toBe(403);
    expect((await answer(t.tokens.auditor)).statusCode).toBe(403);
    const answered = await answer(t.tokens['samr-staff']);
    expect(answered.json()).toMatchObject({ response: '已加派人员，三日内办结', respondedBy: 'samr-staff' });
    expect((await answer(t.tokens['samr-admin'])).statusCode).toBe(409);
    expect((await post('/api/supervision/notices/999/response', t.tokens['samr-staff'], { response: 'x' })).statusCode).toBe(404);
    // Only the step's notice, not answered yet, is still open.
    expect((await get('/api/supervision/notices?open=true', t.tokens.admin)).json()).toEqual([stepNotice()]);
  });

  it('gives the lights per department and the overdue cases', async () => {
    const lights = (await get('/api/supervision/lights', t.tokens.auditor)).json();
    expect(lights.departments).toEqual([{ department: SAMR, green: 0, yellow: 0, blue: 0, red: 1, paused: 0, total: 1 }]);
    expect(lights.overdue.map((c: { caseNo: string; overdue: boolean }) => [c.caseNo, c.overdue])).toEqual([[late, true]]);
    expect((await get('/api/supervision/lights', t.tokens['samr-staff'])).json().departments).toHaveLength(1);
    expect((await get('/api/supervision/lights', t.tokens['market-staff'])).json()).toMatchObject({ departments: [], overdue: [] });
    expect((await get('/api/cases?overdue=true', t.tokens['samr-staff'])).json().items.map((c: { caseNo: string }) => c.caseNo)).toEqual([late]);
  });
});

describe('monthly report', () => {
  it('counts per department and item: received, accepted, completed on time, working days, online share, express, evaluations', async () => {
    expect((await get('/api/reports/monthly?month=2026-03', t.tokens['samr-admin'])).statusCode).toBe(403);
    const res = await get('/api/reports/monthly?month=2026-03', t.tokens.auditor);
    expect(res.json()).toEqual({
      month: '2026-03',
      rows: [expect.objectContaining({
        department: SAMR, itemCode: 'ITEM-02', received: 2, online: 2, onlineShare: 1, accepted: 2, rejected: 0, completed: 1, onTime: 1, overdue: 0,
        averageWorkingDays: 2, expressDeliveries: 1, evaluations: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 0 }, rectificationsOpened: 0,
      })],
    });
    expect((await get('/api/reports/monthly?month=2026-04', t.tokens.admin)).json().rows).toEqual([]);
    expect((await get('/api/reports/monthly?month=2026-13', t.tokens.admin)).statusCode).toBe(400);
  });

  it('answers CSV with Accept: text/csv: a byte-order mark, Chinese headers, English ones when asked', async () => {
    const res = await get('/api/reports/monthly?month=2026-03', { ...t.tokens.admin, accept: 'text/csv' });
    expect(res.headers['content-type']).toContain('text/csv');
    // Excel and WPS read UTF-8 only with its byte-order mark; without it the Chinese headers come out garbled
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, line] = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(',').slice(0, 6)).toEqual(['实施部门', '事项编码', '事项名称', '收件数', '网上申请数', '网办率']);
    expect(header!.split(',').slice(13, 18)).toEqual(['评价“非常满意”数', '评价“满意”数', '评价“基本满意”数', '评价“不满意”数', '评价“非常不满意”数']);
    expect(line!.split(',').slice(0, 2)).toEqual([SAMR, 'ITEM-02']);
    const en = await get('/api/reports/monthly?month=2026-03', { ...t.tokens.admin, accept: 'text/csv', 'accept-language': 'en' });
    expect(en.body.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',').slice(0, 5)).toEqual(['department', 'itemCode', 'itemName', 'received', 'online']);
  });

  it('answers an Excel workbook with the same figures as the JSON, numbers as numbers', async () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const res = await get('/api/reports/monthly?month=2026-03', { ...t.tokens.admin, accept: xlsx });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(xlsx);
    expect(res.headers['content-disposition']).toBe('attachment; filename="shenpi-2026-03.xlsx"');
    const sheets = await readXlsxFile(res.rawPayload);
    expect(sheets.map((s) => s.sheet)).toEqual(['2026-03']);
    const [head, first] = sheets[0]!.data;
    expect(head!.slice(0, 4)).toEqual(['实施部门', '事项编码', '事项名称', '收件数']);
    const json = (await get('/api/reports/monthly?month=2026-03', t.tokens.admin)).json().rows[0];
    expect(first!.slice(0, 5)).toEqual([SAMR, 'ITEM-02', json.itemName, json.received, json.online]);
    expect(typeof first![3]).toBe('number');
  });
});

describe('public progress', () => {
  it('shows stage, status and light for the case number and ID suffix, and nothing personal', async () => {
    const res = await get(`/api/public/progress?caseNo=${late}&idSuffix=1234`);
    expect(res.json()).toEqual({ caseNo: late, itemName: expect.any(String), status: 8, stage: 'review', light: 'red', receivedOn: D0, promisedDate: PROMISED, concluded: false });
    expect(res.body).not.toContain('陈静');
    expect((await get(`/api/public/progress?caseNo=${late}&idSuffix=9999`)).statusCode).toBe(404);
    expect((await get(`/api/public/progress?caseNo=${late}`)).statusCode).toBe(400);
  });

  it('is rate limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await get(`/api/public/progress?caseNo=${late}&idSuffix=0000`)).statusCode);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 429 && s !== 404)).toEqual([]);
  });
});
