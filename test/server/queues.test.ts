/**
 * The caller's own queues of `GET /api/cases?queue=`: 已办 (cases the caller acted on beyond applying or
 * claiming), 我发起的 (window applications the caller registered) and 抄送我的 (cases whose steps were copied to
 * the caller or their department), combined with the other filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood, buildCaseApp, foodFacts, LICENCE, multipart, pdf, type CaseApp } from './case-support.js';

let t: CaseApp;
let online: string;
let windowCase: string;

const queue = async (who: keyof CaseApp['tokens'], query: string): Promise<string[]> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/cases?${query}`, headers: t.tokens[who] });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Array<{ caseNo: string }> }>().items.map((r) => r.caseNo).sort();
};

beforeAll(async () => {
  t = await buildCaseApp();
  online = await applyFood(t.app, t.tokens.applicant, { files: ['M1', 'M4'] });
  // A walk-in applicant registered at the window by the department's clerk
  const application = {
    itemCode: 'ITEM-02', channel: 'window', facts: foodFacts(), materials: [LICENCE],
    applicant: { id: 'RESIDENT_ID:110101198805050011', name: '李四', kind: 'ENTERPRISE', idType: 'RESIDENT_ID', idNumber: '110101198805050011' },
  };
  const body = multipart([{ name: 'application', value: JSON.stringify(application) }, ...['M1', 'M3', 'M4'].map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: pdf(m) }))]);
  const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { ...t.tokens['samr-staff'], ...body.headers }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  windowCase = res.json<{ caseNo: string }>().caseNo;
});
afterAll(() => t?.close());

describe('the queues of GET /api/cases', () => {
  it('lists under 我发起的 the window applications the clerk registered, and nobody else\'s', async () => {
    expect(await queue('samr-staff', 'queue=started')).toEqual([windowCase]);
    expect(await queue('samr-admin', 'queue=started')).toEqual([]);
    expect(await queue('applicant', 'queue=started')).toEqual([]);
  });

  it('lists under 已办 the cases the user acted on, filtered by applicant and status', async () => {
    expect(await queue('samr-staff', 'queue=done')).toEqual([]);
    const notice = await t.app.inject({ method: 'POST', url: `/api/cases/${online}/correction-notice`, headers: t.tokens['samr-staff'], payload: { items: [{ code: 'M3', reason: '未提交', basis: null }] } });
    expect(notice.statusCode, notice.body).toBe(200);
    const accepted = await t.app.inject({ method: 'POST', url: `/api/cases/${windowCase}/accept`, headers: t.tokens['samr-staff'], payload: {} });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await queue('samr-staff', 'queue=done')).toEqual([online, windowCase].sort());
    expect(await queue('samr-staff', `queue=done&applicant=${encodeURIComponent('李四')}`)).toEqual([windowCase]);
    // SPGL 6: correction started
    expect(await queue('samr-staff', 'queue=done&status=6')).toEqual([online]);
    expect(await queue('samr-staff', `queue=done&caseNo=${online.slice(-5)}`)).toEqual([online]);
    expect(await queue('samr-admin', 'queue=done')).toEqual([]);
  });

  it('lists under 抄送我的 the cases copied to the user', async () => {
    const tasks = (await t.app.inject({ method: 'GET', url: `/api/tasks?caseNo=${windowCase}`, headers: t.tokens['samr-staff'] })).json<Array<{ taskId: string }>>();
    const url = (op: string) => `/api/tasks/${encodeURIComponent(tasks[0]!.taskId)}/${op}`;
    expect((await t.app.inject({ method: 'POST', url: url('claim'), headers: t.tokens['samr-staff'], payload: {} })).statusCode).toBe(200);
    const copied = await t.app.inject({ method: 'POST', url: url('copies'), headers: t.tokens['samr-staff'], payload: { users: ['samr-admin'], note: '请知悉' } });
    expect(copied.statusCode, copied.body).toBe(200);
    expect(await queue('samr-admin', 'queue=copied')).toEqual([windowCase]);
    expect(await queue('samr-admin', 'queue=copied&applicant=nobody')).toEqual([]);
    expect(await queue('samr-staff', 'queue=copied')).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/cases?queue=mine', headers: t.tokens['samr-staff'] })).statusCode).toBe(400);
  });

  it('tells an applicant with a portal account of the window case registered for them, in their 站内消息', async () => {
    const application = {
      itemCode: 'ITEM-02', channel: 'window', facts: foodFacts(), materials: [LICENCE],
      applicant: { id: 'applicant', name: '张三', kind: 'ENTERPRISE', idType: 'RESIDENT_ID', idNumber: '110101199003071234' },
    };
    const body = multipart([{ name: 'application', value: JSON.stringify(application) }, ...['M1', 'M3', 'M4'].map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: pdf(m) }))]);
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { ...t.tokens['samr-staff'], ...body.headers }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(201);
    const caseNo = res.json<{ caseNo: string }>().caseNo;
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/accept`, headers: t.tokens['samr-staff'], payload: {} })).statusCode).toBe(200);
    const list = (await t.app.inject({ method: 'GET', url: `/api/notifications?caseNo=${caseNo}`, headers: t.tokens.applicant })).json<{ items: Array<{ kind: string; title: string }> }>();
    expect(list.items.map((i) => `${i.kind} ${i.title}`)).toEqual(['accepted 受理通知']);
    expect(await queue('applicant', 'limit=200')).toContain(caseNo);
  });
});
