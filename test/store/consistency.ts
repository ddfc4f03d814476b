/**
 * Whole-database consistency of cases written by `fixtures/writer.ts`: each case's version, log, task rows,
 * timer rows and outbox agree with each other, as they must if every command was all-or-nothing.
 */
import { expect } from 'vitest';
import type { OpenedStore } from '../../server/store/open-store.js';
import type { FakeState } from '../runtime/fake-engine.js';

/** Asserts that no case in the store is half-applied; returns the number of cases checked. */
export async function expectConsistent(store: OpenedStore): Promise<number> {
  const { knex } = store;
  const cases = await knex('cases').select('case_no');
  for (const { case_no: no } of cases) {
    const stored = await store.cases.loadCase(no);
    const events = await store.cases.listEvents(no);
    const state = stored?.state as FakeState;
    const completions = events.filter((e) => e.type === 'task.completed').length;
    // start = 1 command; each completion of the writer = 1 more.
    expect(stored?.version, no).toBe(1 + completions);
    expect(stored?.lastSeq, no).toBe(events.length);
    expect(state.seq, no).toBe(events.length);
    expect(events.map((e) => e.seq), no).toEqual(events.map((_, i) => i + 1));
    const tasks = await store.cases.listTasks({ caseNo: no });
    expect(tasks.filter((t) => t.status === 'completed').length, no).toBe(completions);
    expect(tasks.length, no).toBe(events.filter((e) => e.type === 'task.created').length);
    expect((await store.timers.listTimers({ caseNo: no })).length, no).toBe(1);
    expect((await store.outbox.listOutbox({ caseNo: no })).length, no).toBe(completions);
  }
  return cases.length;
}
