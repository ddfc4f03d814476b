import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../definitions/index.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => readFile(path.join(fixtures, name));

async function load(name: string, opts = {}) {
  const result = await loadDefinition(await fixture(name), opts);
  if (!result.ok) throw new Error(`expected ${name} to load: ${JSON.stringify(result.findings, null, 1)}`);
  return result;
}

describe('loadDefinition', () => {
  it('compiles an approval flow into nodes, flows and scopes indexed by id', async () => {
    // Given the approval flow fixture, when it is loaded
    const { definition, warnings } = await load('approval-flow.bpmn', { key: 'SPJ-001', version: 4 });
    // Then every element is compiled with its approval settings
    expect(warnings).toEqual([]);
    expect(definition).toMatchObject({ key: 'SPJ-001', version: 4, processId: 'licence', name: '食品经营许可' });
    expect(Object.keys(definition.scopes)).toEqual(['licence']);
    expect(definition.scopes['licence']!.startEvents).toEqual(['start']);
    expect(definition.nodes['accept']).toMatchObject({
      kind: 'userTask',
      incoming: ['f1'],
      outgoing: ['f2'],
      boundaryEvents: ['acceptOverdue'],
      approval: { department: '窗口', role: 'clerk', stage: 'accept', timeLimit: { value: 5, unit: 'WD' } },
      inputs: [{ source: '=applicant.name', target: 'applicantName' }],
      outputs: [{ source: '=outcome', target: 'acceptOutcome' }],
    });
    expect(definition.nodes['acceptOverdue']).toMatchObject({
      attachedTo: 'accept',
      cancelActivity: false,
      event: { kind: 'timer', timer: { type: 'limit', limit: { value: 5, unit: 'WD' } } },
    });
    expect(definition.nodes['accepted']!.defaultFlow).toBe('fReject');
    expect(definition.flows['fAccept']).toEqual({
      id: 'fAccept',
      sourceId: 'accepted',
      targetId: 'checkRules',
      condition: 'acceptOutcome = "accept"',
    });
    expect(definition.nodes['joint']!.multiInstance).toEqual({
      sequential: false,
      collection: '=coDepartments',
      elementVariable: 'department',
      completionCondition: '=some o in opinions satisfies o = "refuse"',
      outputElement: '=opinion',
      outputCollection: 'opinions',
    });
    expect(definition.nodes['joint']!.approval!.joint).toEqual({
      leadDepartment: '市场监管局',
      coDepartments: ['卫健委', '消防'],
      completion: 'all',
    });
    expect(definition.nodes['siteCheck']!.approval!.specialProcedure).toEqual({
      kind: 'SITE_CHECK',
      countsTowardStatutory: true,
      countsTowardPromised: false,
    });
    expect(definition.nodes['decide']!.calledElement).toEqual({ key: 'licence-decision', version: 3 });
    expect(definition.nodes['decideRefused']!.event).toEqual({ kind: 'error', errorCode: 'REFUSED' });
    expect(definition.nodes['waitSupplement']!.messageName).toBe('materials-supplied');
    expect(definition.nodes['checkRules']!.decisionRef).toBe('food-licence-co-departments');
    expect(definition.nodes['issue']!.action).toBe('issue-certificate');
  });

  it('returns a deep-frozen definition that survives a JSON round-trip unchanged', async () => {
    const { definition } = await load('approval-flow.bpmn');
    expect(Object.isFrozen(definition)).toBe(true);
    expect(Object.isFrozen(definition.nodes['joint']!.approval!.joint!.coDepartments)).toBe(true);
    expect(() => {
      (definition.nodes as Record<string, unknown>)['x'] = 1;
    }).toThrow(TypeError);
    expect(JSON.parse(JSON.stringify(definition))).toEqual(definition);
  });

  it('defaults the key to the process id and the version to 1', async () => {
    const { definition } = await load('approval-flow.bpmn');
    expect(definition.key).toBe('licence');
    expect(definition.version).toBe(1);
  });

  it('refuses a file that is not XML with a finding instead of throwing', async () => {
    const result = await loadDefinition('<bpmn:definitions', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.findings.map((f) => f.rule)).toEqual(['xml-syntax']);
  });
});
