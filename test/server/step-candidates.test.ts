/**
 * Candidate rules over HTTP: the server hands the engine its organisation, so a step for the section chief
 * (科长) of market-supervision opens with the seeded chief as its holder; the clerk may neither claim it nor
 * be handed it, and the candidates route offers the chief alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from './helper.js';

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:approval="http://shenpi.org/schema/approval/1.0" id="d" targetNamespace="http://shenpi.org/test">
  <bpmn:process id="chief-review" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="科长审核" approval:department="market-supervision" approval:candidates="position:section-chief" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' });
  admin = await login(t.app, 'admin');
  const deployed = await t.app.inject({ method: 'POST', url: '/api/definitions?department=market-supervision', headers: { ...admin, 'content-type': 'application/xml' }, payload: BPMN });
  expect(deployed.statusCode, deployed.body).toBe(201);
});
afterAll(() => t.close());

describe('a step for the section chief', () => {
  it('opens with the chief holding it; the clerk may not take it; the candidates are the chief', async () => {
    const started = await t.app.inject({ method: 'POST', url: '/api/process-cases', headers: admin, payload: { definitionKey: 'chief-review', caseNo: 'CR-1' } });
    expect(started.statusCode, started.body).toBeLessThan(300);
    const tasks = (await t.app.inject({ method: 'GET', url: '/api/tasks?caseNo=CR-1', headers: admin })).json<Array<{ taskId: string; assignee?: string }>>();
    expect(tasks).toHaveLength(1);
    // The inbox names the holder by their real name beside the id.
    expect(tasks[0]).toMatchObject({ assignee: 'market-chief', assigneeName: 'market-supervision 科长' });
    const id = encodeURIComponent(tasks[0]!.taskId);
    const chief = await login(t.app, 'market-chief');
    const candidates = await t.app.inject({ method: 'GET', url: `/api/tasks/${id}/candidates`, headers: chief });
    expect(candidates.json()).toEqual([{ id: 'market-chief', name: 'market-supervision 科长', department: 'market-supervision' }]);
    const transfer = await t.app.inject({ method: 'POST', url: `/api/tasks/${id}/transfer`, headers: chief, payload: { to: 'market-staff', reason: '请科员办理' } });
    expect(transfer.statusCode, transfer.body).toBe(403);
    expect(transfer.json()).toMatchObject({ code: 'STEP_NOT_CANDIDATE' });
    const done = await t.app.inject({ method: 'POST', url: `/api/tasks/${id}/complete`, headers: chief, payload: {} });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('refuses at deploy a rule naming a position or department the organisation lacks, naming the step', async () => {
    const counts = async () => Number((await t.app.store.knex('definitions').count({ n: '*' }).first())?.n);
    const before = await counts();
    for (const [from, to] of [['position:section-chief', 'position:nobody.here'], ['approval:department="market-supervision"', 'approval:department="nowhere"']] as const) {
      const xml = BPMN.replace('chief-review', 'chief-review-2').replace(from, to);
      const res = await t.app.inject({ method: 'POST', url: '/api/definitions?department=market-supervision', headers: { ...admin, 'content-type': 'application/xml' }, payload: xml });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'DEFINITION_INVALID', details: { findings: [{ id: 'review', rule: 'org-reference' }] } });
    }
    expect(await counts()).toBe(before);
  });
});
