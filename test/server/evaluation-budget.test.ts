/**
 * Hostile expressions over HTTP: a department admin's definition whose gateway condition would build a
 * hundred million numbers is refused at deploy naming the flow; one whose size only the case data decides
 * deploys, and then the case command that makes it hostile answers 422 EVALUATION_BUDGET_EXCEEDED while the
 * server keeps answering. A property deploys random hostile conditions and starts a case on each one deployed:
 * 201 or a 4xx naming the flow, never 5xx, never over a second of CPU, nothing stored when refused.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostile } from '../expression/hostile.js';
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

  it('answers random hostile conditions at deploy and at the case start with 2xx or 4xx, never 5xx, each within a second of CPU', async () => {
    // A per-command wall limit under the second the property bounds (the default is the second itself).
    await t.close();
    t = await buildTestApp({ SHENPI_FEEL_MAX_MS: '400' });
    deptAdmin = await login(t.app, 'market-admin');
    const applicant = await login(t.app, 'applicant');
    const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const timed = async (send: () => ReturnType<typeof deploy>) => {
      const cpu = process.cpuUsage();
      const res = await send();
      const { user, system } = process.cpuUsage(cpu);
      return { res, cpuMs: (user + system) / 1000 };
    };
    const rows = () => Promise.all(['definition_versions', 'cases', 'event_log', 'events'].map((table) => countRows(t.app.store.knex, table)));
    const seen = { deployed: 0, refusedAtDeploy: 0, started: 0, refusedAtStart: 0 };
    await fc.assert(fc.asyncProperty(hostile, async (source) => {
      const before = await rows();
      const deployed = await timed(() => deploy(definition(xmlText(`=(${source}) != null`))));
      expect(deployed.res.statusCode, `${source}: ${deployed.res.body.slice(0, 300)}`).toBeLessThan(500);
      expect(deployed.cpuMs, source).toBeLessThan(1_000);
      if (deployed.res.statusCode !== 201) {
        expect(deployed.res.statusCode, source).toBeGreaterThanOrEqual(400);
        const findings = (deployed.res.json().details?.findings ?? []) as Array<{ id: string }>;
        expect(findings.map((f) => f.id), source).toContain('fHuge');
        expect(await rows()).toEqual(before);
        seen.refusedAtDeploy++;
        return;
      }
      seen.deployed++;
      const afterDeploy = await rows();
      const started = await timed(() => t.app.inject({
        method: 'POST', url: '/api/process-cases', headers: { ...applicant, 'accept-language': 'en' }, payload: { definitionKey: 'hostile', variables: {} },
      }));
      expect(started.res.statusCode, `${source}: ${started.res.body.slice(0, 300)}`).toBeLessThan(500);
      expect(started.cpuMs, source).toBeLessThan(1_000);
      if (started.res.statusCode >= 400) {
        expect(await rows(), source).toEqual(afterDeploy);
        seen.refusedAtStart++;
      } else seen.started++;
    }), { numRuns: 40, seed: 20261202 });
    // The property met both kinds of refusal and some conditions that run.
    expect(Object.values(seen).every((n) => n > 0), JSON.stringify(seen)).toBe(true);
  }, 120_000);
});
