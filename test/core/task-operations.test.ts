/**
 * Given/when/then for the operations on a task (转办, 委派, 加签, 减签, 驳回, 拿回) on the state, events and
 * effects, including the interplay cases users of other engines report: a reject out of one branch of a
 * parallel join and out of a multi-instance step, parallel 加签 into an any-sign and a share vote, a reclaim
 * after a join, the timers and reminders after a return, and a transfer of a task whose step clock runs.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../engine/core/evolve.js';
import { projectTasks } from '../../engine/runtime/projection.js';
import { openTasks, type Actor, type CaseEvent, type Command } from '../../engine/core/index.js';
import { fixture } from './support/fixtures.js';
import { startCase, type TestCase } from './support/harness.js';

const li: Actor = { id: 'li' };
const wang: Actor = { id: 'wang' };
const zhao: Actor = { id: 'zhao' };

async function opened(vars = { voters: ['v1', 'v2'], heads: ['h1'] }): Promise<TestCase> {
  return startCase(await fixture('task-operations'), vars);
}

function task(c: TestCase, el: string, n = 0) {
  const t = openTasks(c.state).filter((x) => x.elementId === el)[n];
  if (!t) throw new Error(`no task at ${el}`);
  return t;
}

/** A command without its actor (distributed over the union, so each keeps its own fields). */
type Bare = Command extends infer C ? (C extends Command ? Omit<C, 'actor'> : never) : never;

function as(actor: Actor, command: Bare): Command {
  return { ...command, actor } as Command;
}

/** Claims and completes a task as `actor`. */
function work(c: TestCase, el: string, actor: Actor, n = 0, extra: { outcome?: string } = {}): TestCase {
  const id = task(c, el, n).taskId;
  if (task(c, el, n).assignee === undefined) c.run({ type: 'task.claim', taskId: id, assignee: actor.id, actor });
  return c.run({ type: 'task.complete', taskId: id, actor, ...extra });
}

/** Through accept and both reviews: the vote is open. */
async function atVote(vars = { voters: ['v1', 'v2'], heads: ['h1'] }): Promise<TestCase> {
  const c = await opened(vars);
  work(c, 'accept', li);
  work(c, 'reviewA', { id: 'a1' });
  return work(c, 'reviewB', { id: 'b1' });
}

describe('转办 transfer', () => {
  it('hands a task with a running step clock to a colleague: the due instant and the reminder are kept', async () => {
    const c = await opened();
    const id = task(c, 'accept').taskId;
    c.run({ type: 'task.claim', taskId: id, assignee: 'li', actor: li });
    const timers = structuredClone(c.state.timers);
    c.now = '2026-03-03T10:00:00+08:00';
    c.run(as(li, { type: 'task.transfer', taskId: id, to: 'wang', reason: '出差' }));
    expect(c.types()).toEqual(['task.transferred']);
    expect(c.events[0]).toMatchObject({ taskId: id, from: 'li', to: 'wang', reason: '出差', actor: li, at: '2026-03-03T10:00:00+08:00' });
    expect(c.effects).toEqual([]);
    // 3 working days from Monday 2 March 2026: Tue, Wed, Thu -> the end of Thursday 5 March.
    expect(task(c, 'accept')).toMatchObject({ assignee: 'wang', dueAt: '2026-03-06T00:00:00+08:00' });
    expect(c.state.timers).toEqual(timers);
    expect(c.refuse(as(li, { type: 'task.complete', taskId: id })).code).toBe('TASK_ASSIGNED_TO_OTHER');
    expect(c.refuse(as(li, { type: 'task.transfer', taskId: id, to: 'zhao', reason: 'x' })).code).toBe('TASK_ASSIGNED_TO_OTHER');
    expect(c.refuse(as(wang, { type: 'task.transfer', taskId: id, to: 'wang', reason: 'x' })).code).toBe('SIGNERS_INVALID');
    c.run(as(wang, { type: 'task.complete', taskId: id }));
    expect(c.active()).toEqual(['reviewA', 'reviewB']);
  });
});

describe('委派 delegate and resolve', () => {
  it('the delegate works the task, resolves it back, and only the owner completes it; the clock is untouched', async () => {
    const c = await opened();
    const id = task(c, 'accept').taskId;
    c.run({ type: 'task.claim', taskId: id, assignee: 'li', actor: li });
    c.run(as(li, { type: 'task.delegate', taskId: id, to: 'wang', reason: '请核对材料' }));
    expect(c.events[0]).toMatchObject({ type: 'task.delegated', owner: 'li', to: 'wang' });
    expect(c.effects).toEqual([]);
    expect(task(c, 'accept')).toMatchObject({ assignee: 'wang', owner: 'li', delegated: true, dueAt: '2026-03-06T00:00:00+08:00' });
    expect(c.refuse(as(wang, { type: 'task.complete', taskId: id })).code).toBe('TASK_DELEGATED');
    expect(c.refuse(as(li, { type: 'task.resolve', taskId: id })).code).toBe('TASK_ASSIGNED_TO_OTHER');
    expect(c.refuse(as(wang, { type: 'task.transfer', taskId: id, to: 'zhao', reason: 'x' })).code).toBe('TASK_DELEGATED');
    c.run(as(wang, { type: 'task.resolve', taskId: id, opinion: '材料已核对' }));
    expect(c.events[0]).toMatchObject({ type: 'task.resolved', owner: 'li', by: 'wang', opinion: '材料已核对', actor: wang });
    expect(task(c, 'accept').assignee).toBe('li');
    expect(task(c, 'accept').delegated).toBeUndefined();
    expect(c.refuse(as(wang, { type: 'task.resolve', taskId: id })).code).toBe('TASK_NOT_DELEGATED');
    c.run(as(li, { type: 'task.complete', taskId: id }));
    expect(c.active()).toEqual(['reviewA', 'reviewB']);
  });
});

describe('加签 before and after, 减签', () => {
  it('before: the signers sign first, in order, then the owner completes the step', async () => {
    const c = await opened();
    const id = task(c, 'accept').taskId;
    c.run({ type: 'task.claim', taskId: id, assignee: 'li', actor: li });
    c.run(as(li, { type: 'task.add-signers', taskId: id, signers: ['wang', 'zhao'], mode: 'before', reason: '请先会签' }));
    expect(task(c, 'accept')).toMatchObject({ assignee: 'wang', owner: 'li', queue: ['zhao', 'li'], added: ['wang', 'zhao'] });
    c.run(as(wang, { type: 'task.complete', taskId: id, opinion: '同意' }));
    expect(c.types()).toEqual(['task.signed']);
    expect(c.events[0]).toMatchObject({ by: 'wang', next: 'zhao', opinion: '同意' });
    c.run(as(zhao, { type: 'task.complete', taskId: id }));
    expect(task(c, 'accept').assignee).toBe('li');
    expect(c.active()).toEqual(['accept']);
    c.run(as(li, { type: 'task.complete', taskId: id }));
    expect(c.active()).toEqual(['reviewA', 'reviewB']);
  });

  it('after: a new signer signs after the owner; the last signature completes the step', async () => {
    const c = await opened();
    const id = task(c, 'accept').taskId;
    c.run({ type: 'task.claim', taskId: id, assignee: 'li', actor: li });
    c.run(as(li, { type: 'task.add-signers', taskId: id, signers: ['zhao'], mode: 'after', reason: '科长复核' }));
    c.run(as(li, { type: 'task.complete', taskId: id }));
    expect(c.events[0]).toMatchObject({ type: 'task.signed', by: 'li', next: 'zhao' });
    expect(c.active()).toEqual(['accept']);
    c.run(as(zhao, { type: 'task.complete', taskId: id, outcome: 'approve' }));
    expect(c.types()[0]).toBe('task.completed');
    expect(c.active()).toEqual(['reviewA', 'reviewB']);
  });

  it('减签 removes only signers added by 加签 who have not signed yet', async () => {
    const c = await opened();
    const id = task(c, 'accept').taskId;
    c.run({ type: 'task.claim', taskId: id, assignee: 'li', actor: li });
    c.run(as(li, { type: 'task.add-signers', taskId: id, signers: ['wang', 'zhao'], mode: 'before', reason: '会签' }));
    expect(c.refuse(as(li, { type: 'task.add-signers', taskId: id, signers: ['x'], mode: 'after', reason: 'x' })).code).toBe('TASK_ASSIGNED_TO_OTHER');
    c.run(as(wang, { type: 'task.complete', taskId: id }));
    // wang signed: no longer removable; 'li' is the owner, never added
    expect(c.refuse(as(li, { type: 'task.remove-signers', taskId: id, signers: ['wang'], reason: 'x' }))).toMatchObject({ code: 'SIGNER_NOT_REMOVABLE', details: { signer: 'wang' } });
    expect(c.refuse(as(li, { type: 'task.remove-signers', taskId: id, signers: ['li'], reason: 'x' })).code).toBe('SIGNER_NOT_REMOVABLE');
    expect(c.refuse(as(zhao, { type: 'task.remove-signers', taskId: id, signers: ['zhao'], reason: 'x' })).code).toBe('TASK_ASSIGNED_TO_OTHER');
    c.run(as(li, { type: 'task.remove-signers', taskId: id, signers: ['zhao'], reason: '无需会签' }));
    expect(task(c, 'accept')).toMatchObject({ assignee: 'li', owner: 'li' });
    expect(task(c, 'accept').queue).toBeUndefined();
    c.run(as(li, { type: 'task.complete', taskId: id }));
    expect(c.active()).toEqual(['reviewA', 'reviewB']);
  });

  it('加签 on a step no one had claimed: the adder holds it, before and after the signers', async () => {
    const before = await opened();
    const id = task(before, 'accept').taskId;
    before.run(as(li, { type: 'task.add-signers', taskId: id, signers: ['wang'], mode: 'before', reason: '会签' }));
    expect(before.events[0]).toMatchObject({ type: 'task.signers-added', owner: 'li' });
    expect(task(before, 'accept')).toMatchObject({ assignee: 'wang', owner: 'li', queue: ['li'] });
    before.run(as(wang, { type: 'task.complete', taskId: id }));
    // The signature hands the step back to its holder, it does not complete it.
    expect(before.events[0]).toMatchObject({ type: 'task.signed', next: 'li' });
    expect(before.active()).toEqual(['accept']);

    const after = await opened();
    const aid = task(after, 'accept').taskId;
    after.run(as(li, { type: 'task.add-signers', taskId: aid, signers: ['zhao'], mode: 'after', reason: '科长复核' }));
    expect(task(after, 'accept')).toMatchObject({ assignee: 'li', owner: 'li', queue: ['zhao'] });
    // The task table learns who holds it.
    expect(projectTasks(after.events)).toEqual([{ op: 'claim', taskId: aid, assignee: 'li' }]);
    after.run(as(li, { type: 'task.remove-signers', taskId: aid, signers: ['zhao'], reason: '无需复核' }));
    expect(task(after, 'accept').queue).toBeUndefined();
  });

  it('reads a 加签 logged before the holder was written, and 减签 of its signer leaves no assignee key', async () => {
    // Such an event on a step no one had claimed left the signer holding it with no owner behind: removing
    // that signer has no one to hand the step to.
    const c = await opened();
    const id = task(c, 'accept').taskId;
    const state = structuredClone(c.state);
    const at = '2026-03-02T09:00:00+08:00';
    applyEvent(state, { type: 'task.signers-added', v: 1, seq: state.seq + 1, at, actor: li, taskId: id, mode: 'before', signers: ['wang'], reason: '会签' } as unknown as CaseEvent);
    applyEvent(state, { type: 'task.signers-removed', v: 1, seq: state.seq + 1, at, taskId: id, signers: ['wang'], reason: '无需会签' } as unknown as CaseEvent);
    const key = Object.keys(state.elements).find((k) => state.elements[k]!.task?.taskId === id)!;
    expect(Object.keys(state.elements[key]!.task!)).not.toContain('assignee');
    // The state as stored (JSON) is the state as computed.
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
  });

  it('refuses parallel 加签 on a single step', async () => {
    const c = await opened();
    const id = task(c, 'accept').taskId;
    expect(c.refuse(as(li, { type: 'task.add-signers', taskId: id, signers: ['wang'], mode: 'parallel', reason: 'x' })).code).toBe('SIGNERS_INVALID');
  });
});

describe('加签 parallel into a running multi-instance step', () => {
  it('a share vote counts the new instance: one of three is not half, two of three are', async () => {
    const c = await atVote();
    const v1 = task(c, 'vote', 0).taskId;
    c.run({ type: 'task.claim', taskId: v1, assignee: 'v1', actor: { id: 'v1' } });
    c.run(as({ id: 'v1' }, { type: 'task.add-signers', taskId: v1, signers: ['v3'], mode: 'parallel', reason: '增加票签人' }));
    expect(c.types()).toEqual(['element.activated', 'task.created', 'task.signers-added']);
    const bodyKey = Object.keys(c.state.elements).find((k) => c.state.elements[k]!.body)!;
    expect(c.state.elements[bodyKey]!.body).toMatchObject({ items: ['v1', 'v2', 'v3'], started: 3, completed: 0 });
    expect(task(c, 'vote', 2)).toMatchObject({ assignee: 'v3', addedBy: v1, loopCounter: 3, element: 'v3' });
    c.run(as({ id: 'v1' }, { type: 'task.complete', taskId: v1 }));
    // 1/3 < 0.5: without the added signer, 1/2 would have completed the vote
    expect(c.active()).toEqual(['vote']);
    c.run(as({ id: 'v3' }, { type: 'task.complete', taskId: task(c, 'vote', 1).taskId }));
    expect(c.active()).toEqual(['anySign']);
    expect(c.types().filter((t) => t === 'task.cancelled')).toHaveLength(1);
  });

  it('an any-sign completes on the added signer alone, withdrawing the original one', async () => {
    const c = await atVote({ voters: ['v1'], heads: ['h1'] });
    work(c, 'vote', { id: 'v1' });
    const h1 = task(c, 'anySign').taskId;
    c.run({ type: 'task.claim', taskId: h1, assignee: 'h1', actor: { id: 'h1' } });
    c.run(as({ id: 'h1' }, { type: 'task.add-signers', taskId: h1, signers: ['h2'], mode: 'parallel', reason: '或签' }));
    c.run(as({ id: 'h2' }, { type: 'task.complete', taskId: task(c, 'anySign', 1).taskId }));
    expect(c.active()).toEqual(['decide']);
    expect(c.events.find((e) => e.type === 'task.cancelled')).toMatchObject({ taskId: h1 });
  });

  it('减签 withdraws an added parallel instance; it no longer counts', async () => {
    const c = await atVote();
    const v1 = task(c, 'vote', 0).taskId;
    c.run({ type: 'task.claim', taskId: v1, assignee: 'v1', actor: { id: 'v1' } });
    c.run(as({ id: 'v1' }, { type: 'task.add-signers', taskId: v1, signers: ['v3'], mode: 'parallel', reason: 'x' }));
    const v3 = task(c, 'vote', 2).taskId;
    c.run(as({ id: 'v1' }, { type: 'task.remove-signers', taskId: v1, signers: ['v3'], reason: '回避' }));
    expect(c.types()).toEqual(['task.cancelled', 'element.terminated', 'task.signers-removed']);
    expect(c.events.at(-1)).toMatchObject({ tasks: [v3] });
    c.run(as({ id: 'v1' }, { type: 'task.complete', taskId: v1 }));
    // back to 1 of 2 = 0.5
    expect(c.active()).toEqual(['anySign']);
  });
});

describe('驳回 reject', () => {
  it('out of one branch of a parallel join: the other branch and the waiting arrival are withdrawn, none stranded', async () => {
    const c = await opened();
    work(c, 'accept', li);
    work(c, 'reviewA', { id: 'a1' });
    const b = task(c, 'reviewB').taskId;
    c.run({ type: 'task.claim', taskId: b, assignee: 'b1', actor: { id: 'b1' } });
    c.run(as({ id: 'b1' }, { type: 'task.reject', taskId: b, to: 'previous', resume: 'through', reason: '平面图不符' }));
    expect(c.events[0]).toMatchObject({ type: 'task.rejected', el: 'reviewB', toElementId: 'accept', resume: 'through', reason: '平面图不符' });
    expect(c.active()).toEqual(['accept']);
    const root = Object.values(c.state.elements).find((i) => i.scope === undefined)!;
    expect(root.joins).toBeUndefined();
    work(c, 'accept', li);
    expect(c.active()).toEqual(['reviewA', 'reviewB']);
    work(c, 'reviewA', { id: 'a1' });
    work(c, 'reviewB', { id: 'b1' });
    expect(c.active()).toEqual(['vote']);
  });

  it('out of a multi-instance step: every instance is withdrawn; back-to-me reopens the whole step after the resubmission', async () => {
    const c = await atVote();
    const v2 = task(c, 'vote', 1).taskId;
    c.run(as({ id: 'v2' }, { type: 'task.reject', taskId: v2, to: 'accept', resume: 'back-to-me', reason: '补充说明' }));
    expect(c.types().filter((t) => t === 'task.cancelled')).toHaveLength(2);
    expect(c.active()).toEqual(['accept']);
    work(c, 'accept', li);
    expect(c.types()).toContain('rejection.resumed');
    // straight back to the vote, the reviews are not asked again
    expect(c.active()).toEqual(['vote']);
    expect(openTasks(c.state).map((t) => t.element)).toEqual(['v1', 'v2']);
  });

  it('refuses a reject to previous from the first step: nothing was passed before it', async () => {
    const c = await opened();
    const r = c.refuse(as(li, { type: 'task.reject', taskId: task(c, 'accept').taskId, to: 'previous', resume: 'through', reason: 'x' }));
    expect(r).toMatchObject({ code: 'RETURN_TARGET_INVALID', message: "Expected a step passed before 'accept' to reject to, but there is none" });
  });

  it('back-to-me is refused from inside a parallel branch', async () => {
    const c = await opened();
    work(c, 'accept', li);
    const a = task(c, 'reviewA').taskId;
    expect(c.refuse(as({ id: 'a1' }, { type: 'task.reject', taskId: a, to: 'accept', resume: 'back-to-me', reason: 'x' })).code).toBe('REJECT_RESUME_INVALID');
    expect(c.refuse(as({ id: 'a1' }, { type: 'task.reject', taskId: a, to: 'reviewB', resume: 'through', reason: 'x' })).code).toBe('RETURN_TARGET_INVALID');
  });

  it('the step returned to gets its time limit and reminders again; the withdrawn steps lose theirs', async () => {
    const c = await opened();
    work(c, 'accept', li);
    expect(c.effects).toEqual([{ type: 'timer.cancel', timerId: 'C1:e4' }]);
    c.now = '2026-03-04T09:00:00+08:00';
    const b = task(c, 'reviewB').taskId;
    c.run(as({ id: 'b1' }, { type: 'task.reject', taskId: b, to: 'accept', resume: 'through', reason: '退回受理' }));
    const reminder = Object.entries(c.state.timers);
    expect(reminder).toHaveLength(1);
    expect(reminder[0]![1]).toMatchObject({ el: 'remind', dueAt: '2026-03-04T13:00:00+08:00', repeat: 2, every: 'PT4H' });
    expect(c.effects).toEqual([{ type: 'timer.schedule', timerId: `C1:${reminder[0]![0]}`, dueAt: '2026-03-04T13:00:00+08:00', elementId: 'remind' }]);
    // Wednesday 4 March + 3 working days: Thu, Fri, Mon -> the end of Monday 9 March
    expect(task(c, 'accept').dueAt).toBe('2026-03-10T00:00:00+08:00');
    c.now = '2026-03-04T13:00:00+08:00';
    c.fire('remind');
    expect(c.effects.map((e) => e.type)).toEqual(['timer.schedule', 'action.run']);
    expect(c.active()).toEqual(['accept']);
  });
});

describe('拿回 reclaim', () => {
  it('takes back a main-line step while the steps it opened are untouched', async () => {
    const c = await opened();
    const id = task(c, 'accept').taskId;
    work(c, 'accept', li);
    expect(c.refuse(as(wang, { type: 'task.reclaim', taskId: id, reason: 'x' })).code).toBe('TASK_ASSIGNED_TO_OTHER');
    c.run(as(li, { type: 'task.reclaim', taskId: id, reason: '漏填意见' }));
    expect(c.events.find((e) => e.type === 'task.reclaimed')).toMatchObject({ taskId: id, el: 'accept', by: 'li', reason: '漏填意见' });
    expect(c.active()).toEqual(['accept']);
    expect(task(c, 'accept').assignee).toBe('li');
    expect(c.refuse(as(li, { type: 'task.reclaim', taskId: id, reason: 'again' })).code).toBe('RECLAIM_NOT_ALLOWED');
    work(c, 'accept', li);
    expect(c.active()).toEqual(['reviewA', 'reviewB']);
  });

  it('after a join: the other branch arrival is put back, so the join still fires', async () => {
    const c = await opened();
    work(c, 'accept', li);
    work(c, 'reviewA', { id: 'a1' });
    const b = task(c, 'reviewB').taskId;
    work(c, 'reviewB', { id: 'b1' });
    expect(c.active()).toEqual(['vote']);
    c.run(as({ id: 'b1' }, { type: 'task.reclaim', taskId: b, reason: '补充意见' }));
    expect(c.events.find((e) => e.type === 'task.reclaimed')).toMatchObject({ restore: { e1: { join: ['f5'] } } });
    expect(c.active()).toEqual(['reviewB']);
    const root = Object.values(c.state.elements).find((i) => i.scope === undefined)!;
    expect(root.joins).toEqual({ join: { f5: 1 } });
    work(c, 'reviewB', { id: 'b1' });
    expect(c.active()).toEqual(['vote']);
  });

  it('is refused once the next step was touched', async () => {
    const c = await opened();
    work(c, 'accept', li);
    work(c, 'reviewA', { id: 'a1' });
    const b = task(c, 'reviewB').taskId;
    work(c, 'reviewB', { id: 'b1' });
    c.run({ type: 'task.claim', taskId: task(c, 'vote').taskId, assignee: 'v1', actor: { id: 'v1' } });
    expect(c.refuse(as({ id: 'b1' }, { type: 'task.reclaim', taskId: b, reason: 'x' })).code).toBe('RECLAIM_NOT_ALLOWED');
  });

  it('after a back-to-me resubmission the reclaimed step still goes straight back', async () => {
    const c = await atVote({ voters: ['v1'], heads: ['h1'] });
    work(c, 'vote', { id: 'v1' });
    work(c, 'anySign', { id: 'h1' });
    const d = task(c, 'decide').taskId;
    c.run(as(zhao, { type: 'task.reject', taskId: d, to: 'accept', resume: 'back-to-me', reason: '受理意见不全' }));
    const again = task(c, 'accept').taskId;
    work(c, 'accept', li);
    expect(c.active()).toEqual(['decide']);
    c.run(as(li, { type: 'task.reclaim', taskId: again, reason: '补正意见' }));
    expect(c.active()).toEqual(['accept']);
    work(c, 'accept', li);
    expect(c.active()).toEqual(['decide']);
    work(c, 'decide', zhao);
    expect(c.state.status).toBe('completed');
  });
});
