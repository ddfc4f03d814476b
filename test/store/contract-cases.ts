/** Store contract, part 1: cases, the event log, transactions, optimistic concurrency, idempotency. */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../engine/runtime/errors.js';
import type { CaseWrite } from '../../engine/runtime/ports.js';
import type { OpenedStore } from '../../server/store/open-store.js';
import { caseNo, harness, ITEM, loadBarrier, T0 } from './harness.js';

export function caseContract(store: () => OpenedStore): void {
  describe('cases and the event log', () => {
    it('commits a started case with its columns, ordered events, tasks, timers and outbox together', async () => {
      const h = harness(store());
      const no = caseNo('start');
      const result = await h.start(no, { tasks: ['review', 'inspect'], timers: [{ id: 'limit', dueAt: '2026-03-10T09:00:00+08:00' }] });

      expect(result).toMatchObject({ ok: true, caseNo: no, version: 1 });
      const row = await h.store.knex('cases').where({ case_no: no }).first();
      expect(row).toMatchObject({ item_key: ITEM, definition_version: 1, status: 'active', stage: 'review', department: 'market-supervision', version: 1, last_seq: 3 });
      const events = await h.store.cases.listEvents(no);
      expect(events.map((e) => [e.seq, e.type])).toEqual([[1, 'case.started'], [2, 'task.created'], [3, 'task.created']]);
      const tasks = await h.store.cases.listTasks({ caseNo: no });
      expect(tasks.map((t) => [t.taskId, t.status, t.department, t.candidateGroups])).toEqual([
        ['inspect', 'active', 'market-supervision', ['reviewers']],
        ['review', 'active', 'market-supervision', ['reviewers']],
      ]);
      // The +08:00 deadline is stored as the same instant in UTC.
      expect(await h.store.timers.listTimers({ caseNo: no })).toMatchObject([{ timerId: 'limit', dueAt: '2026-03-10T01:00:00.000Z', status: 'scheduled' }]);
      expect(await h.store.outbox.listOutbox({ caseNo: no })).toEqual([]);
    });

    it('appends later commands to the log in order and moves the version by one per command', async () => {
      const h = harness(store());
      const no = caseNo('order');
      await h.start(no, { tasks: ['a', 'b'] });
      await h.runner.execute(no, { type: 'task.claim', taskId: 'a', assignee: 'li.wei' });
      await h.runner.execute(no, { type: 'task.complete', taskId: 'a' });
      const last = await h.runner.execute(no, { type: 'task.complete', taskId: 'b' });

      expect(last).toMatchObject({ ok: true, version: 4 });
      const events = await h.store.cases.listEvents(no);
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(events.map((e) => e.type)).toEqual([
        'case.started', 'task.created', 'task.created', 'task.claimed', 'task.completed', 'task.completed', 'case.completed',
      ]);
      expect((await h.store.cases.listTasks({ caseNo: no })).map((t) => [t.taskId, t.status, t.assignee])).toEqual([
        ['a', 'completed', 'li.wei'], ['b', 'completed', undefined],
      ]);
      expect((await h.store.cases.loadCase(no))?.summary.status).toBe('completed');
      expect((await h.store.outbox.listOutbox({ caseNo: no })).map((m) => m.type)).toEqual(['action.run', 'action.run']);
    });

    it('writes nothing of a command whose transaction fails part-way', async () => {
      const h = harness(store());
      const no = caseNo('atomic');
      await h.start(no, { timers: [{ id: 't1', dueAt: '2026-04-01T00:00:00Z' }] });
      const before = await h.store.cases.loadCase(no);
      // Case update, events, tasks and outbox come first; firing a timer that does not exist fails last.
      const write: CaseWrite = {
        caseNo: no, expectedVersion: 1, state: { broken: true }, summary: { status: 'broken' },
        events: [{ type: 'task.completed', v: 1, seq: 3, at: T0, taskId: 'review' }],
        tasks: [{ op: 'complete', taskId: 'review' }], firedTimerIds: ['missing'], timers: [{ op: 'cancel', timerId: 't1' }],
        outbox: [{ type: 'action.run', payload: { x: 1 } }], idempotency: { key: `${no}-k`, commandType: 'x', result: null }, at: T0,
      };

      await expect(h.store.cases.commit(write)).rejects.toBeInstanceOf(ConflictError);
      expect(await h.store.cases.loadCase(no)).toEqual(before);
      expect(await h.store.cases.listEvents(no)).toHaveLength(2);
      expect((await h.store.cases.listTasks({ caseNo: no }))[0]?.status).toBe('active');
      expect((await h.store.timers.listTimers({ caseNo: no }))[0]?.status).toBe('scheduled');
      expect(await h.store.outbox.listOutbox({ caseNo: no })).toEqual([]);
      expect(await h.store.cases.findRemembered(`${no}-k`)).toBeUndefined();
    });

    it('refuses a second event with a seq already in the log', async () => {
      const h = harness(store());
      const no = caseNo('seq');
      await h.start(no);
      const write: CaseWrite = {
        caseNo: no, expectedVersion: 1, state: {}, summary: { status: 'active' },
        events: [{ type: 'case.noted', v: 1, seq: 2, at: T0 }], tasks: [], firedTimerIds: [], timers: [], outbox: [], at: T0,
      };
      await expect(h.store.cases.commit(write)).rejects.toThrow();
      expect((await h.store.cases.listEvents(no)).map((e) => e.type)).toEqual(['case.started', 'task.created']);
    });

    it('returns rejections as values and writes nothing for them', async () => {
      const h = harness(store());
      const no = caseNo('reject');
      await h.start(no);
      const result = await h.runner.execute(no, { type: 'task.complete', taskId: 'nope' });
      expect(result).toMatchObject({ ok: false, refusal: { code: 'TASK_NOT_ACTIVE' } });
      expect(await h.runner.execute(caseNo('ghost'), { type: 'task.complete', taskId: 'x' })).toMatchObject({ ok: false, refusal: { code: 'CASE_NOT_STARTED' } });
      expect((await h.store.cases.loadCase(no))?.version).toBe(1);
    });

    it('resolves a business rule decision inside the same command and commit', async () => {
      const h = harness(store());
      const no = caseNo('decision');
      const result = await h.start(no, { tasks: [], decision: 'fee-table' });

      expect(h.decisions).toEqual([{ decisionRef: 'fee-table', input: { amount: 3 } }]);
      expect(result).toMatchObject({ ok: true, version: 1 });
      expect((await h.store.cases.listEvents(no)).map((e) => e.type)).toEqual(['case.started', 'task.created', 'decision.completed', 'task.completed', 'case.completed']);
      expect((await h.store.cases.listTasks({ caseNo: no }))[0]).toMatchObject({ taskId: 'check', status: 'completed' });
      expect(await h.store.outbox.listOutbox({ caseNo: no })).toEqual([]);
    });
  });

  describe('optimistic concurrency', () => {
    it('lets exactly one of two staff completing the same task at once succeed; the other gets CONFLICT', async () => {
      const h = harness(store());
      const no = caseNo('race');
      await h.start(no);
      const racing = harness(store(), { store: loadBarrier(store().cases, 2) });

      const outcomes = await Promise.allSettled([
        racing.runner.execute(no, { type: 'task.complete', taskId: 'review', actor: { id: 'wang' } }),
        racing.runner.execute(no, { type: 'task.complete', taskId: 'review', actor: { id: 'zhao' } }),
      ]);

      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(ConflictError);
      expect(lost[0]?.reason).toMatchObject({ code: 'CONFLICT', caseNo: no });
      expect((await h.store.cases.listEvents(no)).filter((e) => e.type === 'task.completed')).toHaveLength(1);
      expect(await h.store.outbox.listOutbox({ caseNo: no })).toHaveLength(1);
    });

    it('refuses to start the same case number twice', async () => {
      const h = harness(store());
      const no = caseNo('twice');
      const racing = harness(store(), { store: loadBarrier(store().cases, 2) });
      const outcomes = await Promise.allSettled([racing.start(no), racing.start(no)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await h.store.cases.listEvents(no)).toHaveLength(2);
    });
  });

  describe('idempotency', () => {
    it('answers a repeated command with the first result and performs no second effect', async () => {
      const h = harness(store());
      const no = caseNo('idem');
      await h.start(no, {}, { idempotencyKey: `${no}:start` });
      const first = await h.runner.execute(no, { type: 'task.complete', taskId: 'review' }, { idempotencyKey: `${no}:done` });
      h.clock.advance(60_000);
      const again = await h.runner.execute(no, { type: 'task.complete', taskId: 'review' }, { idempotencyKey: `${no}:done` });
      const restart = await h.start(no, {}, { idempotencyKey: `${no}:start` });

      expect(first.ok).toBe(true);
      expect(again).toEqual(first);
      expect(restart).toMatchObject({ ok: true, version: 1 });
      expect(await h.store.cases.listEvents(no)).toHaveLength(4);
      expect(await h.store.outbox.listOutbox({ caseNo: no })).toHaveLength(1);
    });

    it('returns one result to the same command sent twice at once', async () => {
      const h = harness(store());
      const no = caseNo('idem-race');
      await h.start(no);
      const racing = harness(store(), { store: loadBarrier(store().cases, 2) });
      const command = { type: 'task.complete', taskId: 'review' } as const;
      const [a, b] = await Promise.all([
        racing.runner.execute(no, command, { idempotencyKey: `${no}:k` }),
        racing.runner.execute(no, command, { idempotencyKey: `${no}:k` }),
      ]);
      expect(a).toEqual(b);
      expect(await h.store.outbox.listOutbox({ caseNo: no })).toHaveLength(1);
    });

    it('remembers a rejection under its key', async () => {
      const h = harness(store());
      const no = caseNo('idem-reject');
      await h.start(no);
      const first = await h.runner.execute(no, { type: 'task.complete', taskId: 'later' }, { idempotencyKey: `${no}:r` });
      expect(first).toMatchObject({ ok: false, refusal: { code: 'TASK_NOT_ACTIVE' } });
      expect(await h.runner.execute(no, { type: 'task.complete', taskId: 'review' }, { idempotencyKey: `${no}:r` })).toEqual(first);
      expect((await h.store.cases.loadCase(no))?.version).toBe(1);
    });
  });
}
