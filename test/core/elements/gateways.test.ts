import { describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { startCase, TestCase } from '../support/harness.js';

describe('gateway edge cases', () => {
  it('a parallel join after an exclusive split keeps waiting for the branch not taken (no dead-path shortcut)', async () => {
    const c = startCase(await fixture('gateway-edges'), { kind: 'a' });
    c.complete('A');
    expect(c.activated()).toEqual([]);
    expect(c.state.elements.e1?.joins).toEqual({ join: { jA: 1 } });
    expect(c.state.status).toBe('active');
  });

  it('an exclusive gateway with no true condition and no default refuses the command', async () => {
    const rejection = new TestCase(await fixture('gateway-edges')).refuse({ type: 'case.start', caseId: 'C1', variables: { kind: 'z' } });
    expect(rejection.code).toBe('NO_FLOW_TAKEN');
  });

  it('a parallel join counts tokens per flow: two tokens on one flow do not fire it', async () => {
    // start forks twice onto A (a loop), B arrives once: the join fires once, then waits again
    const c = startCase(await fixture('parallel-join-count'));
    c.complete('A').complete('A2');
    expect(c.activated()).toEqual([]);
    c.complete('B');
    expect(c.activated()).toEqual(['join', 'end']);
  });
});
