/**
 * The extension (延长审批, 行政许可法 第42条) through HTTP on a controlled clock, for ITEM-02 versions whose
 * listing is silent on the extension (the law's own: 10 WD, approved by the agency head), one whose promised
 * limit stays put, and one where a late extension is granted and recorded for supervision.
 *
 * Dates worked by hand on the official 2026 calendar (March 2026 has no holiday): accepted Mon 03-02, the
 * statutory 10 WD end Mon 03-16 (03-03..06, 03-09..13, 03-16) and the promised 5 WD Mon 03-09. Ten more
 * working days: statutory 03-17..20, 03-23..27, 03-30 gives Mon 03-30; promised 03-10..13, 03-16..20, 03-23
 * gives Mon 03-23.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood, buildCaseApp, pinClock, SAMR, type CaseApp } from './case-support.js';
import { caseDetail, caseDocument, deployEdited, notices } from './clock-support.js';

let t: CaseApp;
const cases: Record<'silent' | 'late' | 'fixed' | 'supervised', string> = {} as never;
const reason = '需组织专家对经营场所卫生条件进行论证';

beforeAll(async () => {
  t = await buildCaseApp();
  const silent = (l: Record<string, any>) => { delete l.statutoryLimit.extension; };
  await deployEdited(t.app, t.tokens.admin, 'ITEM-02', silent);
  cases.silent = await applyFood(t.app, t.tokens.applicant);
  cases.late = await applyFood(t.app, t.tokens.applicant);
  await deployEdited(t.app, t.tokens.admin, 'ITEM-02', (l) => { silent(l); l.statutoryLimit.extensionMovesPromised = false; });
  cases.fixed = await applyFood(t.app, t.tokens.applicant);
  await deployEdited(t.app, t.tokens.admin, 'ITEM-02', (l) => { silent(l); l.statutoryLimit.lateExtension = 'record-violation'; });
  cases.supervised = await applyFood(t.app, t.tokens.applicant);
  for (const caseNo of Object.values(cases)) expect((await post(caseNo, 'accept', t.tokens['samr-staff'])).statusCode).toBe(200);
}, 120_000);
afterAll(() => t.close());

function post(caseNo: string, path: string, headers: Record<string, string>, payload?: object) {
  return t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/${path}`, headers, ...(payload ? { payload } : {}) });
}
const extend = (caseNo: string, value: number, who: 'samr-admin' | 'samr-staff' = 'samr-admin') =>
  post(caseNo, 'extension', t.tokens[who], { requested: { value, unit: 'WD' }, reason });
const dates = async (caseNo: string) => {
  const c = (await caseDetail(t.app, t.tokens.auditor, caseNo)).clocks;
  return { statutory: c.statutory.date, promised: c.promised.date };
};

describe('the extension of 行政许可法第42条', () => {
  it('applies the law’s default when the listing is silent: up to 10 WD, by the agency head, once; the promise moves too', async () => {
    await pinClock(t.app, t.tokens.admin, '2026-03-06');
    expect(await dates(cases.silent)).toEqual({ statutory: '2026-03-16', promised: '2026-03-09' });
    expect((await extend(cases.silent, 11)).json()).toMatchObject({ code: 'EXTENSION_OVER_CAP' });
    const clerk = await extend(cases.silent, 10, 'samr-staff');
    expect([clerk.statusCode, clerk.json().code]).toEqual([403, 'EXTENSION_APPROVER_ROLE']);
    const granted = await extend(cases.silent, 10);
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().document).toBe(`/api/cases/${cases.silent}/documents/extension-notice`);
    expect(await dates(cases.silent)).toEqual({ statutory: '2026-03-30', promised: '2026-03-23' });
    const again = await extend(cases.silent, 1);
    expect([again.statusCode, again.json().code]).toEqual([409, 'EXTENSION_ALREADY_GRANTED']);
    const html = await caseDocument(t.app, t.tokens.applicant, cases.silent, 'extension-notice');
    expect(html).toContain('延长审批期限告知书');
    expect(html).toContain(`<span data-field="reason">${reason}</span>`);
    expect(html).toContain('<strong data-field="extension">10个工作日</strong>');
    expect(html).toContain('<strong data-field="statutoryDate">2026年3月30日</strong>');
    expect(html).toContain('<strong data-field="promisedDate">2026年3月23日</strong>（随法定期限同步延长）');
    expect(html).toContain('行政许可法第42条第1款');
  });

  it('keeps the promised date where the item says the promise does not move', async () => {
    expect((await extend(cases.fixed, 10)).statusCode).toBe(200);
    expect(await dates(cases.fixed)).toEqual({ statutory: '2026-03-30', promised: '2026-03-09' });
    expect(await caseDocument(t.app, t.tokens.applicant, cases.fixed, 'extension-notice')).toContain('2026年3月9日</strong>（不变）');
  });

  it('refuses an extension after the statutory limit ran out (from 00:00 on 03-17) and records none', async () => {
    await pinClock(t.app, t.tokens.admin, '2026-03-17', '00:30');
    const res = await extend(cases.late, 5);
    expect([res.statusCode, res.json().code]).toEqual([409, 'EXTENSION_LIMIT_EXPIRED']);
    expect(res.json().message).toBe('法定期限已届满，不能再延期（法定办结日期2026-03-16）');
    expect(await dates(cases.late)).toEqual({ statutory: '2026-03-16', promised: '2026-03-09' });
    expect((await notices(t.app, t.tokens.auditor, cases.late)).map((n) => n.rule)).not.toContain('late-extension');
  });

  it('grants a late extension where the listing says so and records the violation exactly once', async () => {
    const res = await extend(cases.supervised, 10);
    expect(res.statusCode, res.body).toBe(200);
    expect(await dates(cases.supervised)).toEqual({ statutory: '2026-03-30', promised: '2026-03-23' });
    expect((await t.app.inject({ method: 'POST', url: '/api/supervision/sweep', headers: t.tokens.admin })).statusCode).toBe(200);
    const all = await notices(t.app, t.tokens.auditor, cases.supervised);
    // The review task (1 WD, due 03-04 00:00) and the promise (03-09) were red before; the extension adds one.
    expect(all.map((n) => n.rule).sort()).toEqual(['case-overdue', 'late-extension', 'step-overdue']);
    const late = all.find((n) => n.rule === 'late-extension');
    expect(late).toMatchObject({ issuedOn: '2026-03-17', responseDue: '2026-03-24', department: SAMR, warningType: 'procedure' });
    expect(late.gb).toEqual({
      办件编号: cases.supervised,
      督办内容: `办件${cases.supervised}于2026-03-17延长审批，而法定时限已于2026-03-16届满（行政许可法第42条第1款）`,
      机构名称: SAMR,
      督办发出时间: '2026-03-16T16:30:00.000Z',
      监察规则编号: 'JC-42-02',
      监察预警类型代码: '3',
      责任部门: SAMR,
      督办回复期限: '2026-03-24',
    });
  });
});
