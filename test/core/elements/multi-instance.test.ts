import { describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { startCase, TestCase } from '../support/harness.js';

const load = () => fixture('multi-instance-subprocess');

describe('multi-instance subprocess and counters', () => {
  it('runs one subprocess per element; each keeps its variables local; one boundary timer for the body', async () => {
    const c = startCase(await load(), { depts: ['a', 'b'] });
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

  it('the boundary timer of the body cancels every instance', async () => {
    const c = startCase(await load(), { depts: ['a', 'b', 'c'] });
    c.fire('limit');
    expect(c.types().filter((t) => t === 'task.cancelled')).toHaveLength(3);
    expect(c.activated()).toEqual(['limit', 'late']);
    expect(c.state.status).toBe('completed');
  });

  it('an empty collection completes the activity at once', async () => {
    const c = startCase(await load(), { depts: [] });
    expect(c.state.status).toBe('completed');
    expect(c.state.variables.verdicts).toEqual([]);
  });

  it('refuses a collection that is not a list', async () => {
    expect(new TestCase(await load()).refuse({ type: 'case.start', caseId: 'C1', variables: { depts: 'a' } }).code).toBe('EXPRESSION_FAILED');
  });
});
