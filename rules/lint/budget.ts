/**
 * Cells whose source alone shows they would run past the evaluation budget (a literal range of a hundred
 * million, comprehensions nested 2000 × 2000, a pattern that backtracks): refused at deploy, naming the
 * row and column, rather than stalling the command that first reaches them.
 */
import { expressionBudgetProblems, unaryTestsBudgetProblems } from '../../engine/expression/index.js';
import type { Finding } from '../model.js';
import type { LintRule } from './context.js';

/** Lint rule: `evaluation-budget`. */
export const evaluationBudget: LintRule = (table, ctx) => {
  const findings: Finding[] = [];
  const report = (problems: { kind: string; message: string }[], cell: string, rowIndex: number | undefined, column: string): void => {
    for (const p of problems) {
      findings.push(ctx.at('evaluation-budget', 'error', `'${cell}' would exceed the evaluation budget: ${p.message}`, rowIndex, column,
        { code: 'CELL_OVER_BUDGET', params: { cell, kind: p.kind, detail: p.message } }));
    }
  };
  table.inputs.forEach((column) => {
    if (column.expression !== column.name) report(expressionBudgetProblems(column.expression), column.expression, undefined, column.name);
  });
  table.rows.forEach((row, r) => {
    row.inputEntries.forEach((cell, c) => report(unaryTestsBudgetProblems(cell), cell, r, table.inputs[c]!.name));
    row.outputEntries.forEach((cell, c) => {
      if (cell.trim()) report(expressionBudgetProblems(cell), cell, r, table.outputs[c]!.name);
    });
  });
  table.outputs.forEach((column) => {
    if (column.default !== undefined) report(expressionBudgetProblems(column.default), column.default, undefined, column.name);
  });
  return findings;
};
