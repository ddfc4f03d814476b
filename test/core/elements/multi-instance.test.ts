import { describe, expect, it } from 'vitest';
import { defineProcess } from '../support/build.js';
import { startCase, TestCase } from '../support/harness.js';

const def = defineProcess({
  id: 'mi',
  nodes: {
    start: { kind: 'startEvent' },
    perDept: {
      kind: 'subProcess',
      multiInstance: { sequential: false, collection: '=depts', elementVariable: 'dept', outputElement: '=verdict', outputCollection: 'verdicts' },
    },
    subStart: { kind: 'startEvent', in: 'perDept' },
    check: { kind: 'userTask', in: 'perDept', approval: { role: 'reviewer' } },
    subEnd: { kind: 'endEvent', in: 'perDept' },
    limit: { kind: 'boundaryEvent', attachedTo: 'perDept', cancelActivity: true, event: { kind: 'timer', timer: { type: 'limit', limit: { value: 10, unit: 'WD' } } } },
    late: { kind: 'endEvent' },
    copies: { kind: 'serviceTask', action: 'generate-document', multiInstance: { sequential: true, cardinality: '=2' } },
    end: { kind: 'endEvent' },
  },
  flows: ['start->perDept', 'subStart->check', 'check->subEnd', 'perDept->copies', 'copies->end', 'limit->late'],
});

describe('multi-instance subprocess and counters', () => {
  it('runs one subprocess per element; each keeps its variables local; one boundary timer for the body', () => {
    const c = startCase(def, { depts: ['a', 'b'] });
    expect(c.activated()).toEqual(['mi', 'start', 'perDept', 'perDept', 'perDept', 'subStart', 'subStart', 'check', 'check']);
    expect(c.effects.filter((e) => e.type === 'timer.schedule')).toHaveLength(1);
    c.complete('check', { n: 1, variables: { verdict: 'no' } });
    expect(c.state.variables.verdict).toBeUndefined();
    c.complete('check', { variables: { verdict: 'yes' } });
    expect(c.state.variables.verdicts).toEqual(['yes', 'no']);
    // the sequential service task runs twice by cardinality, then the case ends
    expect(c.effects.filter((e) => e.type === 'action.run')).toHaveLength(2);
    expect(c.effects).toContainEqual(expect.objectContaining({ type: 'timer.cancel' }));
    expect(c.state.status).toBe('completed');
  });

  it('the boundary timer of the body cancels every instance', () => {
    const c = startCase(def, { depts: ['a', 'b', 'c'] });
    c.fire('limit');
    expect(c.types().filter((t) => t === 'task.cancelled')).toHaveLength(3);
    expect(c.activated()).toEqual(['limit', 'late']);
    expect(c.state.status).toBe('completed');
  });

  it('an empty collection completes the activity at once', () => {
    const c = startCase(def, { depts: [] });
    expect(c.state.status).toBe('completed');
    expect(c.state.variables.verdicts).toEqual([]);
  });

  it('refuses a collection that is not a list', () => {
    expect(new TestCase(def).refuse({ type: 'case.start', caseId: 'C1', variables: { depts: 'a' } }).code).toBe('EXPRESSION_FAILED');
  });
});
