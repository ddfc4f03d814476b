/**
 * The rule-table linter: checks beyond the JSON Schema, one concern per file. Every finding names the
 * table, the row (id and position) and the column.
 */
import { checkExpression, checkUnaryTests } from '../../engine/expression/index.js';
import type { Finding, RuleTable } from '../model.js';
import { inputCellTypes, outputCellTypes } from './cell-types.js';
import { purposeConventions } from './conventions.js';
import { lintContext, type LintRule } from './context.js';
import { overlappingRows } from './overlap.js';
import { unreachableRows } from './unreachable.js';
import { embeddedTests } from './tests.js';
import { evaluationBudget } from './budget.js';

const syntax: LintRule = (table, ctx) => {
  const findings: Finding[] = [];
  table.rows.forEach((row, r) => {
    row.inputEntries.forEach((cell, c) => {
      const p = checkUnaryTests(cell);
      if (p) {
        findings.push(ctx.at('syntax', 'error', `'${cell}' is not a valid unary test: ${p.message}`, r, table.inputs[c]!.name,
          { code: 'CELL_TEST_SYNTAX', params: { cell, detail: p.message } }));
      }
    });
    row.outputEntries.forEach((cell, c) => {
      const p = cell.trim() ? checkExpression(cell) : null;
      if (p) {
        findings.push(ctx.at('syntax', 'error', `'${cell}' is not a valid expression: ${p.message}`, r, table.outputs[c]!.name,
          { code: 'CELL_EXPRESSION_SYNTAX', params: { cell, detail: p.message } }));
      }
    });
  });
  return findings;
};

/** The lint rules, in reporting order. */
export const LINT_RULES: Record<string, LintRule> = {
  syntax,
  'evaluation-budget': evaluationBudget,
  'cell-types-in': inputCellTypes,
  'cell-types-out': outputCellTypes,
  overlap: overlappingRows,
  unreachable: unreachableRows,
  conventions: purposeConventions,
  tests: embeddedTests,
};

/**
 * Lints a loaded table. Returns findings (errors and warnings); an empty list means the table is clean.
 * Rules are: syntax, unquoted-string, type-mismatch, allowed-values, unique-overlap, any-conflict,
 * never-matches, shadowed-row, purpose-convention, missing-basis, evaluation-budget,
 * test-*.
 */
export function lintRuleTable(table: RuleTable): Finding[] {
  const ctx = lintContext(table);
  return Object.values(LINT_RULES).flatMap((rule) => rule(table, ctx));
}
