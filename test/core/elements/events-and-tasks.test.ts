import { describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { startCase, TestCase } from '../support/harness.js';

const load = () => fixture('events-and-tasks');

describe('throw events, send, receive, business rule, timer and message catch, manual task', () => {
  it('a message throw event and a send task emit message.send and pass on; the receive task waits', async () => {
    // given/when a case starts
    const c = startCase(await load(), { applicant: '张三' });
    // then
    expect(c.activated()).toEqual(['tasks', 'start', 'opened', 'notice', 'pay']);
    expect(c.effects).toEqual([
      { type: 'message.send', name: 'case-opened', elementId: 'opened', payload: { applicant: '张三' } },
      { type: 'message.send', name: 'acceptance-notice', elementId: 'notice', payload: { to: '张三' } },
    ]);
    expect(c.events.find((e) => e.type === 'task.created')?.task).toMatchObject({ kind: 'receiveTask', elementId: 'pay' });
  });

  it('the receive task completes on its message and closes its task; the rule task asks for a decision', async () => {
    const c = startCase(await load());
    expect(c.refuse({ type: 'task.complete', taskId: c.taskId('pay') }).code).toBe('INVALID_COMMAND');
    expect(c.refuse({ type: 'message.correlate', name: 'go' }).code).toBe('MESSAGE_NOT_EXPECTED');
    c.message('fee-paid', { paid: 120 });
    expect(c.types().slice(0, 3)).toEqual(['message.correlated', 'task.completed', 'element.completed']);
    const taskId = c.taskId('fees');
    expect(c.effects).toEqual([{ type: 'decision.evaluate', taskId, decisionRef: 'fee-table', input: { paid: 120 } }]);
    c.run({ type: 'decision.complete', taskId, result: { fee: 0, exempt: true } });
    expect(c.types().slice(0, 2)).toEqual(['decision.completed', 'task.completed']);
    expect(c.state.variables).toEqual({ paid: 120, fee: 0, exempt: true });
    expect(c.effects).toEqual([{ type: 'timer.schedule', timerId: c.timerId('pause'), dueAt: '2026-03-02T10:00:00+08:00', elementId: 'pause' }]);
  });

  it('the timer catch fires, the message catch waits, the manual task is worked like a task', async () => {
    const c = startCase(await load()).message('fee-paid');
    c.run({ type: 'decision.complete', taskId: c.taskId('fees'), result: 'none' });
    expect(c.state.variables.result).toBe('none');
    c.fire('pause');
    expect(c.activated()).toEqual(['go']);
    c.message('go');
    expect(c.events.find((e) => e.type === 'task.created')?.task).toMatchObject({ kind: 'manualTask', department: '窗口' });
    c.complete('paper');
    expect(c.effects).toEqual([{ type: 'message.send', name: 'done', elementId: 'done', payload: { result: 'none' } }]);
    expect(c.state.status).toBe('completed');
  });

  it('starts at a named message start event', async () => {
    const c = new TestCase(await load()).start({}, 'windowStart');
    expect(c.activated()).toEqual(['tasks', 'windowStart', 'paper']);
    expect(new TestCase(c.definition).refuse({ type: 'case.start', caseId: 'C1', startEventId: 'paper' }).code).toBe('START_EVENT_NOT_FOUND');
    expect(c.refuse({ type: 'case.start', caseId: 'C1' }).code).toBe('CASE_ALREADY_STARTED');
  });
});
