/**
 * The permission matrix, continued below the route level: who may work which step (the step's role and
 * department, groups scoped by department), and what a department admin may deploy (steps in its own
 * department only, item codes the reform office reserved). Every cell is a real request against the server.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFiles } from '../items/support.js';
import { CASE_DEPARTMENTS, SAMR } from './case-support.js';
import { foodCase } from './case-fixtures.js';
import { buildTestApp, fixture, login, type TestApp } from './helper.js';

const HEALTH = '区卫生健康委员会';
const PASSWORD = 'Step-authority-2026!';

/** A plain definition whose step names no department, only the candidate group `reviewer`. */
const GROUPED = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:approval="http://shenpi.org/schema/approval/1.0" id="d" targetNamespace="http://shenpi.org/test">
  <bpmn:process id="grouped" isExecutable="true">
    <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
    <bpmn:userTask id="check" name="Check" approval:candidateGroups="reviewer" />
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" /><bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** A plain definition of market-supervision with one step in another department's inbox. */
const FOREIGN = fixture('review.bpmn').replace('id="issue" name="Issue" approval:department="market-supervision"', `id="issue" name="Issue" approval:department="${HEALTH}"`).replace('id="permit"', 'id="foreign"');

let t: TestApp;
const tokens: Record<string, Record<string, string>> = {};
let serial = 0;

async function post(url: string, who: string, payload: unknown = {}) {
  return t.app.inject({ method: 'POST', url, headers: tokens[who], payload: payload as Record<string, unknown> });
}

async function openTaskId(app: FastifyInstance, caseNo: string, elementId: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}`, headers: tokens.admin });
  return res.json<Array<{ taskId: string; elementId: string }>>().find((x) => x.elementId === elementId)!.taskId;
}

beforeAll(async () => {
  t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' }, { demoDepartments: [...CASE_DEPARTMENTS, { department: HEALTH, slug: 'health', groups: ['reviewer'] }] });
  for (const who of ['admin', 'samr-admin', 'samr-staff', 'market-admin', 'market-staff', 'health-staff', 'auditor']) tokens[who] = await login(t.app, who);
  // Staff holding one step role each, as a department would staff its window and its leadership.
  for (const [id, groups] of [['samr-window', ['window-clerk']], ['samr-deputy', ['deputy-director']]] as const) {
    const res = await post('/api/users', 'admin', { id, name: id, department: SAMR, roles: ['department-staff'], groups, password: PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    tokens[id] = await login(t.app, id, PASSWORD);
  }
  const item = await post('/api/items/ITEM-02/versions', 'admin', { files: await itemFiles('ITEM-02') });
  expect(item.statusCode, item.body).toBe(201);
  const grouped = await t.app.inject({ method: 'POST', url: '/api/definitions', headers: tokens['market-admin'], payload: { xml: GROUPED } });
  expect(grouped.statusCode, grouped.body).toBe(201);
});
afterAll(() => t.close());

describe('step authority: the decision step of ITEM-02 (approval:role deputy-director)', () => {
  let taskId: string;
  beforeAll(async () => {
    const caseNo = await foodCase(t.app, 'reviewed');
    for (const step of ['siteCheck', 'audit']) expect((await post(`/api/tasks/${encodeURIComponent(await openTaskId(t.app, caseNo, step))}/complete`, 'samr-staff')).statusCode).toBe(200);
    taskId = await openTaskId(t.app, caseNo, 'decide');
  });

  it.each([
    ['samr-window', 'claim', 403, 'STEP_ROLE_MISSING'],
    ['samr-window', 'complete', 403, 'STEP_ROLE_MISSING'],
    ['admin', 'claim', 403, 'STEP_SUPERVISOR_ONLY'],
    ['admin', 'complete', 403, 'STEP_SUPERVISOR_ONLY'],
    ['auditor', 'complete', 403, 'STEP_SUPERVISOR_ONLY'],
    ['health-staff', 'complete', 404, 'NOT_FOUND'],
    ['market-staff', 'complete', 404, 'NOT_FOUND'],
  ] as const)('%s may not %s it (%s %s)', async (who, action, status, code) => {
    const res = await post(`/api/tasks/${encodeURIComponent(taskId)}/${action}`, who, action === 'complete' ? { outcome: 'approve', opinion: '同意' } : {});
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({ code });
    if (code === 'STEP_ROLE_MISSING') expect(res.json()).toMatchObject({ details: { taskId, elementId: 'decide', department: SAMR, needs: ['deputy-director'] } });
  });

  it('lets the deputy director claim and complete it', async () => {
    expect((await post(`/api/tasks/${encodeURIComponent(taskId)}/claim`, 'samr-deputy')).statusCode).toBe(200);
    const done = await post(`/api/tasks/${encodeURIComponent(taskId)}/complete`, 'samr-deputy', { outcome: 'approve', opinion: '同意' });
    expect(done.statusCode, done.body).toBe(200);
  });
});

describe('groups scoped by department: a step offered to `reviewer`, owned by market-supervision', () => {
  const start = async () => {
    const res = await post('/api/process-cases', 'admin', { definitionKey: 'grouped', caseNo: `G-${++serial}` });
    expect(res.statusCode, res.body).toBe(201);
    return openTaskId(t.app, res.json<{ caseNo: string }>().caseNo, 'check');
  };

  it("is neither seen nor worked by health's reviewer", async () => {
    const taskId = await start();
    expect((await t.app.inject({ method: 'GET', url: `/api/tasks/${encodeURIComponent(taskId)}`, headers: tokens['health-staff'] })).statusCode).toBe(404);
    expect((await post(`/api/tasks/${encodeURIComponent(taskId)}/complete`, 'health-staff')).statusCode).toBe(404);
  });

  it("is worked by market-supervision's reviewer", async () => {
    const taskId = await start();
    expect((await post(`/api/tasks/${encodeURIComponent(taskId)}/complete`, 'market-staff')).statusCode).toBe(200);
  });
});

describe('deploy boundaries', () => {
  it("refuses a department admin's definition with a step in another department, naming element and department", async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/definitions', headers: tokens['market-admin'], payload: { xml: FOREIGN } });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ code: 'DEPLOY_FOREIGN_DEPARTMENT', details: { elementId: 'issue', department: HEALTH, deployingDepartment: 'market-supervision' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/definitions?key=foreign', headers: tokens.admin })).json()).toEqual([]);
    // The reform office coordinates cross-department flows and may deploy it, naming who implements it.
    const unnamed = await t.app.inject({ method: 'POST', url: '/api/definitions', headers: tokens.admin, payload: { xml: FOREIGN } });
    expect(unnamed.statusCode, unnamed.body).toBe(422);
    expect(unnamed.json()).toMatchObject({ code: 'DEPARTMENT_REQUIRED', details: { key: 'foreign', departments: [HEALTH, 'market-supervision'].sort() } });
    expect(unnamed.json().message).toContain('请选择实施部门');
    expect((await t.app.inject({ method: 'POST', url: '/api/definitions', headers: tokens.admin, payload: { xml: FOREIGN, department: 'market-supervision' } })).statusCode).toBe(201);
    // A new version keeps the key's owner without naming it again.
    const next = await t.app.inject({ method: 'POST', url: '/api/definitions', headers: tokens.admin, payload: { xml: FOREIGN } });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ key: 'foreign', version: 2, department: 'market-supervision' });
  });

  it("implements the reform office's definition by the one department its steps name", async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/definitions', headers: tokens.admin, payload: { xml: fixture('review.bpmn').replace('id="permit"', 'id="single-department"') } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ key: 'single-department', department: 'market-supervision' });
  });

  it("refuses a department admin's item package whose steps leave the department (the joint hotel approval)", async () => {
    const files = await itemFiles('ITEM-03');
    const reserved = await post('/api/items/reservations', 'admin', { code: 'ITEM-03', department: SAMR });
    expect(reserved.statusCode, reserved.body).toBe(201);
    const res = await post('/api/items/ITEM-03/versions', 'samr-admin', { files });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ code: 'DEPLOY_FOREIGN_DEPARTMENT', details: { elementId: 'fire', deployingDepartment: SAMR } });
  });

  it('lets a department deploy a new item only under a code the reform office reserved for it', async () => {
    const files = await itemFiles('ITEM-01');
    const squat = await post('/api/items/ITEM-01/versions', 'samr-admin', { files });
    expect(squat.statusCode, squat.body).toBe(403);
    expect(squat.json()).toMatchObject({ code: 'ITEM_CODE_NOT_RESERVED', details: { itemCode: 'ITEM-01' } });
    // Reserved for another department: neither that department's admin nor a plain definition takes it.
    expect((await post('/api/items/reservations', 'admin', { code: 'ITEM-01', department: 'market-supervision' })).statusCode).toBe(201);
    expect((await post('/api/items/ITEM-01/versions', 'samr-admin', { files })).statusCode).toBe(403);
    expect((await post('/api/items/reservations', 'admin', { code: 'ITEM-01', department: SAMR })).json()).toMatchObject({ code: 'CONFLICT', details: { reason: 'ITEM_CODE_RESERVED_ELSEWHERE', department: 'market-supervision' } });
    const plain = await t.app.inject({ method: 'POST', url: '/api/definitions?key=ITEM-07', headers: tokens['samr-admin'], payload: { xml: fixture('review.bpmn').replaceAll('market-supervision', SAMR) } });
    expect(plain.statusCode, plain.body).toBe(201);
    expect((await post('/api/items/reservations', 'admin', { code: 'ITEM-07', department: 'market-supervision' })).statusCode).toBe(409);
    expect((await post('/api/items/reservations', 'admin', { code: 'ITEM-08', department: 'market-supervision' })).statusCode).toBe(201);
    const taken = await t.app.inject({ method: 'POST', url: '/api/definitions?key=ITEM-08', headers: tokens['samr-admin'], payload: { xml: fixture('review.bpmn').replaceAll('market-supervision', SAMR) } });
    expect(taken.statusCode, taken.body).toBe(403);
    expect(taken.json()).toMatchObject({ code: 'ITEM_CODE_RESERVED_ELSEWHERE', details: { key: 'ITEM-08', department: 'market-supervision' } });
  });

  it('lets the reserving department deploy the item, and lists its reservations', async () => {
    expect((await post('/api/items/reservations', 'admin', { code: 'ITEM-06', department: HEALTH, name: '公共场所卫生许可' })).statusCode).toBe(201);
    const healthAdmin = await login(t.app, 'health-admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/items/ITEM-06/versions', headers: healthAdmin, payload: { files: await itemFiles('ITEM-06') } });
    expect(res.statusCode, res.body).toBe(201);
    const mine = await t.app.inject({ method: 'GET', url: '/api/items/reservations', headers: healthAdmin });
    expect(mine.json<Array<{ code: string }>>().map((r) => r.code)).toEqual(['ITEM-06']);
  });
});
