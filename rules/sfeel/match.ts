/**
 * Compiles parsed unary tests into predicates, once per cell. The common S-FEEL forms are compared in
 * plain JavaScript following FEEL semantics (DMN 1.3 §10.3.2.2 equality, §10.3.2.3 ordering: values of
 * different types, or null, compare to null, and null is not a match); everything else goes to feelin
 * through `engine/expression`.
 */
import { date as feelDate } from 'feelin';
import { evaluateUnaryTests, type EvaluationBudget } from '../../engine/expression/index.js';
import type { ValueType } from '../model.js';
import { typeOfValue, type Literal } from './literal.js';
import { parseUnaryTests, type PositiveTest } from './unary.js';

/** A compiled cell: does `value` (with the other inputs in `scope`) satisfy it, within `budget`? */
export type CellPredicate = (value: unknown, scope: Record<string, unknown>, budget?: EvaluationBudget) => boolean;

type Test = (v: unknown, s: Record<string, unknown>, b?: EvaluationBudget) => boolean | null;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The FEEL type of an input value, reading ISO date strings as dates in date (or untyped) columns. */
function valueType(value: unknown, column: ValueType, lit: Literal): Literal['type'] | 'other' {
  const t = typeOfValue(value);
  if (t === 'string' && (column === 'date' || lit.type === 'date') && ISO_DATE.test(value as string)) return 'date';
  return t;
}

/** FEEL `=`: true, false, or null (different types). */
function equals(value: unknown, column: ValueType, lit: Literal): boolean | null {
  if (lit.type === 'null' || value === null || value === undefined) return lit.type === 'null' && value == null;
  const t = valueType(value, column, lit);
  if (t !== lit.type) return null;
  return value === lit.value;
}

/** FEEL `<` family: null unless both sides are comparable values of one type. */
function compare(value: unknown, column: ValueType, op: '<' | '<=' | '>' | '>=', lit: Literal): boolean | null {
  if (value === null || value === undefined) return null;
  const t = valueType(value, column, lit);
  if (t !== lit.type || (t !== 'number' && t !== 'string' && t !== 'date')) return null;
  const a = value as number | string;
  const b = lit.value as number | string;
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
  }
}

function toFeelInput(value: unknown, column: ValueType): unknown {
  if (column === 'date' && typeof value === 'string' && ISO_DATE.test(value)) return feelDate(value);
  return value;
}

function compilePositive(test: PositiveTest, column: ValueType): Test {
  switch (test.kind) {
    case 'eq':
      return (v) => equals(v, column, test.lit);
    case 'cmp':
      return (v) => compare(v, column, test.op, test.lit);
    case 'range': {
      const loOp = test.loClosed ? '>=' : '>';
      const hiOp = test.hiClosed ? '<=' : '<';
      return (v) => {
        const lo = compare(v, column, loOp, test.lo);
        const hi = compare(v, column, hiOp, test.hi);
        return lo === null || hi === null ? null : lo && hi;
      };
    }
    case 'feel':
      return (v, s, b) => evaluateUnaryTests(test.text, toFeelInput(v, column), s, b);
  }
}

/**
 * Compiles a cell's text for a column of the given type. `-` compiles to a constant `true`.
 * A negated list matches when no test is true and none is null (FEEL `not` over three-valued logic).
 */
export function compileUnaryTests(text: string, column: ValueType): CellPredicate {
  const parsed = parseUnaryTests(text);
  if (parsed.kind === 'any') return () => true;
  const tests = parsed.tests.map((t) => compilePositive(t, column));
  if (tests.length === 1 && !parsed.negated) {
    const only = tests[0]!;
    return (v, s, b) => only(v, s, b) === true;
  }
  return (v, s, b) => {
    let sawNull = false;
    for (const test of tests) {
      const r = test(v, s, b);
      if (r === true) return !parsed.negated;
      if (r === null) sawNull = true;
    }
    return parsed.negated && !sawNull;
  };
}
