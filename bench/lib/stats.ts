import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Latency recording, percentiles, memory and formatting for the benchmark report. */

/** Latencies in milliseconds, grouped by a label (the command kind). */
export class Latencies {
  private readonly groups = new Map<string, number[]>();

  /** Records one sample of `ms` under `label` (and under 'all'). */
  add(label: string, ms: number): void {
    for (const key of [label, 'all']) {
      let list = this.groups.get(key);
      if (!list) this.groups.set(key, (list = []));
      list.push(ms);
    }
  }

  /** Times `work` and records it under `label`. */
  async time<T>(label: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await work();
    this.add(label, performance.now() - start);
    return result;
  }

  /** p50 and p99 of every label, 'all' first. */
  summary(): Record<string, Percentiles> {
    const out: Record<string, Percentiles> = {};
    const labels = ['all', ...[...this.groups.keys()].filter((k) => k !== 'all')];
    for (const label of labels) {
      const list = this.groups.get(label);
      if (list) out[label] = percentiles(list);
    }
    return out;
  }
}

/** Count and percentiles of one latency group, in milliseconds. */
export interface Percentiles {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
  return { count: sorted.length, p50: at(50), p99: at(99), max: at(100) };
}

/** Resident set size and V8 heap in MiB. */
export interface Memory {
  rssMiB: number;
  heapUsedMiB: number;
}

/** The process's memory now. */
export function memory(): Memory {
  const m = process.memoryUsage();
  return { rssMiB: m.rss / 2 ** 20, heapUsedMiB: m.heapUsed / 2 ** 20 };
}

let gc: (() => void) | undefined;

/** Runs a full garbage collection, so heap figures are live data (exposes V8's `gc` on first use). */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Runs `work` for each item with at most `lanes` in flight, in item order per lane. */
export async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
}

/** A fixed-width number: `fmt(1234.5)` = '1,235', `fmt(1.234, 2)` = '1.23'. */
export function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Seconds since `start` (a `performance.now()` reading). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}

/** What every engine run measures: throughput and per-command latency of one flow variant. */
export interface RunFigures {
  name: string;
  cases: number;
  commands: number;
  seconds: number;
  casesPerSecond: number;
  latency: Record<string, Percentiles>;
  /** JSON bytes of the state of a case waiting at the three reviews. */
  stateBytesAtReviews: number;
  memory: Memory;
}
