import { describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.js';
import { startCase, TestCase } from '../support/harness.js';

const load = () => fixture('errors-and-scopes');

describe('embedded subprocess, error, message and terminate events, timer event subprocess', () => {
  it('a subprocess gets its inputs as local variables and hands its outputs up on completion', async () => {
    const c = startCase(await load(), { applicant: '李四' });
    expect(c.activated()).toEqual(['scopes', 'start', 'sub', 'subStart', 'subFork', 'work', 'side']);
    expect(Object.values(c.state.elements).find((i) => i.el === 'sub')).toMatchObject({ vars: { who: '李四' } });
    c.complete('side');
    expect(c.activated()).toEqual(['sideEnd']);
    c.complete('work', { variables: { verdict: 'ok' } });
    expect(c.activated()).toEqual(['route', 'okEnd', 'after']);
    expect(c.state.variables).toMatchObject({ subVerdict: 'ok' });
  });

  it('an error end event is caught by the error boundary event of its subprocess', async () => {
    const c = startCase(await load());
    c.complete('work', { variables: { verdict: 'refuse' } });
    expect(c.events.find((e) => e.type === 'error.thrown')).toMatchObject({ errorCode: 'REFUSED', from: 'refuseEnd', caughtBy: 'refused' });
    expect(c.activated()).toEqual(['route', 'refuseEnd', 'refused', 'refusalNotice']);
    expect(c.types()).toContain('task.cancelled'); // the side task went with the subprocess
    c.complete('refusalNotice');
    // a terminate end event in the case's process ends the case as terminated (§10.5.3)
    expect(c.state.status).toBe('terminated');
    expect(c.effects).toContainEqual(expect.objectContaining({ type: 'timer.cancel' }));
  });

  it('an error no boundary catches propagates to the error event subprocess of the process', async () => {
    const c = startCase(await load());
    c.complete('work', { variables: { verdict: 'fatal' } });
    expect(c.events.find((e) => e.type === 'error.thrown')).toMatchObject({ errorCode: 'FATAL', caughtBy: 'fatalStart' });
    expect(c.active()).toEqual(['onFatal', 'incident']);
    expect(c.state.timers).toEqual({});
    c.complete('incident');
    expect(c.state.status).toBe('completed');
  });

  it('a terminate end event inside a subprocess ends only the subprocess, which then completes', async () => {
    const c = startCase(await load());
    c.complete('work', { variables: { verdict: 'stop' } });
    expect(c.types()).toContain('task.cancelled');
    expect(c.active()).toEqual(['after']);
  });

  it('an interrupting message boundary event ends the subprocess and everything in it', async () => {
    const c = startCase(await load());
    c.message('stop-review');
    expect(c.types().filter((t) => t === 'element.terminated')).toHaveLength(3);
    expect(c.activated()).toEqual(['stopped', 'stoppedEnd']);
    expect(c.state.status).toBe('completed');
  });

  it('a non-interrupting timer event subprocess reports daily, twice, beside the work', async () => {
    const c = startCase(await load());
    c.fire('dailyStart');
    expect(c.activated()).toEqual(['daily', 'dailyStart', 'dailyReport', 'dailyEnd']);
    expect(c.effects).toContainEqual({ type: 'timer.schedule', timerId: c.timerId('dailyStart'), dueAt: '2026-03-04T09:00:00+08:00', elementId: 'dailyStart' });
    c.fire('dailyStart');
    expect(c.effects.filter((e) => e.type === 'timer.schedule')).toEqual([]);
    expect(c.active()).toEqual(['sub', 'work', 'side']);
  });

  it('refuses a command whose exclusive gateway finds no flow', async () => {
    const c = startCase(await load());
    expect(c.refuse({ type: 'task.complete', taskId: c.taskId('work'), variables: { verdict: '?' } })).toMatchObject({
      code: 'NO_FLOW_TAKEN',
      message: "Expected a condition on a flow out of exclusive gateway 'route' to be true, but none was and there is no default flow",
    });
    expect(c.active()).toEqual(['sub', 'work', 'side']);
  });

  it('refuses an error nobody catches instead of crashing', async () => {
    expect(new TestCase(await fixture('uncaught-error')).refuse({ type: 'case.start', caseId: 'C1' })).toMatchObject({
      code: 'UNHANDLED_ERROR',
      message: "Expected error 'X' thrown at 'boom' to be caught, but no enclosing scope catches it",
    });
  });
});
