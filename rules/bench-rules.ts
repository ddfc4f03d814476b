/**
 * A small benchmark of decision evaluation: a 50-row table with a number range, a string with allowed
 * values and a boolean per row is compiled once, then evaluated repeatedly with varied input.
 */
import { compileRuleTable } from './compile.js';
import type { HitPolicy, RuleTable } from './model.js';

/** The measurement of one benchmark run. */
export interface RuleBenchResult {
  rows: number;
  hitPolicy: HitPolicy;
  evaluations: number;
  milliseconds: number;
  evaluationsPerSecond: number;
}

const KINDS = ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'OTHER_ORG'];

/** Builds a table of `rows` rows whose rows are disjoint (so it is valid under UNIQUE). */
export function benchTable(rows = 50, hitPolicy: HitPolicy = 'UNIQUE'): RuleTable {
  return {
    id: 'bench', name: 'bench', purpose: 'general', hitPolicy,
    inputs: [
      { name: 'area', expression: 'premises.area', type: 'number' },
      { name: 'kind', expression: 'applicant.kind', type: 'string', allowedValues: KINDS },
      { name: 'online', expression: 'operatesOnline', type: 'boolean' },
    ],
    outputs: [{ name: 'fee', type: 'number' }, { name: 'band', type: 'string' }],
    rows: Array.from({ length: rows }, (_, i) => ({
      id: `R${i + 1}`,
      inputEntries: [`[${Math.floor(i / 2) * 10}..${Math.floor(i / 2) * 10 + 10})`, i % 2 ? `"${KINDS[0]}"` : `not("${KINDS[0]}")`, i % 3 ? '-' : 'true, false'],
      outputEntries: [String(i * 5), `"band ${i}"`],
      annotation: `row ${i + 1}`,
    })),
    tests: [],
  };
}

/** Evaluates the bench table `evaluations` times (after a warm-up) and reports the rate. */
export async function benchRuleEvaluation(evaluations = 20_000, rows = 50, hitPolicy: HitPolicy = 'UNIQUE'): Promise<RuleBenchResult> {
  const compiled = compileRuleTable(benchTable(rows, hitPolicy));
  const input = (i: number) => ({ premises: { area: (i * 7) % (rows * 5) }, applicant: { kind: KINDS[i % 3] }, operatesOnline: i % 2 === 0 });
  for (let i = 0; i < 500; i++) await compiled.evaluate(input(i));
  const start = process.hrtime.bigint();
  for (let i = 0; i < evaluations; i++) await compiled.evaluate(input(i));
  const milliseconds = Number(process.hrtime.bigint() - start) / 1e6;
  return { rows, hitPolicy, evaluations, milliseconds, evaluationsPerSecond: Math.round((evaluations / milliseconds) * 1000) };
}
