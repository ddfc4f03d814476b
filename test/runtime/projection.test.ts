import { describe, expect, it } from 'vitest';
import { exponentialBackoff, forEachConcurrently } from '../../engine/runtime/backoff.js';
import { projectEffects, projectTasks, toUtc } from '../../engine/runtime/projection.js';

describe('projection of events and effects', () => {
  it('normalises instants with an offset to UTC so they compare as text', () => {
    expect(toUtc('2026-03-10T09:00:00+08:00')).toBe('2026-03-10T01:00:00.000Z');
    expect(() => toUtc('2026-13-45')).toThrow("Expected an ISO 8601 instant, but got '2026-13-45'");
  });

  it('turns task events into task row changes, in order', () => {
    const at = '2026-03-02T01:00:00Z';
    const ops = projectTasks([
      { type: 'task.created', v: 1, seq: 1, at, task: { taskId: 't1', elementId: 'review', kind: 'userTask', department: 'civil-affairs', dueAt: '2026-03-05T17:00:00+08:00' } },
      { type: 'task.claimed', v: 1, seq: 2, at, taskId: 't1', assignee: 'li.wei' },
      { type: 'case.noted', v: 1, seq: 3, at },
      { type: 'task.completed', v: 1, seq: 4, at, taskId: 't1' },
      { type: 'task.cancelled', v: 1, seq: 5, at, taskId: 't2' },
    ]);
    expect(ops).toEqual([
      expect.objectContaining({ op: 'create', taskId: 't1', elementId: 'review', department: 'civil-affairs', dueAt: '2026-03-05T09:00:00.000Z' }),
      { op: 'claim', taskId: 't1', assignee: 'li.wei' },
      { op: 'complete', taskId: 't1' },
      { op: 'cancel', taskId: 't2' },
    ]);
  });

  it('sends timer effects to timer rows and everything that leaves the process to the outbox', () => {
    const { timers, outbox } = projectEffects([
      { type: 'timer.schedule', timerId: 'x', dueAt: '2026-03-02T09:00:00+08:00', elementId: 'limit' },
      { type: 'timer.cancel', timerId: 'y' },
      { type: 'action.run', action: 'notify-applicant', elementId: 'notify', input: {} },
      { type: 'message.send', name: 'done', elementId: 'end', payload: {} },
    ]);
    expect(timers).toEqual([
      { op: 'schedule', timerId: 'x', elementId: 'limit', dueAt: '2026-03-02T01:00:00.000Z' },
      { op: 'cancel', timerId: 'y' },
    ]);
    expect(outbox.map((o) => o.type)).toEqual(['action.run', 'message.send']);
  });

  it('treats an unresolved decision reaching the store as a bug', () => {
    expect(() => projectEffects([{ type: 'decision.evaluate', taskId: 't', decisionRef: 'fees', input: {} }])).toThrow(
      "Expected decision 'fees' of task 't' to be resolved before commit",
    );
  });
});

describe('retry pacing', () => {
  it('doubles the backoff per attempt up to its cap', () => {
    expect([1, 2, 3, 4].map((n) => exponentialBackoff(n, 100, 500))).toEqual([100, 200, 400, 500]);
  });

  it('keeps at most the given number of tasks in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      done.push(n);
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
