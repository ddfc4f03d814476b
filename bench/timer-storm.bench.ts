/**
 * Timer storm: the three review reminders of many open cases fall due at the same instant, and ONE node's
 * `TimerPoller` (the server's defaults: batches of 100, 4 cases in flight) drains them through the case
 * runner — each case's due timers fire in one transaction, each firing runs the `notify-staff` service task
 * and queues an outbox row. The cases are bulk copies of a template case recorded from the real runner.
 */
import { copyTemplate } from './lib/bulk-copy.js';
import { GroupCommitCaseStore } from './lib/group-commit-store.js';
import { recordTemplateCase } from './lib/recorded-writes.js';
import { openSqlite } from './lib/sqlite.js';
import { benchRunner, openBenchStore } from './lib/stack.js';
import { memory, secondsSince, type Memory } from './lib/stats.js';
import type { Consistency } from './shenpi.bench.js';
import { TimerPoller, type PollReport } from '../engine/runtime/timer-poller.js';

/** What to run. */
export interface StormOptions {
  /** Timers due at once (rounded up to whole cases of three reminders). */
  timers: number;
  batchSize?: number;
  concurrency?: number;
  /** Use the group-commit prototype (`lib/group-commit-store.ts`). */
  groupCommit?: boolean;
}

/** The measurements of one run. */
export interface StormResult {
  name: string;
  timers: number;
  cases: number;
  loadSeconds: number;
  drainSeconds: number;
  timersPerSecond: number;
  report: PollReport;
  memory: Memory;
  consistency: Consistency;
}

/** Loads the cases, moves the clock past their reminders and drains them with one poller. */
export async function run(opts: StormOptions): Promise<StormResult> {
  const bench = await openBenchStore({ kind: 'sqlite', synchronous: 'FULL' }, 'timer-storm');
  try {
    const { store } = bench;
    await recordTemplateCase(store, 'timers', true);
    const cases = Math.ceil(opts.timers / 3);
    const loadStart = performance.now();
    const bulk = openSqlite(bench.file!, 'FULL');
    bulk.pragma('foreign_keys = ON');
    if (cases > 1) copyTemplate(bulk, 1, cases - 1);
    const loadSeconds = secondsSince(loadStart);
    const timers = 3 * cases;

    const { runner, clock } = benchRunner(store, opts.groupCommit ? { cases: new GroupCommitCaseStore(store.knex) } : {});
    clock.advance(4 * 24 * 3_600_000);
    const poller = new TimerPoller({
      timers: store.timers, runner, clock, owner: 'bench-node-1',
      ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
      ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
    });
    const started = performance.now();
    const report = await poller.drain();
    const drainSeconds = secondsSince(started);
    const mem = memory();

    const count = (sql: string) => Number((bulk.prepare(sql).get() as { n: number }).n);
    const actual = {
      fired: report.fired,
      failed: report.failed + report.incidents + report.dropped,
      timersFired: count("SELECT count(*) AS n FROM timers WHERE status = 'fired'"),
      timersOther: count("SELECT count(*) AS n FROM timers WHERE status <> 'fired'"),
      reminders: count("SELECT count(*) AS n FROM outbox WHERE payload LIKE '%notify-staff%'"),
      casesActive: count("SELECT count(*) AS n FROM cases WHERE status = 'active'"),
    };
    const expected = { fired: timers, failed: 0, timersFired: timers, timersOther: 0, reminders: timers, casesActive: cases };
    bulk.close();
    return {
      name: `timer storm, one TimerPoller, SQLite synchronous=FULL${opts.groupCommit ? ', group commit (prototype)' : ''}`,
      timers, cases, loadSeconds, drainSeconds, timersPerSecond: timers / drainSeconds, report, memory: mem,
      consistency: { ok: (Object.keys(expected) as Array<keyof typeof expected>).every((k) => actual[k] === expected[k]), actual, expected },
    };
  } finally {
    await bench.dispose();
  }
}
