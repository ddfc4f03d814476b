/**
 * Output cells: S-FEEL literal expressions (DMN 1.3 §8.3.4 output entries, §9.2 rule 1 "simple
 * expression"). Literals compile to constants; any other expression (for instance `Age * 2`) is evaluated
 * by feelin through `engine/expression`, with the table's inputs as variables.
 */
import { evaluateExpression, type EvaluationBudget } from '../../engine/expression/index.js';
import { parseLiteral } from './literal.js';

/** A compiled output cell, evaluated within `budget`. */
export type OutputFn = (scope: Record<string, unknown>, budget?: EvaluationBudget) => unknown;

/** Compiles an output cell; an empty cell yields `null`. */
export function compileOutputEntry(text: string): OutputFn {
  const t = text.trim();
  if (t === '' || t === '-') return () => null;
  const lit = parseLiteral(t);
  if (lit) {
    const value = lit.value;
    return () => value;
  }
  return (scope, budget) => normaliseOutput(evaluateExpression(t, scope, budget));
}

/** FEEL dates come back from `toPlain` as their ISO text already; undefined becomes null. */
function normaliseOutput(value: unknown): unknown {
  return value === undefined ? null : value;
}
