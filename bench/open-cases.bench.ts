/**
 * Memory with many open cases: cases waiting at the three reviews are loaded into the store (bulk copies of a
 * template case recorded from the real runner, see `lib/bulk-copy.ts`), and at 0, ¼, ½ and all of the target
 * one node runs commands against random open cases through `CaseRunner` (at 0: starts and accepts fresh cases)
 * and reports its RSS. The runner holds
 * nothing per case, so memory must not grow with the number of cases in the store.
 */
import { statSync } from 'node:fs';
import { caseNo, completeCommand, FLOWS, openTaskIds, startCommand } from './lib/flow.js';
import { copyTemplate } from './lib/bulk-copy.js';
import { recordTemplateCase, TEMPLATE_NO } from './lib/recorded-writes.js';
import { openSqlite } from './lib/sqlite.js';
import { benchRunner, openBenchStore } from './lib/stack.js';
import { collectGarbage, Latencies, memory, secondsSince, type Memory, type Percentiles } from './lib/stats.js';
import type { Consistency } from './shenpi.bench.js';

/** What to run. */
export interface OpenCasesOptions {
  /** Open cases at the end (the template included). */
  cases: number;
  /** Commands run at each checkpoint. */
  probe: number;
}

/** One checkpoint. */
export interface Checkpoint {
  openCases: number;
  memory: Memory;
  /** Heap after a full collection: live data only. */
  heapAfterGcMiB: number;
  latency: Percentiles;
  /** Database file and WAL, per open case. */
  bytesOnDiskPerCase: number;
}

/** The measurements of one run. */
export interface OpenCasesResult {
  name: string;
  loadSeconds: number;
  stateBytes: number;
  checkpoints: Checkpoint[];
  consistency: Consistency;
}

/** Loads `cases` open cases in four steps and measures one node at each. */
export async function run(opts: OpenCasesOptions): Promise<OpenCasesResult> {
  const bench = await openBenchStore({ kind: 'sqlite', synchronous: 'FULL' }, 'open-cases');
  try {
    const { store } = bench;
    const writes = await recordTemplateCase(store, 'plain', true);
    const stateBytes = Buffer.byteLength(JSON.stringify(writes.at(-1)!.state));
    // The review tasks of the template; a copy's ids are the same with its own case number.
    const reviewTaskId = writes.at(-1)!.tasks.find((t) => t.op === 'create' && t.elementId === 'reviewMarket')!.taskId;
    const { runner } = benchRunner(store);
    const bulk = openSqlite(bench.file!, 'FULL');
    bulk.pragma('foreign_keys = ON');
    const checkpoints: Checkpoint[] = [];
    const probed = new Set<number>();
    let probeEvents = 0;
    let random = 42;
    const nextRandom = (below: number) => {
      random = (random * 1_103_515_245 + 12_345) % 2 ** 31;
      return random % below;
    };
    let started = 0;
    const measure = async (open: number) => {
      const latencies = new Latencies();
      if (open <= 1) {
        // An empty store has nothing to complete: the node starts and accepts `probe` fresh cases instead,
        // which then wait at the reviews like the copies (numbered above the copies' range).
        for (let i = 0; i < opts.probe; i++) {
          const n = 9_000_000 + i;
          const first = await latencies.time('start', () => runner.execute(caseNo(n), startCommand(n), { definition: { key: FLOWS.plain.key } }));
          if (!first.ok) throw new Error(`Expected case ${caseNo(n)} to start, but: ${first.refusal.message}`);
          const accept = openTaskIds(first.events).get('accept')!;
          const second = await latencies.time('accept', () => runner.execute(caseNo(n), completeCommand(accept, 'accept')));
          if (!second.ok) throw new Error(`Expected case ${caseNo(n)} to be accepted, but: ${second.refusal.message}`);
          probeEvents += first.events.length + second.events.length;
          started++;
        }
      }
      // Completes one review of `probe` distinct random open copies (never the same case twice).
      for (let i = 0; i < Math.min(opts.probe, open - 1); ) {
        const n = 1 + nextRandom(open - 1);
        if (probed.has(n)) continue;
        probed.add(n);
        i++;
        const no = caseNo(n);
        const result = await latencies.time('review', () => runner.execute(no, completeCommand(reviewTaskId.replace(TEMPLATE_NO, no), 'reviewMarket')));
        if (!result.ok) throw new Error(`Expected the review of ${no} to complete, but: ${result.refusal.message}`);
        probeEvents += result.events.length;
      }
      const mem = memory();
      collectGarbage();
      const disk = ['', '-wal'].reduce((sum, suffix) => sum + (statSync(`${bench.file!}${suffix}`, { throwIfNoEntry: false })?.size ?? 0), 0);
      checkpoints.push({
        openCases: open <= 1 ? 0 : open, memory: mem, heapAfterGcMiB: memory().heapUsedMiB,
        latency: latencies.summary().all ?? { count: 0, p50: 0, p99: 0, max: 0 },
        bytesOnDiskPerCase: open <= 1 ? 0 : Math.round(disk / open),
      });
    };

    await measure(0);
    const loadStart = performance.now();
    let loaded = 1;
    for (const target of [0.25, 0.5, 1].map((f) => Math.max(2, Math.round(opts.cases * f)))) {
      if (target > loaded) copyTemplate(bulk, loaded, target - 1);
      loaded = Math.max(loaded, target);
      await measure(loaded);
    }
    const loadSeconds = secondsSince(loadStart);
    const count = (sql: string) => Number((bulk.prepare(sql).get() as { n: number }).n);
    const actual = {
      openCases: count("SELECT count(*) AS n FROM cases WHERE status = 'active'"),
      activeTasks: count("SELECT count(*) AS n FROM tasks WHERE status = 'active'"),
      eventRows: count('SELECT coalesce(sum(json_array_length(payload)), 0) AS n FROM event_log'),
    };
    const eventsAtReviews = writes.reduce((s, w) => s + w.events.length, 0);
    const expected = {
      openCases: loaded + started,
      activeTasks: 3 * (loaded + started) - probed.size,
      eventRows: eventsAtReviews * loaded + probeEvents,
    };
    bulk.close();
    return {
      name: 'open cases waiting at the reviews, SQLite synchronous=FULL',
      loadSeconds,
      stateBytes,
      checkpoints,
      consistency: { ok: (Object.keys(expected) as Array<keyof typeof expected>).every((k) => actual[k] === expected[k]), actual, expected },
    };
  } finally {
    await bench.dispose();
  }
}
