/**
 * Violations the law names, each recorded once for supervision as it happens, through HTTP on a controlled
 * clock (ITEM-02; March 2026 has no holiday):
 * - 第32条: received Mon 03-02 with a material missing and no notice; the 5-WD window ends Mon 03-09, so at 00:30
 *   on Tue 03-10 the timer deems the case accepted from 03-02 and one `correction-window-lapsed` record is issued
 *   (answer due 5 WD later, Tue 03-17). The promised 5 WD from 03-02 also ended 03-09: one `case-overdue`.
 * - 第32条: a second correction notice with a new item, allowed by the listing with a reason: one record.
 * - 第44条: decided Mon 03-02, the 5-WD delivery limit ends Mon 03-09; delivered Tue 03-10: one `late-delivery`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood, buildCaseApp, completeTask, pinClock, SAMR, type CaseApp } from './case-support.js';
import { caseDetail, deployEdited, notices } from './clock-support.js';

let t: CaseApp;
let lapsed: string;
let second: string;
let delivered: string;

beforeAll(async () => {
  t = await buildCaseApp();
  lapsed = await applyFood(t.app, t.tokens.applicant, { files: ['M1', 'M4'] });
  delivered = await applyFood(t.app, t.tokens.applicant);
  await deployEdited(t.app, t.tokens.admin, 'ITEM-02', (l) => { l.secondCorrectionNotice = 'record-violation'; });
  second = await applyFood(t.app, t.tokens.applicant, { files: ['M1', 'M4'] });
  expect((await post(delivered, 'accept', 'samr-staff')).statusCode).toBe(200);
  for (const step of ['review', 'siteCheck', 'audit']) await completeTask(t.app, t.tokens['samr-staff'], delivered, step);
  await completeTask(t.app, t.tokens['samr-staff'], delivered, 'decide', { outcome: 'approve', opinion: '符合许可条件' });
  expect((await post(delivered, 'certificate', 'samr-staff', {})).statusCode).toBe(200);
  await completeTask(t.app, t.tokens['samr-staff'], delivered, 'issue');
}, 120_000);
afterAll(() => t.close());

function post(caseNo: string, path: string, who: keyof CaseApp['tokens'], payload?: object) {
  return t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/${path}`, headers: t.tokens[who], ...(payload ? { payload } : {}) });
}
const sweep = () => t.app.inject({ method: 'POST', url: '/api/supervision/sweep', headers: t.tokens.admin });

describe('violations recorded once', () => {
  it('records a second correction notice that asks for something new', async () => {
    const first = await post(second, 'correction-notice', 'samr-staff', { items: [{ code: 'M3', reason: '缺少经营场所布局图', basis: null }] });
    expect(first.statusCode, first.body).toBe(200);
    expect((await post(second, 'correction', 'applicant', { materials: [{ material: 'M3', shared: { type: '布局图', number: 'B-1', issuer: SAMR } }] })).statusCode).toBe(200);
    const again = await post(second, 'correction-notice', 'samr-staff', { items: [{ code: 'M5', reason: '补充设备清单', basis: null }], reason: '现场发现新增设备' });
    expect(again.statusCode, again.body).toBe(200);
    await sweep();
    const all = await notices(t.app, t.tokens.auditor, second);
    expect(all.map((n) => [n.rule, n.stepId, n.issuedOn, n.responseDue, n.gb.监察规则编号])).toEqual([['second-correction-notice', 'notice:2', '2026-03-02', '2026-03-09', 'JC-32-02']]);
  });

  it('deems the lapsed window an acceptance from the receipt and records the lapse once', async () => {
    await pinClock(t.app, t.tokens.admin, '2026-03-10', '00:30');
    const c = await caseDetail(t.app, t.tokens.auditor, lapsed);
    expect(c.acceptance).toMatchObject({ deemed: true, acceptedOn: '2026-03-02' });
    await sweep();
    await pinClock(t.app, t.tokens.admin, '2026-03-10', '08:00');
    const all = await notices(t.app, t.tokens.auditor, lapsed);
    expect(all.map((n) => n.rule).sort()).toEqual(['case-overdue', 'correction-window-lapsed']);
    const lapse = all.find((n) => n.rule === 'correction-window-lapsed');
    expect(lapse).toMatchObject({ issuedOn: '2026-03-10', responseDue: '2026-03-17', warningType: 'procedure', department: SAMR });
    expect(lapse.gb).toMatchObject({ 办件编号: lapsed, 监察规则编号: 'JC-32-01', 监察预警类型代码: '3', 督办发出时间: '2026-03-09T16:30:00.000Z', 机构名称: SAMR, 责任部门: SAMR });
  });

  it('records a delivery after the 第44条 limit', async () => {
    expect((await caseDetail(t.app, t.tokens.auditor, delivered)).clocks.delivery.date).toBe('2026-03-09');
    const res = await post(delivered, 'delivery', 'samr-staff', { method: 'pickup' });
    expect(res.statusCode, res.body).toBe(200);
    await sweep();
    const all = await notices(t.app, t.tokens.auditor, delivered);
    expect(all.map((n) => [n.rule, n.issuedOn, n.responseDue, n.warningType, n.gb.监察预警类型代码])).toEqual([['late-delivery', '2026-03-10', '2026-03-17', 'overdue', '2']]);
  });
});
