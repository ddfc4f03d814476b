/**
 * Benchmark entry for rule tables: evaluations per second of a compiled 50-row table.
 * Run alone with `npx tsx bench/rules.bench.ts`; a harness may import `run` instead.
 */
import { pathToFileURL } from 'node:url';
import { benchRuleEvaluation, type RuleBenchResult } from '../rules/bench-rules.js';

/** Benchmark name, for a harness. */
export const name = 'rules: 50-row decision table evaluation';

/** Runs the benchmark under UNIQUE and COLLECT and returns the measurements. */
export async function run(): Promise<RuleBenchResult[]> {
  return [await benchRuleEvaluation(20_000, 50, 'UNIQUE'), await benchRuleEvaluation(20_000, 50, 'COLLECT')];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run()) {
    console.log(`${name} [${r.hitPolicy}]: ${r.evaluationsPerSecond} evaluations/s (${r.evaluations} in ${r.milliseconds.toFixed(0)} ms)`);
  }
}
