/**
 * Reading a table's input values from a decision's input (DMN 1.3 §8.3.2: each input clause has an input
 * expression). A dotted fact path (`applicant.kind`) is read directly; a name that is a key of the input
 * (including DMN names with spaces, `Risk Category`) is taken as is; anything else is a FEEL expression.
 */
import { BudgetExceededError, evaluateExpression, type EvaluationBudget } from '../engine/expression/index.js';
import type { InputColumn } from './model.js';

/** Reads one input column's value from the decision input, within `budget`. */
export type InputGetter = (input: Record<string, unknown>, budget?: EvaluationBudget) => unknown;

const PATH = /^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u;

/** Compiles an input column's expression into a getter, once. Missing values read as `null`. */
export function compileInputGetter(column: InputColumn): InputGetter {
  const expr = column.expression.trim();
  if (PATH.test(expr)) {
    const segments = expr.split('.');
    return (input) => {
      if (Object.prototype.hasOwnProperty.call(input, expr)) return input[expr] ?? null;
      let cur: unknown = input;
      for (const s of segments) {
        if (cur === null || typeof cur !== 'object') return null;
        cur = (cur as Record<string, unknown>)[s];
      }
      return cur ?? null;
    };
  }
  return (input, budget) => {
    if (Object.prototype.hasOwnProperty.call(input, expr)) return input[expr] ?? null;
    try {
      return evaluateExpression(expr, input, budget) ?? null;
    } catch (err) {
      // Past the budget the decision is refused, not answered with a null that could match a row.
      if (err instanceof BudgetExceededError) throw err;
      // DMN 1.3 §10.3.2.9: an expression that cannot be evaluated yields null, which then matches only `-`.
      return null;
    }
  };
}
