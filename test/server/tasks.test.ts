/** The task inbox, claim and complete, and messages, through `inject()` on a deployed plain BPMN. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, fixture, login, type TestApp } from './helper.js';

type Headers = { authorization: string };
let t: TestApp;
let admin: Headers, staff: Headers, applicant: Headers;

beforeEach(async () => {
  t = await buildTestApp();
  admin = await login(t.app, 'admin');
  staff = await login(t.app, 'market-staff');
  applicant = await login(t.app, 'applicant');
  const deployed = await t.app.inject({ method: 'POST', url: '/api/definitions?department=market-supervision', headers: { ...admin, 'content-type': 'application/xml' }, payload: fixture('review.bpmn') });
  expect(deployed.statusCode).toBe(201);
});
afterEach(() => t.close());

async function startCase(caseNo?: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/process-cases', headers: applicant, payload: { definitionKey: 'permit', ...(caseNo ? { caseNo } : {}), variables: { applicant: '张三' } } });
  expect(res.statusCode).toBe(201);
  return res.json<{ caseNo: string }>().caseNo;
}

const taskUrl = (id: string, action: string) => `/api/tasks/${encodeURIComponent(id)}/${action}`;

async function inbox(headers: Headers, query = ''): Promise<Array<{ taskId: string; caseNo: string; elementId: string; assignee?: string; status: string }>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/tasks${query}`, headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('tasks', () => {
  it("shows a department's staff its tasks, filtered by role and status", async () => {
    const caseNo = await startCase('SP-0001');
    expect((await inbox(staff)).map((x) => [x.caseNo, x.elementId])).toEqual([[caseNo, 'review']]);
    expect(await inbox(staff, '?role=clerk')).toEqual([]);
    expect(await inbox(staff, '?status=completed')).toEqual([]);
    expect((await inbox(admin, '?department=market-supervision')).length).toBe(1);
  });

  it('hides tasks of other departments', async () => {
    await startCase();
    await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { id: 'health-staff', name: '王五', department: 'health', roles: ['department-staff'], password: 'long-enough-pw' } });
    const other = await login(t.app, 'health-staff', 'long-enough-pw');
    expect(await inbox(other)).toEqual([]);
    const [task] = await inbox(staff);
    const res = await t.app.inject({ method: 'POST', url: taskUrl(task!.taskId, 'complete'), headers: other, payload: {} });
    expect(res.statusCode).toBe(404);
  });

  it('claims for the caller, then refuses the task to everyone else', async () => {
    await startCase();
    const [task] = await inbox(staff);
    const claimed = await t.app.inject({ method: 'POST', url: taskUrl(task!.taskId, 'claim'), headers: staff, payload: {} });
    expect(claimed.statusCode).toBe(200);
    expect((await inbox(staff))[0]!.assignee).toBe('market-staff');
    const deptAdmin = await login(t.app, 'market-admin');
    const steal = await t.app.inject({ method: 'POST', url: taskUrl(task!.taskId, 'complete'), headers: { ...deptAdmin, 'accept-language': 'en' }, payload: { outcome: 'approve' } });
    expect(steal.statusCode).toBe(403);
    expect(steal.json().message).toContain("assigned to 'market-staff'");
  });

  it("refuses claiming in another user's name", async () => {
    await startCase();
    const [task] = await inbox(staff);
    const res = await t.app.inject({ method: 'POST', url: taskUrl(task!.taskId, 'claim'), headers: staff, payload: { assignee: 'market-admin' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('completes with outcome, opinion and variables, recording the caller as actor', async () => {
    const caseNo = await startCase();
    const [task] = await inbox(staff);
    const res = await t.app.inject({ method: 'POST', url: taskUrl(task!.taskId, 'complete'), headers: staff, payload: { outcome: 'approve', opinion: '材料齐全', variables: { fee: 120 } } });
    expect(res.statusCode).toBe(200);
    expect(res.json().events[0]).toMatchObject({ type: 'task.completed' });
    const events = await t.app.store.cases.listEvents(caseNo);
    expect(events.find((e) => e.type === 'task.completed')).toMatchObject({ outcome: 'approve', opinion: '材料齐全', actor: { id: 'market-staff', department: 'market-supervision' } });
  });

  it('answers 409 TASK_NOT_ACTIVE for a task completed already', async () => {
    await startCase();
    const [task] = await inbox(staff);
    await t.app.inject({ method: 'POST', url: taskUrl(task!.taskId, 'complete'), headers: staff, payload: {} });
    const again = await t.app.inject({ method: 'POST', url: taskUrl(task!.taskId, 'complete'), headers: staff, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TASK_NOT_ACTIVE');
  });

  it('returns the first result for a repeated Idempotency-Key', async () => {
    await startCase();
    const [task] = await inbox(staff);
    const send = () => t.app.inject({ method: 'POST', url: taskUrl(task!.taskId, 'complete'), headers: { ...staff, 'idempotency-key': 'complete-review-1' }, payload: { outcome: 'approve' } });
    const first = await send();
    const second = await send();
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
  });

  it('refuses a smuggled actor field and an unknown task', async () => {
    await startCase();
    const [task] = await inbox(staff);
    const smuggled = await t.app.inject({ method: 'POST', url: taskUrl(task!.taskId, 'complete'), headers: staff, payload: { actor: { id: 'admin' } } });
    expect(smuggled.statusCode).toBe(400);
    expect(smuggled.json().details.errors[0].path).toBe('/body/actor');
    expect((await t.app.inject({ method: 'POST', url: taskUrl('nope:e1', 'complete'), headers: staff, payload: {} })).statusCode).toBe(404);
  });

  it('correlates a message by case number, and refuses one nothing waits for with 409', async () => {
    const caseNo = await startCase();
    const early = await t.app.inject({ method: 'POST', url: '/api/messages', headers: staff, payload: { caseNo, name: 'fee-paid' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('MESSAGE_NOT_EXPECTED');
    const [task] = await inbox(staff);
    await t.app.inject({ method: 'POST', url: taskUrl(task!.taskId, 'complete'), headers: staff, payload: {} });
    const paid = await t.app.inject({ method: 'POST', url: '/api/messages', headers: staff, payload: { caseNo, name: 'fee-paid', variables: { amount: 120 } } });
    expect(paid.statusCode).toBe(200);
    expect((await inbox(staff)).map((x) => x.elementId)).toEqual(['issue']);
    expect((await t.app.inject({ method: 'POST', url: '/api/messages', headers: staff, payload: { caseNo: 'NOPE-1', name: 'fee-paid' } })).statusCode).toBe(404);
  });

  it("shows an applicant their own case and nobody else's", async () => {
    const caseNo = await startCase();
    const own = await t.app.inject({ method: 'GET', url: `/api/process-cases/${caseNo}`, headers: applicant });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ caseNo, status: 'active', applicant: 'applicant', departments: ['market-supervision'], tasks: [{ elementId: 'review' }] });
    // The definition it runs, by the names the start request uses; the former itemKey stays readable.
    expect(own.json()).toMatchObject({ definitionKey: 'permit', definitionVersion: 1, itemKey: 'permit' });
    await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { id: 'li.si', name: '李四', roles: ['applicant'], password: 'long-enough-pw' } });
    const stranger = await login(t.app, 'li.si', 'long-enough-pw');
    expect((await t.app.inject({ method: 'GET', url: `/api/process-cases/${caseNo}`, headers: stranger })).statusCode).toBe(404);
  });

  it('refuses starting a definition that is not deployed with 422', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/process-cases', headers: applicant, payload: { definitionKey: 'missing' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('INVALID_COMMAND');
  });
});
