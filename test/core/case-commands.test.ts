import { describe, expect, it } from 'vitest';
import { initialState, step } from '../../engine/core/index.js';
import { fixture } from './support/fixtures.js';
import { calendar, startCase } from './support/harness.js';

describe('case commands', () => {
  it('suspension is recorded with its instant and refuses work until resumed', async () => {
    const c = startCase(await fixture('boundary-timers'));
    c.now = '2026-03-03T10:00:00+08:00';
    c.run({ type: 'case.suspend', reason: '现场踏勘', actor: { id: 'clerk1' } });
    expect(c.events).toEqual([{ type: 'case.suspended', v: 1, seq: c.state.seq, at: '2026-03-03T10:00:00+08:00', actor: { id: 'clerk1' }, reason: '现场踏勘' }]);
    expect(c.state.suspended).toBe(true);
    expect(c.refuse({ type: 'task.complete', taskId: c.taskId('review') }).code).toBe('CASE_SUSPENDED');
    // a due timer is refused too; it stays open and the runtime fires it again after resumption
    expect(c.refuse({ type: 'timer.fire', timerId: c.timerId('remind') }).code).toBe('CASE_SUSPENDED');
    expect(c.refuse({ type: 'case.suspend', reason: 'again' }).code).toBe('CASE_SUSPENDED');
    c.run({ type: 'case.resume' });
    expect(c.types()).toEqual(['case.resumed']);
    expect(c.refuse({ type: 'case.resume' }).code).toBe('CASE_NOT_SUSPENDED');
    c.fire('remind');
  });

  it('cancel terminates every token, cancels the timers and ends the case', async () => {
    const c = startCase(await fixture('boundary-timers'));
    c.run({ type: 'case.cancel', reason: '申请人撤回' });
    expect(c.types()).toEqual(['timer.cancelled', 'timer.cancelled', 'task.cancelled', 'element.terminated', 'element.terminated', 'case.cancelled']);
    expect(c.effects.map((e) => e.type)).toEqual(['timer.cancel', 'timer.cancel']);
    expect(c.state).toMatchObject({ status: 'cancelled', elements: {}, timers: {} });
    expect(c.refuse({ type: 'case.resume' })).toMatchObject({ code: 'CASE_NOT_ACTIVE', message: "Expected case 'C1' to be active, but it was cancelled" });
  });

  it('refuses commands before the start and with another definition', async () => {
    const def = await fixture('return');
    const ctx = { now: '2026-03-02T09:00:00+08:00', calendar };
    const r = step(def, initialState(), { type: 'case.cancel', reason: 'x' }, ctx);
    expect(r.ok ? undefined : r.refusal.code).toBe('CASE_NOT_STARTED');
    const c = startCase(def);
    const other = await fixture('return', { version: 2 });
    const r2 = step(other, c.state, { type: 'case.cancel', reason: 'x' }, ctx);
    expect(r2.ok ? undefined : r2.refusal.code).toBe('INVALID_COMMAND');
  });

  it('is pure: the same input gives the same output and the input state is untouched', async () => {
    const def = await fixture('multi-instance');
    const c = startCase(def, { coDepartments: ['a', 'b'], heads: ['h'], signers: [] });
    const before = JSON.stringify(c.state);
    const command = { type: 'task.complete' as const, taskId: c.taskId('allSign'), outcome: 'agree' };
    const one = step(def, c.state, command, c.ctx());
    const two = step(def, c.state, command, c.ctx());
    expect(one).toStrictEqual(two);
    expect(JSON.stringify(c.state)).toBe(before);
  });

  it('keeps a case waiting at three parallel reviews under 2 KB', async () => {
    const c = startCase(await fixture('multi-instance'), { coDepartments: ['市场监督管理局', '卫生健康委员会', '消防救援支队'], heads: [], signers: [] });
    expect(c.active()).toEqual(['allSign']);
    expect(Buffer.byteLength(JSON.stringify(c.state))).toBeLessThan(2048);
  });
});
