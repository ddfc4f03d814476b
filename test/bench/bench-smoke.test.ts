/**
 * Every benchmark scenario at a tiny size: the harness runs, and what it measured is consistent (every case
 * reached its end, the row counts match the flow). No timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import * as auditBench from '../../bench/audit-chain.bench.js';
import * as engineBench from '../../bench/bpmn-engine.bench.js';
import { parseOptions } from '../../bench/lib/options.js';
import * as openCasesBench from '../../bench/open-cases.bench.js';
import * as rawBench from '../../bench/raw-sqlite.bench.js';
import * as shenpiBench from '../../bench/shenpi.bench.js';
import * as stormBench from '../../bench/timer-storm.bench.js';

const CASES = 20;

describe('benchmark harness', () => {
  it.each(['plain', 'timers', 'rules'] as const)('runs %s cases on SQLite to their end with the rows the flow implies', async (variant) => {
    const r = await shenpiBench.run({ backend: { kind: 'sqlite', synchronous: 'NORMAL' }, variant, cases: CASES, lanes: 2, warmup: 2 });
    expect(r.consistency.actual).toEqual(r.consistency.expected);
    expect(r.consistency.actual.casesCompleted).toBe(CASES);
    expect(r.latency.all?.count).toBe(r.commands);
    expect(r.stateBytesAtReviews).toBeGreaterThan(0);
    if (variant === 'rules') expect(r.rules?.evaluations).toBe(CASES);
  });

  it('runs audited cases with one entry per command in a clean chain, and the chain append on its own', async () => {
    const r = await shenpiBench.run({ backend: { kind: 'sqlite', synchronous: 'NORMAL' }, variant: 'plain', cases: CASES, lanes: 4, warmup: 2, audit: true });
    expect(r.consistency.actual).toEqual(r.consistency.expected);
    expect(r.consistency.actual.auditEntries).toBe(CASES * 6);
    expect(r.consistency.actual.auditBreaks).toBe(0);
    for (const mode of ['chain', 'unlocked'] as const) {
      const c = await auditBench.run({ backend: { kind: 'sqlite', synchronous: 'NORMAL' }, entries: 60, lanes: 4, mode });
      expect(c.consistency.actual).toEqual(c.consistency.expected);
      expect(c.latency.count).toBe(60);
    }
  });

  it.runIf(process.env.DATABASE_URL)(
    process.env.DATABASE_URL ? 'runs cases on PostgreSQL in a schema of its own' : 'runs cases on PostgreSQL (skipped: set DATABASE_URL to run it)',
    async () => {
      const r = await shenpiBench.run({ backend: { kind: 'postgres', url: process.env.DATABASE_URL! }, variant: 'plain', cases: CASES, lanes: 4, warmup: 2 });
      expect(r.consistency.actual).toEqual(r.consistency.expected);
    },
  );

  it.each(['plain', 'timers'] as const)('runs %s cases on bpmn-engine to their end, recovering per command', async (variant) => {
    const r = await engineBench.run({ variant, cases: 5, lanes: 1, warmup: 1, synchronous: 'NORMAL' });
    expect(r.consistency.actual).toEqual(r.consistency.expected);
    expect(r.latency.all?.count).toBe(r.commands);
  });

  it('writes the same rows as Shenpi for the raw limit, one transaction per command', async () => {
    const [shenpi, raw] = [
      await shenpiBench.run({ backend: { kind: 'sqlite', synchronous: 'NORMAL' }, variant: 'timers', cases: CASES, lanes: 1, warmup: 0 }),
      await rawBench.run({ variant: 'timers', cases: CASES, synchronous: 'NORMAL' }),
    ];
    expect(raw.consistency.actual).toEqual(raw.consistency.expected);
    expect(raw.transactions).toBe(shenpi.commands);
    expect(raw.consistency.actual.eventRows).toBe(shenpi.consistency.actual.eventRows);
    expect(raw.consistency.actual.taskRows).toBe(shenpi.consistency.actual.tasksCompleted);
    expect(raw.consistency.actual.timerRows).toBe(shenpi.consistency.actual.timersCancelled);
    expect(raw.consistency.actual.outboxRows).toBe(shenpi.consistency.actual.outboxRows);
  });

  it('loads open cases by bulk copy that the runner then works on, at four checkpoints', async () => {
    const r = await openCasesBench.run({ cases: 400, probe: 10 });
    expect(r.consistency.actual).toEqual(r.consistency.expected);
    expect(r.checkpoints.map((c) => c.openCases)).toEqual([0, 100, 200, 400]);
    expect(r.checkpoints.map((c) => c.latency.count)).toEqual([20, 10, 10, 10]);
  });

  it('drains a timer storm with one poller, firing every timer once', async () => {
    const r = await stormBench.run({ timers: 60 });
    expect(r.consistency.actual).toEqual(r.consistency.expected);
    expect(r.report).toMatchObject({ claimed: 60, fired: 60, failed: 0 });
  });

  it('reads sizes from flags before the environment', () => {
    const o = parseOptions(['--quick', '--cases=50', '--only=shenpi,raw'], { BENCH_CASES: '70', BENCH_STORM_TIMERS: '90' });
    expect(o).toMatchObject({ quick: true, cases: 50, stormTimers: 90 });
    expect([...o.only]).toEqual(['shenpi', 'raw']);
    expect(() => parseOptions(['--cases=0'], {})).toThrow(/positive integer/);
  });
});
