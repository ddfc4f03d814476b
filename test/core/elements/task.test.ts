import { describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { startCase } from '../support/harness.js';

describe('abstract task (a task without a type)', () => {
  it('passes the token on at once without opening a task, then the next step waits', async () => {
    // given a flow whose first step is a plain bpmn:task; when a case starts
    const c = startCase(await fixture('plain-task'));
    // then the plain task is activated and completed in the same step, and only the user task waits
    expect(c.activated()).toEqual(['plain', 'start', 'placeholder', 'review']);
    const created = c.events.filter((e) => e.type === 'task.created').map((e) => (e.task as { elementId: string }).elementId);
    expect(created).toEqual(['review']);
    c.complete('review');
    expect(c.state.status).toBe('completed');
  });
});
