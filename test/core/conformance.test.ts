/**
 * Conformance: each `.bpmn` fixture with the trace (element activations, in order) stated by hand from
 * BPMN 2.0.2 semantics, command by command.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from './support/fixtures.js';
import { startCase, TestCase } from './support/harness.js';

describe('parallel join after an exclusive split', () => {
  it('joins the parallel branch with whichever exclusive branch was taken', async () => {
    const c = startCase(await fixture('parallel-join-after-exclusive'), { route: 'b' });
    // fork puts tokens on f2 and f3; xor picks B (condition true) and not the default C
    expect(c.trace()).toEqual(['pjx', 'start', 'fork', 'A', 'xor', 'B']);
    c.complete('B');
    // the merge passes the token on; the join holds it on f8 and waits for f9
    expect(c.activated()).toEqual(['merge']);
    expect(c.state.elements.e1?.joins).toEqual({ join: { f8: 1 } });
    c.complete('A');
    expect(c.activated()).toEqual(['join', 'D']);
    c.complete('D');
    expect(c.state.status).toBe('completed');
  });

  it('takes the default flow when no condition holds', async () => {
    const c = startCase(await fixture('parallel-join-after-exclusive'), { route: 'x' });
    expect(c.active()).toEqual(['A', 'C']);
    c.complete('A').complete('C');
    expect(c.activated()).toEqual(['merge', 'join', 'D']);
  });
});

describe('nested and succeeding joins', () => {
  it('fires the inner join, then the outer, then forks and joins again', async () => {
    const c = startCase(await fixture('nested-joins'));
    expect(c.trace()).toEqual(['nested', 'start', 'fork1', 'A', 'fork2', 'B', 'C']);
    c.complete('B');
    expect(c.activated()).toEqual([]);
    c.complete('A');
    expect(c.activated()).toEqual([]);
    c.complete('C');
    expect(c.activated()).toEqual(['join2', 'join1', 'fork3', 'D', 'E']);
    c.complete('E').complete('D');
    expect(c.activated()).toEqual(['join3', 'end']);
    expect(c.state.status).toBe('completed');
  });
});

describe('inclusive join', () => {
  it('waits for the slower live branch and not for the branch never taken', async () => {
    const c = startCase(await fixture('inclusive-join'), { needsFire: true, needsHealth: true });
    expect(c.active()).toEqual(['fire', 'health']);
    c.complete('fire');
    // health can still reach the join through healthSite: wait
    expect(c.activated()).toEqual([]);
    c.complete('health');
    expect(c.activated()).toEqual(['healthSite']);
    c.complete('healthSite');
    // basic was never taken, so nothing else can arrive
    expect(c.activated()).toEqual(['join', 'decide']);
  });

  it('fires at once when the only taken branch arrives', async () => {
    const c = startCase(await fixture('inclusive-join'), { needsFire: true, needsHealth: false });
    c.complete('fire');
    expect(c.activated()).toEqual(['join', 'decide']);
  });

  it('takes the default flow when no condition is true', async () => {
    const c = startCase(await fixture('inclusive-join'), { needsFire: false, needsHealth: false });
    expect(c.active()).toEqual(['basic']);
  });
});

describe('multi-instance', () => {
  const vars = { coDepartments: ['卫健委', '消防', '环保'], heads: ['王', '李'], signers: ['s1', 's2', 's3', 's4'] };

  it('all-sign: one task per co-department, opinions collected in instance order', async () => {
    const c = startCase(await fixture('multi-instance'), vars);
    const tasks = c.events.filter((e) => e.type === 'task.created').map((e) => e.task);
    expect(tasks).toMatchObject([
      { department: '卫健委', loopCounter: 1, element: '卫健委', dueAt: '2026-03-10T00:00:00+08:00' },
      { department: '消防', loopCounter: 2, element: '消防' },
      { department: '环保', loopCounter: 3, element: '环保' },
    ]);
    c.complete('allSign', { n: 2, outcome: 'agree', opinion: '同意(环保)' });
    c.complete('allSign', { n: 0, outcome: 'agree', opinion: '同意(卫健委)' });
    expect(c.active()).toEqual(['allSign']);
    c.complete('allSign', { outcome: 'agree', opinion: '同意(消防)' });
    expect(c.state.variables.opinions).toEqual(['同意(卫健委)', '同意(消防)', '同意(环保)']);
    expect(c.activated()).toEqual(['anySign', 'anySign', 'anySign']);
  });

  it('stops at the first refusal and cancels the other co-departments', async () => {
    const c = startCase(await fixture('multi-instance'), vars);
    c.complete('allSign', { n: 1, outcome: 'refuse', opinion: '不符合消防要求' });
    expect(c.types().filter((t) => t === 'task.cancelled')).toHaveLength(2);
    expect(c.state.variables.opinions).toEqual([null, '不符合消防要求', null]);
    expect(c.active()).toEqual(['anySign']);
  });

  it('any-sign: the first head to sign completes the step; sequential stops at half', async () => {
    const c = startCase(await fixture('multi-instance'), vars);
    for (let i = 0; i < 3; i++) c.complete('allSign', { outcome: 'agree' });
    c.complete('anySign', { n: 1 });
    expect(c.types()).toContain('task.cancelled');
    expect(c.active()).toEqual(['sequential']);
    expect(c.state.variables.nrOfInstances).toBeUndefined();
    c.complete('sequential');
    expect(c.activated()).toEqual(['sequential']);
    expect(c.events.find((e) => e.type === 'task.created')?.task).toMatchObject({ loopCounter: 2, element: 's2' });
    c.complete('sequential');
    expect(c.state.status).toBe('completed');
    expect(c.state.variables.signed).toEqual(['s1', 's2', null, null]);
  });
});

describe('boundary timers', () => {
  it('a non-interrupting cycle reminds three times while the task runs on', async () => {
    const c = startCase(await fixture('boundary-timers'));
    expect(c.effects).toEqual([
      { type: 'timer.schedule', timerId: 'C1:e4', dueAt: '2026-03-04T09:00:00+08:00', elementId: 'overdue' },
      { type: 'timer.schedule', timerId: 'C1:e5', dueAt: '2026-03-02T10:00:00+08:00', elementId: 'remind' },
    ]);
    c.fire('remind');
    expect(c.activated()).toEqual(['remind', 'notify', 'reminded']);
    expect(c.effects).toContainEqual({ type: 'action.run', action: 'notify-staff', elementId: 'notify', input: {} });
    expect(c.effects).toContainEqual(expect.objectContaining({ type: 'timer.schedule', dueAt: '2026-03-02T11:00:00+08:00', elementId: 'remind' }));
    c.fire('remind').fire('remind');
    expect(c.effects.filter((e) => e.type === 'timer.schedule')).toEqual([]);
    expect(c.active()).toEqual(['review']);
    c.complete('review');
    expect(c.effects).toEqual([{ type: 'timer.cancel', timerId: 'C1:e4' }]);
    expect(c.state.status).toBe('completed');
  });

  it('an interrupting timer ends the task and escalates', async () => {
    const c = startCase(await fixture('boundary-timers'));
    const reviewTask = c.taskId('review');
    c.fire('overdue');
    expect(c.types()).toEqual([
      'timer.fired', 'timer.cancelled', 'task.cancelled', 'element.terminated', 'element.activated', 'element.completed',
      'flow.taken', 'element.activated', 'task.created',
    ]);
    expect(c.active()).toEqual(['escalate']);
    expect(c.refuse({ type: 'task.complete', taskId: reviewTask }).code).toBe('TASK_NOT_ACTIVE');
  });
});

describe('event-based gateway', () => {
  it('the message wins and the timer is withdrawn', async () => {
    const c = startCase(await fixture('event-based-race'));
    expect(c.trace()).toEqual(['race', 'start', 'notice', 'wait']);
    const timerId = c.timerId('lapsed');
    c.message('materials-supplied', { supplied: ['营业执照'] });
    expect(c.activated()).toEqual(['supplied', 'review']);
    expect(c.effects).toEqual([{ type: 'timer.cancel', timerId }]);
    expect(c.state.variables.supplied).toEqual(['营业执照']);
    expect(c.refuse({ type: 'timer.fire', timerId }).code).toBe('TIMER_NOT_FOUND');
  });

  it('the timer wins and the message is no longer expected', async () => {
    const c = startCase(await fixture('event-based-race'));
    // 5 working days after Monday 2026-03-02 is Monday 03-09; the limit ends at the end of that day
    expect(c.effects).toContainEqual(expect.objectContaining({ elementId: 'lapsed', dueAt: '2026-03-10T00:00:00+08:00' }));
    c.fire('lapsed');
    expect(c.activated()).toEqual(['lapsed', 'withdrawn']);
    expect(c.state.status).toBe('completed');
  });
});

describe('call activity', () => {
  it('runs the called definition inside the case, mapping variables in and out', async () => {
    const called = await fixture('site-check', { key: 'site-check', version: 2 });
    const c = new TestCase(await fixture('call-activity'), [called]).start({ address: '人民路1号' });
    expect(c.trace()).toEqual(['caller', 'start', 'check', 'siteCheck', 'start', 'inspect']);
    expect(c.state.elements.e4).toMatchObject({ el: 'siteCheck', def: { key: 'site-check', version: 2 }, vars: { site: '人民路1号' } });
    c.complete('inspect', { variables: { findings: '合格' } });
    expect(c.activated()).toEqual(['end', 'decide']);
    expect(c.state.variables).toEqual({ address: '人民路1号', siteFindings: '合格' });
  });

  it('refuses when the called definition is not deployed', async () => {
    const c = new TestCase(await fixture('call-activity'));
    expect(c.refuse({ type: 'case.start', caseId: 'C1' }).code).toBe('CALLED_DEFINITION_NOT_FOUND');
  });
});

describe('event subprocesses', () => {
  it('an interrupting message ends every other token of the scope', async () => {
    const c = startCase(await fixture('event-subprocess'));
    c.complete('review');
    expect(c.state.elements.e1?.joins).toEqual({ join: { f4: 1 } });
    c.message('withdraw');
    expect(c.types().slice(0, 4)).toEqual(['message.correlated', 'task.cancelled', 'element.terminated', 'scope.interrupted']);
    expect(c.activated()).toEqual(['withdrawal', 'withdrawStart', 'confirmWithdraw']);
    expect(c.state.elements.e1).toMatchObject({ state: 'interrupted' });
    expect(c.refuse({ type: 'message.correlate', name: 'progress-query' }).code).toBe('MESSAGE_NOT_EXPECTED');
    c.complete('confirmWithdraw');
    expect(c.state.status).toBe('completed');
  });

  it('a non-interrupting message runs beside the main flow', async () => {
    const c = startCase(await fixture('event-subprocess'));
    c.message('progress-query');
    expect(c.activated()).toEqual(['answerQuery', 'queryStart', 'answer', 'queryEnd']);
    expect(c.active()).toEqual(['review', 'siteVisit']);
    c.complete('review').complete('siteVisit');
    expect(c.state.status).toBe('completed');
  });
});

describe('loop back for correction', () => {
  it('goes around the loop until the materials are complete', async () => {
    const c = startCase(await fixture('correction-loop'));
    c.complete('preReview', { outcome: 'incomplete' });
    expect(c.activated()).toEqual(['complete', 'correct']);
    c.complete('correct');
    expect(c.activated()).toEqual(['merge', 'preReview']);
    c.complete('preReview', { outcome: 'complete' });
    expect(c.activated()).toEqual(['complete', 'accept']);
    c.complete('accept');
    expect(c.trace()).toEqual(['loop', 'start', 'merge', 'preReview', 'complete', 'correct', 'merge', 'preReview', 'complete', 'accept', 'end']);
  });
});

describe('return to an earlier step', () => {
  it('cancels the live tokens and activates the earlier step again', async () => {
    const c = startCase(await fixture('return'));
    c.complete('accept').complete('reviewA');
    c.run({ type: 'case.return', toElementId: 'accept', reason: '材料需补正' });
    expect(c.types()).toEqual(['task.cancelled', 'element.terminated', 'case.returned', 'element.activated', 'task.created']);
    expect(c.state.elements.e1?.joins).toBeUndefined();
    expect(c.active()).toEqual(['accept']);
    c.complete('accept').complete('reviewA').complete('reviewB').complete('decide');
    expect(c.state.status).toBe('completed');
  });

  it('refuses a target never passed, or passed only inside a parallel branch', async () => {
    const c = startCase(await fixture('return'));
    c.complete('accept').complete('reviewA').complete('reviewB');
    expect(c.refuse({ type: 'case.return', toElementId: 'reviewA', reason: 'x' })).toMatchObject({ code: 'RETURN_TARGET_INVALID' });
    expect(c.refuse({ type: 'case.return', toElementId: 'end', reason: 'x' }).code).toBe('RETURN_TARGET_INVALID');
    expect(c.refuse({ type: 'case.return', toElementId: 'nowhere', reason: 'x' }).message).toMatch(/no such flow node/);
    c.run({ type: 'case.return', toElementId: 'accept', reason: 'x' });
    // after going back, the steps after the target are no longer "passed"
    expect(c.refuse({ type: 'case.return', toElementId: 'join', reason: 'x' }).code).toBe('RETURN_TARGET_INVALID');
  });
});
