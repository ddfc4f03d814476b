/** Running the test cases embedded in a table file (the `tests:` section). */
import type { CompiledDecision } from './compile.js';
import type { Decision } from './explain.js';
import { BudgetExceededError } from '../engine/expression/index.js';

/** The outcome of one embedded test case. */
export interface TestCaseResult {
  name: string;
  passed: boolean;
  /** What differs, in words, when it failed. */
  problems: string[];
  decision: Decision;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== null);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== null);
    return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return (a ?? null) === (b ?? null);
}

/** Runs every embedded test case of the compiled table, in order. */
export async function runTableTests(compiled: CompiledDecision): Promise<TestCaseResult[]> {
  const results: TestCaseResult[] = [];
  for (const test of compiled.table.tests) {
    let decision: Decision;
    try {
      decision = await compiled.evaluate(test.input);
    } catch (err) {
      // A cell past the evaluation budget fails the test; the table is then refused at deploy.
      if (!(err instanceof BudgetExceededError)) throw err;
      const empty: Decision = { decisionId: compiled.id, decisionName: compiled.name, result: null, outputs: [], matchedRows: [], error: err.message };
      results.push({ name: test.name, passed: false, problems: [err.message], decision: empty });
      continue;
    }
    const problems: string[] = [];
    if (decision.error) problems.push(decision.error);
    if (test.expect !== undefined && !deepEqual(decision.result, test.expect)) {
      problems.push(`expected ${JSON.stringify(test.expect)} but got ${JSON.stringify(decision.result)}`);
    }
    if (test.expectRows) {
      const got = decision.matchedRows.filter((m) => m.selected).map((m) => m.id);
      if (JSON.stringify(got) !== JSON.stringify(test.expectRows)) {
        problems.push(`expected rows ${JSON.stringify(test.expectRows)} but got ${JSON.stringify(got)}`);
      }
    }
    results.push({ name: test.name, passed: problems.length === 0, problems, decision });
  }
  return results;
}
