import { describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { startCase } from '../support/harness.js';

const load = () => fixture('user-task');

describe('user task', () => {
  it('opens a task with the approval assignment and a working-day due instant at the end of the last day', async () => {
    // given a case started on Monday 2026-03-02 09:00 Shanghai
    const c = startCase(await load());
    // then the accept task is due at the end of Wednesday (2 working days after Monday, day 0 not counted)
    const created = c.events.find((e) => e.type === 'task.created');
    expect(created?.task).toEqual({
      taskId: 'C1:e3',
      elementId: 'accept',
      name: '受理',
      kind: 'userTask',
      department: 'window',
      role: 'clerk',
      candidateGroups: ['window'],
      stage: 'accept',
      dueAt: '2026-03-05T00:00:00+08:00',
    });
    expect(c.active()).toEqual(['accept']);
  });

  it('counts working days over the weekend and calendar days straight', async () => {
    const c = startCase(await load());
    c.now = '2026-03-06T16:00:00+08:00'; // a Friday
    c.complete('accept');
    expect(c.events.find((e) => e.type === 'task.created')?.task).toMatchObject({ elementId: 'review', dueAt: '2026-03-10T00:00:00+08:00' });
    c.complete('review');
    expect(c.events.find((e) => e.type === 'task.created')?.task).toMatchObject({ elementId: 'decide', dueAt: '2026-03-06T20:00:00+08:00' });
  });

  it('records outcome and opinion in task.completed and moves on', async () => {
    const c = startCase(await load());
    c.run({ type: 'task.complete', taskId: c.taskId('accept'), outcome: 'accept', opinion: '材料齐全', variables: { fee: 0 } });
    expect(c.types()).toEqual(['task.completed', 'element.completed', 'variables.set', 'flow.taken', 'element.activated', 'task.created']);
    expect(c.events[0]).toMatchObject({ taskId: 'C1:e3', outcome: 'accept', opinion: '材料齐全', variables: { fee: 0 } });
    expect(c.state.variables).toEqual({ fee: 0, outcome: 'accept', opinion: '材料齐全' });
    expect(c.active()).toEqual(['review']);
  });

  it('refuses to complete a task that is no longer open, naming what was expected and found', async () => {
    const c = startCase(await load());
    const id = c.taskId('accept');
    c.complete('accept');
    expect(c.refuse({ type: 'task.complete', taskId: id })).toMatchObject({
      code: 'TASK_NOT_ACTIVE',
      message: "Expected task 'C1:e3' to be active, but it was completed or cancelled",
    });
    expect(c.refuse({ type: 'task.complete', taskId: 'C1:e99' }).code).toBe('TASK_NOT_FOUND');
    expect(c.refuse({ type: 'task.complete', taskId: 'C2:e3' }).code).toBe('TASK_NOT_FOUND');
  });

  it('claims a task and refuses another user completing it', async () => {
    const c = startCase(await load());
    c.run({ type: 'task.claim', taskId: c.taskId('accept'), assignee: 'zhang' });
    expect(c.events[0]).toMatchObject({ type: 'task.claimed', assignee: 'zhang' });
    expect(c.refuse({ type: 'task.claim', taskId: c.taskId('accept'), assignee: 'li' }).code).toBe('TASK_ASSIGNED_TO_OTHER');
    expect(c.refuse({ type: 'task.complete', taskId: c.taskId('accept'), actor: { id: 'li' } }).code).toBe('TASK_ASSIGNED_TO_OTHER');
    c.run({ type: 'task.complete', taskId: c.taskId('accept'), actor: { id: 'zhang' } });
    expect(c.events[0]?.actor).toEqual({ id: 'zhang' });
  });

  it('completes the case at the end event', async () => {
    const c = startCase(await load()).complete('accept').complete('review').complete('decide');
    expect(c.types().slice(-3)).toEqual(['element.completed', 'element.completed', 'case.completed']);
    expect(c.state.status).toBe('completed');
    expect(c.state.elements).toEqual({});
    expect(c.trace()).toEqual(['licence', 'start', 'accept', 'review', 'decide', 'end']);
  });
});
