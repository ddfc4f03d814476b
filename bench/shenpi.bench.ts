/**
 * Shenpi durable, in process: every command of every case goes through `CaseRunner.execute` — load the case,
 * step the pure core, commit state, events, tasks, timers and outbox in ONE transaction — on SQLite (the
 * store's own WAL + synchronous setting) or PostgreSQL.
 */
import type { CaseEvent } from '../engine/core/types.js';
import type { CommandResult } from '../engine/runtime/ports.js';
import {
  caseNo, commandsPerCase, completeCommand, FLOWS, openTaskIds, startCommand, USER_STEPS, type Variant,
} from './lib/flow.js';
import { benchRuleEvaluator, benchRunner, deployFlows, openBenchStore, type Backend, type RuleMeter } from './lib/stack.js';
import { inLanes, Latencies, memory, secondsSince, type RunFigures } from './lib/stats.js';
import type { OpenedStore } from '../server/store/open-store.js';
import { SqliteCaseStore } from '../server/store/sqlite-case-store.js';
import { audited, verifyAuditChain } from '../server/audit/index.js';

/** What to run. */
export interface ShenpiRunOptions {
  backend: Backend;
  variant: Variant;
  cases: number;
  /** Cases in flight at once (1 = one command at a time). */
  lanes: number;
  /** Cases run before timing starts (JIT warm-up, definition cache). */
  warmup: number;
  /**
   * Every command runs as a route runs it, inside `audited(…)`: the store appends its audit entry in the
   * command's transaction (on PostgreSQL under the chain head's table lock). Off: no entry, as before.
   */
  audit?: boolean;
}

/** Row counts of the store after a run, and the counts the run implies. */
export interface Consistency {
  ok: boolean;
  actual: Record<string, number>;
  expected: Record<string, number>;
}

/** The measurements of one run. */
export interface ShenpiResult extends RunFigures {
  backend: string;
  variant: Variant;
  /** Only on the SQLite store: commands written per SQLite transaction (group commit), on average. */
  commitsPerTransaction?: number;
  /** Only for the `rules` variant: time inside the rule evaluator. */
  rules?: RuleMeter & { share: number };
  consistency: Consistency;
}

/** Runs `cases` cases of the flow to their end and checks what the store holds afterwards. */
export async function run(opts: ShenpiRunOptions): Promise<ShenpiResult> {
  const bench = await openBenchStore(opts.backend, `shenpi-${opts.variant}`);
  try {
    const { store } = bench;
    await deployFlows(store);
    const { rules, meter } = benchRuleEvaluator();
    const grouped = store.cases instanceof SqliteCaseStore ? store.cases : undefined;
    const { runner } = benchRunner(store, { rules });
    const key = FLOWS[opts.variant].key;
    const latencies = new Latencies();
    let events = 0;

    const runCase = async (n: number, timed: boolean, untilReviews = false) => {
      const no = caseNo(n);
      const run = (label: string, work: () => Promise<CommandResult>) =>
        (opts.audit ? audited({ actorId: 'bench-clerk', action: `bench.${label}`, details: { step: label } }, work) : work());
      const time = (label: string, work: () => Promise<CommandResult>) => (timed ? latencies.time(label, () => run(label, work)) : run(label, work));
      const expectOk = (r: CommandResult, what: string) => {
        if (!r.ok) throw new Error(`Expected ${what} of case ${caseNo(n)} to succeed, but: ${r.refusal.code} ${r.refusal.message}`);
        if (timed) events += r.events.length;
        return r.events;
      };
      const open = openTaskIds(expectOk(await time('start', () => runner.execute(no, startCommand(n), { definition: { key } })), 'case.start'));
      for (const step of USER_STEPS[opts.variant]) {
        if (untilReviews && step.label === 'review') return;
        const taskId = open.get(step.elementId);
        if (!taskId) throw new Error(`Expected task ${step.elementId} of case ${no} to be open`);
        const done: CaseEvent[] = expectOk(await time(step.label, () => runner.execute(no, completeCommand(taskId, step.elementId))), step.elementId);
        openTaskIds(done, open);
      }
    };

    const warm = Array.from({ length: opts.warmup }, (_, i) => 9_000_000 + i);
    await inLanes(warm, opts.lanes, (n) => runCase(n, false));
    await store.knex('outbox').del();
    meter.evaluations = 0;
    meter.milliseconds = 0;

    const numbers = Array.from({ length: opts.cases }, (_, i) => i + 1);
    const before = grouped?.groupStats;
    const started = performance.now();
    await inLanes(numbers, opts.lanes, (n) => runCase(n, true));
    const seconds = secondsSince(started);
    const mem = memory();
    const after = grouped?.groupStats;
    const groups = before && after ? { writes: after.writes - before.writes, transactions: after.transactions - before.transactions } : undefined;
    const ruleMeter = opts.variant === 'rules' ? { ...meter, share: meter.milliseconds / (seconds * 1000) } : undefined;

    const consistency = await check(store, opts, events);
    // A few more cases stopped at the reviews, to weigh the state of an open case.
    const probe = Array.from({ length: Math.min(20, opts.cases) }, (_, i) => 8_000_000 + i);
    for (const n of probe) await runCase(n, false, true);
    let bytes = 0;
    for (const n of probe) bytes += Buffer.byteLength(JSON.stringify((await store.cases.loadCase(caseNo(n)))!.state));

    return {
      name: `Shenpi durable, ${bench.label}, ${opts.lanes} case(s) in flight${opts.audit ? ', audited' : ''}`,
      backend: bench.label,
      variant: opts.variant,
      cases: opts.cases,
      commands: opts.cases * commandsPerCase(opts.variant),
      seconds,
      casesPerSecond: opts.cases / seconds,
      latency: latencies.summary(),
      stateBytesAtReviews: Math.round(bytes / probe.length),
      memory: mem,
      ...(ruleMeter ? { rules: ruleMeter } : {}),
      ...(groups ? { commitsPerTransaction: groups.writes / Math.max(1, groups.transactions) } : {}),
      consistency,
    };
  } finally {
    await bench.dispose();
  }
}

/** Counts rows of the measured cases (warm-up cases excluded) and compares them with what the flow implies. */
async function check(store: OpenedStore, opts: ShenpiRunOptions, events: number): Promise<Consistency> {
  const measured = (table: string) => store.knex(table).where('case_no', '<=', caseNo(opts.cases));
  const count = async (q: ReturnType<typeof measured>) => Number(((await q.count({ n: '*' }).first()) as { n: number | string }).n);
  const userTasks = USER_STEPS[opts.variant].length + (opts.variant === 'rules' ? 1 : 0);
  const actual: Record<string, number> = {
    casesCompleted: await count(measured('cases').where('status', 'completed')),
    casesOther: await count(measured('cases').whereNot('status', 'completed')),
    // The events in the log (one row per command, migration 20261204T0400-event-log), and its rows.
    eventRows: Number(((await measured('event_log').sum({ n: store.knex.raw('json_array_length(payload)') }).first()) as { n: number | string | null }).n ?? 0),
    logRows: await count(measured('event_log')),
    tasksCompleted: await count(measured('tasks').where('status', 'completed')),
    tasksOpen: await count(measured('tasks').whereNot('status', 'completed')),
    timersCancelled: await count(measured('timers').where('status', 'cancelled')),
    timersOther: await count(measured('timers').whereNot('status', 'cancelled')),
    outboxRows: await count(measured('outbox')),
    auditEntries: Number(((await store.knex('audit_log').where('target', '<=', caseNo(opts.cases)).count({ n: '*' }).first()) as { n: number | string }).n),
    auditBreaks: (await verifyAuditChain(store.knex)).breakCount,
  };
  const expected: Record<string, number> = {
    casesCompleted: opts.cases,
    casesOther: 0,
    eventRows: events,
    logRows: opts.cases * commandsPerCase(opts.variant),
    tasksCompleted: opts.cases * userTasks,
    tasksOpen: 0,
    timersCancelled: opts.variant === 'timers' ? 3 * opts.cases : 0,
    timersOther: 0,
    outboxRows: opts.cases,
    // One entry per command of every case, warm-up and probe cases included (their numbers sort after).
    auditEntries: opts.audit ? opts.cases * commandsPerCase(opts.variant) : 0,
    auditBreaks: 0,
  };
  return { ok: Object.keys(expected).every((k) => actual[k] === expected[k]), actual, expected };
}
