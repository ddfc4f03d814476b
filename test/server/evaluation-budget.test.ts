/**
 * Hostile expressions over HTTP: a department admin's definition whose gateway condition would build a
 * hundred million numbers is refused at deploy naming the flow; one whose size only the case data decides
 * deploys, and then the case command that makes it hostile answers 422 EVALUATION_BUDGET_EXCEEDED while the
 * server keeps answering.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows } from '../../server/queries/cases.js';
import { buildTestApp, login, type TestApp } from './helper.js';

const definition = (condition: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:approval="http://shenpi.org/schema/approval/1.0" id="defs" targetNamespace="http://shenpi.org/test">
  <bpmn:process id="hostile" name="Hostile" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gate" />
    <bpmn:exclusiveGateway id="gate" default="fDefault" />
    <bpmn:sequenceFlow id="fHuge" sourceRef="gate" targetRef="review"><bpmn:conditionExpression>${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="fDefault" sourceRef="gate" targetRef="review" />
    <bpmn:userTask id="review" name="Review" approval:department="market-supervision" approval:role="reviewer" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="done" />
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;

let t: TestApp;
let deptAdmin: { authorization: string };
beforeEach(async () => {
  t = await buildTestApp();
  deptAdmin = await login(t.app, 'market-admin');
});
afterEach(() => t.close());

const deploy = (xml: string) => t.app.inject({
  method: 'POST', url: '/api/definitions', headers: { ...deptAdmin, 'content-type': 'application/bpmn+xml', 'accept-language': 'en' }, payload: xml,
});

describe('hostile expressions over HTTP', () => {
  it('refuses at deploy a condition with a literal range past the budget, naming the flow, storing nothing', async () => {
    const before = await countRows(t.app.store.knex, 'definition_versions');
    const res = await deploy(definition('=count(for i in 1..100000000 return i) &gt; 0'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'DEFINITION_INVALID' });
    const findings = res.json().details.findings as Array<{ id: string; rule: string; message: string }>;
    expect(findings.filter((f) => f.rule === 'expression-budget').map((f) => f.id)).toEqual(['fHuge']);
    expect(findings[0]!.message).toContain('100000000');
    expect(await countRows(t.app.store.knex, 'definition_versions')).toBe(before);
  });

  it('answers 422 to the case command the data makes exceed the budget, and keeps serving', async () => {
    expect((await deploy(definition('=count(for i in 1..size return i) &gt; 0'))).statusCode).toBe(201);
    const applicant = await login(t.app, 'applicant');
    const start = (size: number) => t.app.inject({
      method: 'POST', url: '/api/process-cases', headers: { ...applicant, 'accept-language': 'en' }, payload: { definitionKey: 'hostile', variables: { size } },
    });
    const started = Date.now();
    const refused = await start(100_000_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'EVALUATION_BUDGET_EXCEEDED' });
    expect(refused.json().message).toContain("'gate'");

    // The process is fine: the next requests are answered.
    expect((await t.app.inject({ method: 'GET', url: '/api/definitions', headers: deptAdmin })).statusCode).toBe(200);
    const ok = await start(3);
    expect(ok.statusCode).toBeLessThan(300);
  });
});
