/** Embedded test cases that cannot be right: expected rows that do not exist, inputs no column reads. */
import type { Finding } from '../model.js';
import type { LintRule } from './context.js';

/** Lint rule: `test-unknown-row`, `test-unknown-input`, `test-no-expectation`. */
export const embeddedTests: LintRule = (table, ctx) => {
  const findings: Finding[] = [];
  const ids = new Set(table.rows.map((r) => r.id));
  const roots = new Set(table.inputs.flatMap((c) => [c.name, c.expression.split('.')[0]!]));
  table.tests.forEach((t) => {
    for (const id of t.expectRows ?? []) {
      if (!ids.has(id)) {
        findings.push(ctx.at('test-unknown-row', 'error', `test '${t.name}' expects row '${id}', which the table does not have`, undefined, undefined,
          { code: 'TEST_UNKNOWN_ROW', params: { test: t.name, expectedRow: id } }));
      }
    }
    for (const key of Object.keys(t.input)) {
      if (!roots.has(key)) {
        findings.push(ctx.at('test-unknown-input', 'warning', `test '${t.name}' gives '${key}', which no input reads`, undefined, undefined,
          { code: 'TEST_UNKNOWN_INPUT', params: { test: t.name, input: key } }));
      }
    }
    if (t.expect === undefined && !t.expectRows) {
      findings.push(ctx.at('test-no-expectation', 'error', `test '${t.name}' has neither expect nor expectRows`, undefined, undefined,
        { code: 'TEST_NO_EXPECTATION', params: { test: t.name } }));
    }
  });
  return findings;
};
