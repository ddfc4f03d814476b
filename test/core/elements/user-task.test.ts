import { describe, expect, it } from 'vitest';
import { defineProcess } from '../support/build.js';
import { startCase } from '../support/harness.js';

const def = defineProcess({
  id: 'licence',
  nodes: {
    start: { kind: 'startEvent' },
    accept: {
      kind: 'userTask',
      name: '受理',
      approval: { department: 'window', role: 'clerk', candidateGroups: ['window'], stage: 'accept', timeLimit: { value: 2, unit: 'WD' } },
    },
    review: { kind: 'userTask', approval: { timeLimit: { value: 3, unit: 'CD' } } },
    decide: { kind: 'userTask', approval: { timeLimit: { duration: 'PT4H' } } },
    end: { kind: 'endEvent' },
  },
  flows: ['start->accept', 'accept->review', 'review->decide', 'decide->end'],
});

describe('user task', () => {
  it('opens a task with the approval assignment and a working-day due instant at the end of the last day', () => {
    // given a case started on Monday 2026-03-02 09:00 Shanghai
    const c = startCase(def);
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

  it('counts working days over the weekend and calendar days straight', () => {
    const c = startCase(def);
    c.now = '2026-03-06T16:00:00+08:00'; // a Friday
    c.complete('accept');
    expect(c.events.find((e) => e.type === 'task.created')?.task).toMatchObject({ elementId: 'review', dueAt: '2026-03-10T00:00:00+08:00' });
    c.complete('review');
    expect(c.events.find((e) => e.type === 'task.created')?.task).toMatchObject({ elementId: 'decide', dueAt: '2026-03-06T20:00:00+08:00' });
  });

  it('records outcome and opinion in task.completed and moves on', () => {
    const c = startCase(def);
    c.run({ type: 'task.complete', taskId: c.taskId('accept'), outcome: 'accept', opinion: '材料齐全', variables: { fee: 0 } });
    expect(c.types()).toEqual(['task.completed', 'element.completed', 'variables.set', 'flow.taken', 'element.activated', 'task.created']);
    expect(c.events[0]).toMatchObject({ taskId: 'C1:e3', outcome: 'accept', opinion: '材料齐全', variables: { fee: 0 } });
    expect(c.state.variables).toEqual({ fee: 0, outcome: 'accept', opinion: '材料齐全' });
    expect(c.active()).toEqual(['review']);
  });

  it('refuses to complete a task that is no longer open, naming what was expected and found', () => {
    const c = startCase(def);
    const id = c.taskId('accept');
    c.complete('accept');
    expect(c.refuse({ type: 'task.complete', taskId: id })).toMatchObject({
      code: 'TASK_NOT_ACTIVE',
      message: "Expected task 'C1:e3' to be active, but it was completed or cancelled",
    });
    expect(c.refuse({ type: 'task.complete', taskId: 'C1:e99' }).code).toBe('TASK_NOT_FOUND');
    expect(c.refuse({ type: 'task.complete', taskId: 'C2:e3' }).code).toBe('TASK_NOT_FOUND');
  });

  it('claims a task and refuses another user completing it', () => {
    const c = startCase(def);
    c.run({ type: 'task.claim', taskId: c.taskId('accept'), assignee: 'zhang' });
    expect(c.events[0]).toMatchObject({ type: 'task.claimed', assignee: 'zhang' });
    expect(c.refuse({ type: 'task.claim', taskId: c.taskId('accept'), assignee: 'li' }).code).toBe('TASK_ASSIGNED_TO_OTHER');
    expect(c.refuse({ type: 'task.complete', taskId: c.taskId('accept'), actor: { id: 'li' } }).code).toBe('TASK_ASSIGNED_TO_OTHER');
    c.run({ type: 'task.complete', taskId: c.taskId('accept'), actor: { id: 'zhang' } });
    expect(c.events[0]?.actor).toEqual({ id: 'zhang' });
  });

  it('completes the case at the end event', () => {
    const c = startCase(def).complete('accept').complete('review').complete('decide');
    expect(c.types().slice(-3)).toEqual(['element.completed', 'element.completed', 'case.completed']);
    expect(c.state.status).toBe('completed');
    expect(c.state.elements).toEqual({});
    expect(c.trace()).toEqual(['licence', 'start', 'accept', 'review', 'decide', 'end']);
  });
});
