/**
 * The approval engine wired by build(): the timer poller fires an approval case's pre-acceptance window on
 * the approval aggregate (deemed acceptance, 行政许可法 第32条), task routes and messages reach approval cases,
 * and plain BPMN cases keep running on the core beside them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood, buildCaseApp, type CaseApp } from './case-support.js';
import { fixture } from './helper.js';

let t: CaseApp;
beforeAll(async () => {
  t = await buildCaseApp();
});
afterAll(() => t.close());

describe('the approval engine in the server', () => {
  it('deems an application accepted when the poller fires its lapsed window, on the approval aggregate', async () => {
    const caseNo = await applyFood(t.app, t.tokens.applicant, { files: ['M1'] });
    const lapsed = '2026-03-10'; // the day after the window's last day, 5 WD after 03-02 = 03-09
    const moved = await t.app.inject({ method: 'POST', url: '/api/clock', headers: t.tokens.admin, payload: { pin: `${lapsed}T00:01:00+08:00` } });
    expect(moved.json().timersFired).toBe(1);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: t.tokens['samr-staff'] })).json();
    expect(detail).toMatchObject({ status: 8, acceptance: { acceptedOn: '2026-03-02', deemed: true, by: 'system:timer' } });
    expect(detail.documents.map((d: { kind: string }) => d.kind)).toEqual(['acceptance-notice']);
    // The task it opened is in the department's inbox, and the task route completes it on the aggregate.
    const inbox = (await t.app.inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}`, headers: t.tokens['samr-staff'] })).json();
    expect(inbox.map((x: { elementId: string; department: string }) => [x.elementId, x.department])).toEqual([['review', '区市场监督管理局']]);
    expect((await t.app.inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}`, headers: t.tokens['market-staff'] })).json()).toEqual([]);
    const done = await t.app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(inbox[0].taskId)}/complete`, headers: t.tokens['samr-staff'], payload: {} });
    expect(done.statusCode, done.body).toBe(200);
    const timeline = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}/timeline`, headers: t.tokens.applicant })).json();
    expect(timeline.map((e: { what: string }) => e.what)).toEqual(expect.arrayContaining(['case.accepted', 'task.completed']));
  });

  it('keeps plain BPMN cases on the core, and refuses starting an item\u2019s process as a plain case', async () => {
    await t.app.inject({ method: 'POST', url: '/api/definitions?department=market-supervision', headers: { ...t.tokens.admin, 'content-type': 'application/xml' }, payload: fixture('review.bpmn') });
    const started = await t.app.inject({ method: 'POST', url: '/api/process-cases', headers: t.tokens.applicant, payload: { definitionKey: 'permit' } });
    expect(started.statusCode).toBe(201);
    const caseNo = started.json().caseNo;
    const [task] = (await t.app.inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}`, headers: t.tokens['market-staff'] })).json();
    expect((await t.app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(task.taskId)}/complete`, headers: t.tokens['market-staff'], payload: {} })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/messages', headers: t.tokens['market-staff'], payload: { caseNo, name: 'fee-paid' } })).statusCode).toBe(200);
    // A plain case is not an approval case: the case routes do not know it.
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: t.tokens.admin })).statusCode).toBe(404);
    const item = await t.app.inject({ method: 'POST', url: '/api/process-cases', headers: t.tokens.applicant, payload: { definitionKey: 'ITEM-02' } });
    expect(item.statusCode).toBe(422);
  });
});
