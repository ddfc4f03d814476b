/** Running the test cases embedded in a table file (the `tests:` section). */
import type { CompiledDecision } from './compile.js';
import type { Decision } from './explain.js';
import { BudgetExceededError } from '../engine/expression/index.js';
import { said } from './said.js';

/** One difference of a failed test case: its English sentence, its message code and parameters. */
export interface TestProblem {
  message: string;
  messageCode: string;
  params: Record<string, string>;
}

/** The outcome of one embedded test case. */
export interface TestCaseResult {
  name: string;
  passed: boolean;
  /** What differs, in words, when it failed. */
  problems: string[];
  /** The same differences by message code and parameters, for the dictionaries (`contracts/messages/rule-findings.ts`). */
  reasons: TestProblem[];
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
      const reason = { message: err.message, ...said('TEST_OVER_BUDGET', { test: test.name, kind: err.kind, detail: err.message }) };
      results.push({ name: test.name, passed: false, problems: [err.message], reasons: [reason], decision: empty });
      continue;
    }
    const reasons: TestProblem[] = [];
    if (decision.error) reasons.push({ message: decision.error, ...said('TEST_DECISION_ERROR', { test: test.name, detail: decision.error }) });
    if (test.expect !== undefined && !deepEqual(decision.result, test.expect)) {
      const expected = JSON.stringify(test.expect);
      const got = JSON.stringify(decision.result);
      reasons.push({ message: `expected ${expected} but got ${got}`, ...said('TEST_RESULT_DIFFERS', { test: test.name, expected, got }) });
    }
    if (test.expectRows) {
      const got = decision.matchedRows.filter((m) => m.selected).map((m) => m.id);
      if (JSON.stringify(got) !== JSON.stringify(test.expectRows)) {
        const expected = JSON.stringify(test.expectRows);
        reasons.push({ message: `expected rows ${expected} but got ${JSON.stringify(got)}`, ...said(got.length ? 'TEST_ROWS_DIFFER' : 'TEST_NO_ROWS', { test: test.name, expected, got: JSON.stringify(got) }) });
      }
    }
    results.push({ name: test.name, passed: reasons.length === 0, problems: reasons.map((r) => r.message), reasons, decision });
  }
  return results;
}
