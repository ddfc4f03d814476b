import { describe, expect, it } from 'vitest';
import { canTransition, evolve, initialState, isFinal, LIFECYCLE } from '../../engine/core/index.js';

describe('element lifecycle table', () => {
  it('allows active -> completed | terminated | interrupted and interrupted -> completed | terminated only', () => {
    expect(LIFECYCLE).toEqual({
      active: ['completed', 'terminated', 'interrupted'],
      interrupted: ['completed', 'terminated'],
      completed: [],
      terminated: [],
    });
    expect(canTransition('interrupted', 'active')).toBe(false);
    expect(canTransition('completed', 'terminated')).toBe(false);
    expect(isFinal('completed') && isFinal('terminated') && !isFinal('active')).toBe(true);
  });

  it('evolve refuses a transition the table forbids (an engine bug, so it throws)', () => {
    let s = evolve(initialState(), { type: 'case.started', v: 1, seq: 1, at: 'now', caseId: 'C', definition: { key: 'k', version: 1, processId: 'p' }, variables: {} });
    s = evolve(s, { type: 'element.activated', v: 1, seq: 2, at: 'now', key: 'e1', el: 'p' });
    s = evolve(s, { type: 'scope.interrupted', v: 1, seq: 3, at: 'now', key: 'e1', by: 'esp' });
    expect(() => evolve(s, { type: 'scope.interrupted', v: 1, seq: 4, at: 'now', key: 'e1', by: 'esp' })).toThrow(/cannot go from interrupted to interrupted/);
  });

  it('evolve leaves its input alone and rejects unknown events', () => {
    const s = initialState();
    const next = evolve(s, { type: 'case.suspended', v: 1, seq: 1, at: 'now', reason: 'r' });
    expect(s.suspended).toBe(false);
    expect(next).toMatchObject({ suspended: true, seq: 1 });
    expect(() => evolve(s, { type: 'case.exploded', v: 1, seq: 1, at: 'now' })).toThrow(/Unknown event type/);
  });
});
