import { afterEach, describe, expect, it } from 'vitest';
import { OutboxDispatcher } from '../../engine/runtime/outbox-dispatcher.js';
import { LogNotifier } from '../../engine/runtime/log-notifier.js';
import type { OpenedStore } from '../../server/store/open-store.js';
import { caseNo, harness, loadBarrier } from '../store/harness.js';
import { fakeEngine, type FakeState } from './fake-engine.js';
import { tempStore } from './sqlite-store.js';

let store: OpenedStore;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
async function fresh(): Promise<OpenedStore> {
  const opened = await tempStore();
  cleanups.push(opened.dispose);
  store = opened.store;
  return store;
}

describe('case runner', () => {
  it('reloads and decides again when asked to retry a lost race', async () => {
    const h = harness(await fresh());
    const no = caseNo('retry');
    await h.start(no);
    const racing = harness(store, { store: loadBarrier(store.cases, 2) });
    const [a, b] = await Promise.all([
      racing.runner.execute(no, { type: 'task.complete', taskId: 'review' }, { retryOnConflict: 1 }),
      racing.runner.execute(no, { type: 'task.complete', taskId: 'review' }, { retryOnConflict: 1 }),
    ]);
    // The loser re-read the case and the core refused the second completion as a value.
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ refusal: { code: 'TASK_NOT_ACTIVE' } });
  });

  it('wakes the outbox dispatcher after commit, so effects go out without waiting for a poll', async () => {
    await fresh();
    const lines: string[] = [];
    let dispatcher: OutboxDispatcher | undefined;
    const h = harness(store, { afterCommit: () => dispatcher?.wake() });
    dispatcher = new OutboxDispatcher({ outbox: store.outbox, clock: h.clock, notifier: new LogNotifier((l) => lines.push(l)), intervalMs: 60_000 });
    dispatcher.start();
    cleanups.unshift(() => dispatcher!.stop());
    const no = caseNo('wake');
    await h.start(no);
    await h.runner.execute(no, { type: 'task.complete', taskId: 'review' });
    for (let i = 0; i < 100 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ caseNo: no, type: 'action.run' })]);
  });

  it('rejects a business rule task when no rule evaluator is configured, writing nothing', async () => {
    const h = harness(await fresh(), { rules: undefined });
    const no = caseNo('norules');
    const result = await h.start(no, { decision: 'fees' });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'INVALID_COMMAND', message: expect.stringContaining("decision 'fees'") } });
    expect(await store.cases.loadCase(no)).toBeUndefined();
  });

  it('rejects starting a case of a definition that is not deployed', async () => {
    const h = harness(await fresh());
    const no = caseNo('nodef');
    const result = await h.runner.execute(no, { type: 'case.start', caseId: no }, { definition: { key: 'no-such-item' } });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'INVALID_COMMAND', message: expect.stringContaining("'no-such-item' is not deployed") } });
  });

  it('treats events numbered out of sequence by the core as a bug and writes nothing', async () => {
    const inner = fakeEngine();
    const h = harness(await fresh(), {
      engine: {
        initialState: inner.initialState,
        step(def, state, command, ctx) {
          const result = inner.step(def, state, command, ctx);
          return result.ok ? { ...result, events: result.events.map((e) => ({ ...e, seq: e.seq + 10 })) } : result;
        },
      },
    });
    const no = caseNo('seqbug');
    await expect(h.start(no)).rejects.toThrow(`Expected event case.started of case '${no}' to have seq 1, but it has 11`);
    expect(await store.cases.loadCase(no)).toBeUndefined();
  });

  it('runs the command a first one asks for on its state in the same commit, or the first alone when it is refused', async () => {
    await fresh();
    const commits: string[] = [];
    const counting = { ...store.cases, loadCase: store.cases.loadCase.bind(store.cases), commit: async (w: Parameters<typeof store.cases.commit>[0]) => { commits.push(w.caseNo); await store.cases.commit(w); } };
    const h = harness(store, { store: counting as typeof store.cases });
    const no = caseNo('then');
    const seen: string[] = [];
    const { results, state } = await h.runner.executeThen(no, { type: 'case.start', caseId: no, variables: {}, }, async (s) => {
      seen.push(s.status);
      return { type: 'task.complete', taskId: 'review' };
    }, { definition: { key: 'demo-item' } });
    expect(seen).toEqual(['active']);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(state?.status).toBe('completed');
    // One write: the case row at version 1, both commands' events numbered on.
    expect(commits).toEqual([no]);
    const stored = await store.cases.loadCase(no);
    expect(stored).toMatchObject({ version: 1, lastSeq: results.flatMap((r) => (r.ok ? r.events : [])).length });
    // A refused follow-up leaves the first command's commit alone.
    const other = caseNo('then-refused');
    const refused = await h.runner.executeThen(other, { type: 'case.start', caseId: other, variables: {} }, async () => ({ type: 'task.complete', taskId: 'no-such-task' }), { definition: { key: 'demo-item' } });
    expect(refused.results.map((r) => r.ok)).toEqual([true, false]);
    expect(refused.state?.status).toBe('active');
    expect(commits).toEqual([no, other]);
  });

  it('refuses a command its precondition refuses on the case as loaded, reading it once and writing nothing', async () => {
    await fresh();
    let loads = 0;
    const counting = { ...store.cases, loadCase: async (no: string) => (loads++, store.cases.loadCase(no)), commit: store.cases.commit.bind(store.cases) };
    const h = harness(store, { store: counting as typeof store.cases });
    const no = caseNo('precondition');
    await h.start(no);
    loads = 0;
    const seen: number[] = [];
    const refused = await h.runner.execute(no, { type: 'task.complete', taskId: 'review' }, {
      precondition: (loaded) => (seen.push(loaded.version), { code: 'STEP_ROLE_MISSING', message: 'not yours', details: { taskId: 'review' } }),
    });
    expect(refused).toEqual({ ok: false, caseNo: no, refusal: { code: 'STEP_ROLE_MISSING', message: 'not yours', details: { taskId: 'review' } } });
    expect(seen).toEqual([1]);
    expect(loads).toBe(1);
    expect((await store.cases.loadCase(no))?.version).toBe(1);
    // A precondition with nothing to say lets the command run on that same load.
    loads = 0;
    expect(await h.runner.execute(no, { type: 'task.complete', taskId: 'review' }, { precondition: () => undefined })).toMatchObject({ ok: true, version: 2 });
    expect(loads).toBe(1);
  });

  it('keeps nothing per case in memory: a second runner continues where the first stopped', async () => {
    const first = harness(await fresh());
    const no = caseNo('nodes');
    await first.start(no, { tasks: ['a', 'b'] });
    await first.runner.execute(no, { type: 'task.complete', taskId: 'a' });
    const second = harness(store);
    const result = await second.runner.execute(no, { type: 'task.complete', taskId: 'b' });
    expect(result).toMatchObject({ ok: true, version: 3 });
    expect(((await store.cases.loadCase(no))?.state as FakeState).status).toBe('completed');
  });
});
