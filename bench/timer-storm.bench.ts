/**
 * Timer storm: the three review reminders of many open cases fall due at the same instant, and ONE node's
 * `TimerPoller` (by default the server's SQLite settings: batches of 500, 32 cases in flight, so that the
 * store's group commit writes up to 32 firings per transaction) drains them through the case
 * runner — each case's due timers fire in one transaction, each firing runs the `notify-staff` service task
 * and queues an outbox row. The cases are bulk copies of a template case recorded from the real runner.
 */
import { copyTemplate } from './lib/bulk-copy.js';
import { recordTemplateCase } from './lib/recorded-writes.js';
import { openSqlite } from './lib/sqlite.js';
import { benchRunner, openBenchStore } from './lib/stack.js';
import { memory, secondsSince, type Memory } from './lib/stats.js';
import type { Consistency } from './shenpi.bench.js';
import { TimerPoller, type PollReport } from '../engine/runtime/timer-poller.js';
import { SQLITE_POLLER } from '../server/plugins/runtime.js';
import { SqliteCaseStore } from '../server/store/sqlite-case-store.js';

/** What to run. */
export interface StormOptions {
  /** Timers due at once (rounded up to whole cases of three reminders). */
  timers: number;
  /** The poller's batch and cases in flight; the server's SQLite settings by default. */
  batchSize?: number;
  concurrency?: number;
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
  /** Firings written per SQLite transaction, on average. */
  commitsPerTransaction: number;
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

    const { runner, clock } = benchRunner(store);
    clock.advance(4 * 24 * 3_600_000);
    const batchSize = opts.batchSize ?? SQLITE_POLLER.batchSize;
    const concurrency = opts.concurrency ?? SQLITE_POLLER.concurrency;
    const poller = new TimerPoller({ timers: store.timers, runner, clock, owner: 'bench-node-1', batchSize, concurrency });
    const cases0 = store.cases instanceof SqliteCaseStore ? store.cases.groupStats : undefined;
    const started = performance.now();
    const report = await poller.drain();
    const drainSeconds = secondsSince(started);
    const mem = memory();
    const cases1 = store.cases instanceof SqliteCaseStore ? store.cases.groupStats : undefined;
    const commitsPerTransaction = cases0 && cases1 ? (cases1.writes - cases0.writes) / Math.max(1, cases1.transactions - cases0.transactions) : 1;

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
      name: `timer storm, one TimerPoller (batches of ${batchSize}, ${concurrency} cases in flight), SQLite synchronous=FULL`,
      timers, cases, loadSeconds, drainSeconds, timersPerSecond: timers / drainSeconds, report, commitsPerTransaction, memory: mem,
      consistency: { ok: (Object.keys(expected) as Array<keyof typeof expected>).every((k) => actual[k] === expected[k]), actual, expected },
    };
  } finally {
    await bench.dispose();
  }
}
