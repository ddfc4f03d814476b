/**
 * Claim and complete take one path, the task service: the step's authority is decided again on the case the
 * command loads (not on the inbox row alone), and the case is loaded once per claim or completion, for a
 * plain BPMN case on the core and for an approval case on the approval aggregate. The operations on a task
 * (转办, 委派, 加签, 驳回, 拿回, 催办, 抄送) take the same service.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseStore } from '../../engine/runtime/ports.js';
import { applyFood, buildCaseApp, openTask, type CaseApp } from './case-support.js';
import { buildTestApp, fixture, login, type TestApp } from './helper.js';

let t: TestApp | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.close();
  t = undefined;
});

type Headers = { authorization: string };
const taskUrl = (id: string, action: string) => `/api/tasks/${encodeURIComponent(id)}/${action}`;

/** A plain `permit` case (review.bpmn: `review` needs `reviewer` of market-supervision) and its review task. */
async function permitCase(app: TestApp['app'], admin: Headers): Promise<{ caseNo: string; taskId: string }> {
  const deployed = await app.inject({ method: 'POST', url: '/api/definitions?department=market-supervision', headers: { ...admin, 'content-type': 'application/xml' }, payload: fixture('review.bpmn') });
  expect(deployed.statusCode).toBe(201);
  const applicant = await login(app, 'applicant');
  const started = await app.inject({ method: 'POST', url: '/api/process-cases', headers: applicant, payload: { definitionKey: 'permit', variables: {} } });
  expect(started.statusCode).toBe(201);
  const caseNo = started.json<{ caseNo: string }>().caseNo;
  const tasks = await app.inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}`, headers: admin });
  const taskId = tasks.json<Array<{ taskId: string; elementId: string }>>().find((x) => x.elementId === 'review')!.taskId;
  return { caseNo, taskId };
}

/** Counts `loadCase` on every case store of the app (the core's and the approval view share the class). */
function countLoads(cases: CaseStore): { count: () => number; reset: () => void } {
  const spy = vi.spyOn(Object.getPrototypeOf(cases) as CaseStore, 'loadCase');
  return { count: () => spy.mock.calls.length, reset: () => spy.mockClear() };
}

/** An app with an accepted ITEM-02 case and the id of its open review step. */
async function acceptedFoodCase(): Promise<{ c: CaseApp; caseNo: string; taskId: string }> {
  const c: CaseApp = await buildCaseApp();
  t = c;
  const caseNo = await applyFood(c.app, c.tokens.applicant);
  expect((await c.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/accept`, headers: c.tokens['samr-staff'], payload: {} })).statusCode).toBe(200);
  return { c, caseNo, taskId: await openTask(c.app, c.tokens['samr-staff'], caseNo, 'review') };
}

describe('the task path', () => {
  it("decides the step's authority on the case the command loads, not on the inbox row alone", async () => {
    t = await buildTestApp();
    const admin = await login(t.app, 'admin');
    const { caseNo, taskId } = await permitCase(t.app, admin);
    const created = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { id: 'market-newcomer', name: '赵六', department: 'market-supervision', roles: ['department-staff'], groups: [], password: 'long-enough-pw' } });
    expect(created.statusCode).toBe(201);
    const newcomer = await login(t.app, 'market-newcomer', 'long-enough-pw');

    // The policy refuses first, on the inbox row: the step needs `reviewer`.
    const byPolicy = await t.app.inject({ method: 'POST', url: taskUrl(taskId, 'complete'), headers: newcomer, payload: {} });
    expect(byPolicy.statusCode).toBe(403);
    expect(byPolicy.json()).toMatchObject({ code: 'STEP_ROLE_MISSING', details: { action: 'task.complete', needs: ['reviewer'] } });

    // An inbox row that no longer names the role does not hand the step over: the task service checks the
    // same rule on the case itself, so the refusal is the service's (no policy `action` in its details).
    await t.app.store.knex('tasks').where({ case_no: caseNo, task_id: taskId }).update({ role: null });
    for (const action of ['claim', 'complete']) {
      const res = await t.app.inject({ method: 'POST', url: taskUrl(taskId, action), headers: newcomer, payload: {} });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'STEP_ROLE_MISSING', details: { taskId, elementId: 'review', department: 'market-supervision', needs: ['reviewer'] } });
      expect(res.json().details.action).toBeUndefined();
    }
    const events = await t.app.store.cases.listEvents(caseNo);
    expect(events.map((e) => e.type)).not.toContain('task.completed');
    expect(events.map((e) => e.type)).not.toContain('task.claimed');

    // A reviewer of the department still works it.
    const staff = await login(t.app, 'market-staff');
    expect((await t.app.inject({ method: 'POST', url: taskUrl(taskId, 'complete'), headers: staff, payload: {} })).statusCode).toBe(200);
  });

  it('loads a plain case once per claim and once per completion', async () => {
    t = await buildTestApp();
    const admin = await login(t.app, 'admin');
    const { taskId } = await permitCase(t.app, admin);
    const staff = await login(t.app, 'market-staff');
    const loads = countLoads(t.app.store.cases);
    expect((await t.app.inject({ method: 'POST', url: taskUrl(taskId, 'claim'), headers: staff, payload: {} })).statusCode).toBe(200);
    expect(loads.count()).toBe(1);
    expect((await t.app.inject({ method: 'POST', url: taskUrl(taskId, 'complete'), headers: staff, payload: { outcome: 'approve' } })).statusCode).toBe(200);
    expect(loads.count()).toBe(2);
  });

  it('loads an approval case once per completion, from the route and from the case service', async () => {
    const { c, caseNo, taskId } = await acceptedFoodCase();
    const loads = countLoads(c.app.store.cases);
    const res = await c.app.inject({ method: 'POST', url: taskUrl(taskId, 'complete'), headers: c.tokens['samr-staff'], payload: { opinion: '材料齐全' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(loads.count()).toBe(1);

    // The case service takes the same path: a refusal and a completion, each on one load.
    const next = await c.app.cases.service.getCase(caseNo);
    const task = next!.openTasks[0]!;
    loads.reset();
    const stranger = { id: 'market-staff', department: 'market-supervision', roles: ['department-staff'] };
    expect(await c.app.cases.service.completeTask(caseNo, { taskId: task.taskId, actor: stranger })).toMatchObject({ ok: false, refusal: { code: 'STEP_DEPARTMENT_MISMATCH' } });
    expect(loads.count()).toBe(1);
    const clerk = { id: 'samr-staff', department: task.department!, roles: ['department-staff', ...(task.role ? [task.role] : [])] };
    expect(await c.app.cases.service.completeTask(caseNo, { taskId: task.taskId, actor: clerk })).toMatchObject({ ok: true });
    expect(loads.count()).toBe(2);
  });

  it('runs the operations on a task (催办 here) through the task service too, on one case load', async () => {
    const { c, caseNo, taskId } = await acceptedFoodCase();
    const operate = vi.spyOn(c.app.runtime.tasks, 'operate');
    const execute = vi.spyOn(c.app.runtime.runner, 'execute');
    const loads = countLoads(c.app.store.cases);
    const res = await c.app.inject({ method: 'POST', url: taskUrl(taskId, 'urge'), headers: c.tokens.admin, payload: { note: '请尽快办理' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(operate).toHaveBeenCalledTimes(1);
    expect(operate.mock.calls[0]).toMatchObject([caseNo, { type: 'task.urge', taskId, note: '请尽快办理', actor: { id: 'admin' } }]);
    expect(execute).toHaveBeenCalledTimes(1);
    expect(loads.count()).toBe(1);
  });
});
