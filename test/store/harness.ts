/**
 * Wiring for store tests: an opened store, a controlled clock, the fake engine and the runtime pieces.
 */
import { WeekdayCalendar } from '../../engine/calendar/index.js';
import type { Json, Variables } from '../../engine/core/types.js';
import { CaseRunner, type CaseRunnerOptions, type ExecuteOptions } from '../../engine/runtime/case-runner.js';
import { ControlledClock } from '../../engine/runtime/clock.js';
import { OutboxDispatcher, type OutboxHandler } from '../../engine/runtime/outbox-dispatcher.js';
import type { CaseStore, CommandResult, OutboxMessage } from '../../engine/runtime/ports.js';
import { TimerPoller, type TimerPollerOptions } from '../../engine/runtime/timer-poller.js';
import type { OpenedStore } from '../../server/store/open-store.js';
import { fakeDefinition, fakeEngine, type FakeFaults, type FakeState } from '../runtime/fake-engine.js';

/** The instant every contract test starts at. */
export const T0 = '2026-03-02T01:00:00.000Z';
export const ITEM = 'demo-item';

let run = 0;
/** A case number no other test in this process uses. */
export function caseNo(label: string): string {
  return `C-${process.pid}-${++run}-${label}`;
}

/** Deploys the fake item once per store. */
export async function deployDemo(store: OpenedStore): Promise<void> {
  await store.definitions.deploy({ definition: fakeDefinition(ITEM, 1), sourceXml: '<definitions/>', at: T0 });
}

/** A runtime around `store` with its own clock and fault switches. */
export function harness(store: OpenedStore, overrides: Partial<CaseRunnerOptions<FakeState>> = {}) {
  const clock = new ControlledClock(T0);
  const faults: FakeFaults = { failTimers: new Set() };
  const decisions: Array<{ decisionRef: string; input: Json }> = [];
  const runner = new CaseRunner<FakeState>({
    engine: fakeEngine(faults),
    store: store.cases,
    definitions: store.definitions,
    clock,
    calendar: new WeekdayCalendar(),
    rules: {
      async evaluate(decisionRef, input) {
        decisions.push({ decisionRef, input });
        return { accepted: true };
      },
    },
    ...overrides,
  });
  const start = (no: string, variables: Variables = {}, opts: ExecuteOptions = {}): Promise<CommandResult> =>
    runner.execute(no, { type: 'case.start', caseId: no, variables }, { definition: { key: ITEM }, ...opts });
  const poller = (owner: string, opts: Partial<TimerPollerOptions> = {}) =>
    new TimerPoller({ timers: store.timers, runner, clock, owner, backoffMs: () => 1_000, maxAttempts: 3, ...opts });
  const delivered: OutboxMessage[] = [];
  const dispatcher = (handlers: Record<string, OutboxHandler> = {}) =>
    new OutboxDispatcher({
      outbox: store.outbox, clock, handlers, backoffMs: () => 5_000,
      notifier: { notify: async (m) => void delivered.push(m) },
    });
  return { store, clock, faults, decisions, runner, start, poller, dispatcher, delivered };
}

/**
 * Wraps a store so that the first `parties` calls of `loadCase` return only once all of them have read:
 * forces a read-read race. Later loads (retries) pass straight through.
 */
export function loadBarrier(inner: CaseStore, parties: number): CaseStore {
  const waiting: Array<() => void> = [];
  let arrived = 0;
  return {
    async loadCase(no) {
      const loaded = await inner.loadCase(no);
      if (++arrived > parties) return loaded;
      if (arrived === parties) waiting.splice(0).forEach((release) => release());
      else await new Promise<void>((resolve) => waiting.push(resolve));
      return loaded;
    },
    commit: (w) => inner.commit(w),
    remember: (e) => inner.remember(e),
    findRemembered: (k) => inner.findRemembered(k),
    listEvents: (no) => inner.listEvents(no),
    listTasks: (f) => inner.listTasks(f),
  };
}
