/**
 * What values a cell can match, as a set the linter can intersect and compare. Columns with a finite
 * domain (allowed values, or boolean) use the subset of that domain a cell accepts; other columns use
 * unions of intervals over numbers, strings or dates (DMN 1.3 §10.3.2.7 ranges). Cells written in full
 * FEEL are `unknown`: the linter never reports on what it cannot decide.
 */
import type { InputColumn, Primitive } from '../model.js';
import type { Literal } from './literal.js';
import { compileUnaryTests } from './match.js';
import { parseUnaryTests, type PositiveTest } from './unary.js';

type Scalar = number | string;
/** One end of an interval; `null` is unbounded. */
export type Bound = { v: Scalar; open: boolean } | null;
/** An interval over one ordered type. */
export interface Interval {
  lo: Bound;
  hi: Bound;
}

/** The set of values a cell matches. */
export type CellSet =
  | { kind: 'finite'; values: Primitive[] }
  | { kind: 'intervals'; type: Literal['type']; items: Interval[] }
  | { kind: 'any' }
  | { kind: 'unknown' };

/** The finite domain of a column, when it has one. */
export function finiteDomain(column: InputColumn): Primitive[] | undefined {
  if (column.allowedValues?.length) return column.allowedValues;
  if (column.type === 'boolean') return [true, false];
  return undefined;
}

function cmpBound(a: Scalar, b: Scalar): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function testToIntervals(test: PositiveTest): { type: Literal['type']; items: Interval[] } | undefined {
  switch (test.kind) {
    case 'eq':
      if (test.lit.type === 'null' || test.lit.type === 'boolean') return undefined;
      return { type: test.lit.type, items: [{ lo: { v: test.lit.value as Scalar, open: false }, hi: { v: test.lit.value as Scalar, open: false } }] };
    case 'cmp': {
      const b = { v: test.lit.value as Scalar, open: test.op === '<' || test.op === '>' };
      return { type: test.lit.type, items: [test.op.startsWith('<') ? { lo: null, hi: b } : { lo: b, hi: null }] };
    }
    case 'range':
      if (test.lo.type !== test.hi.type) return undefined;
      return { type: test.lo.type, items: [{ lo: { v: test.lo.value as Scalar, open: !test.loClosed }, hi: { v: test.hi.value as Scalar, open: !test.hiClosed } }] };
    default:
      return undefined;
  }
}

function isEmpty(i: Interval): boolean {
  if (!i.lo || !i.hi) return false;
  const c = cmpBound(i.lo.v, i.hi.v);
  return c > 0 || (c === 0 && (i.lo.open || i.hi.open));
}

function intersectOne(a: Interval, b: Interval): Interval {
  const lo = !a.lo ? b.lo : !b.lo ? a.lo : cmpBound(a.lo.v, b.lo.v) > 0 ? a.lo : cmpBound(a.lo.v, b.lo.v) < 0 ? b.lo : { v: a.lo.v, open: a.lo.open || b.lo.open };
  const hi = !a.hi ? b.hi : !b.hi ? a.hi : cmpBound(a.hi.v, b.hi.v) < 0 ? a.hi : cmpBound(a.hi.v, b.hi.v) > 0 ? b.hi : { v: a.hi.v, open: a.hi.open || b.hi.open };
  return { lo, hi };
}

/** The complement of a union of intervals on the whole ordered line. */
function complement(items: Interval[]): Interval[] {
  const sorted = items.filter((i) => !isEmpty(i)).sort((a, b) => (!a.lo ? -1 : !b.lo ? 1 : cmpBound(a.lo.v, b.lo.v)));
  const out: Interval[] = [];
  let from: Bound = null;
  let unboundedStart = true;
  for (const i of sorted) {
    const gap: Interval = { lo: unboundedStart ? null : from, hi: i.lo ? { v: i.lo.v, open: !i.lo.open } : null };
    if (i.lo && !isEmpty(gap)) out.push(gap);
    if (!i.hi) return out;
    if (unboundedStart || !from || cmpBound(i.hi.v, from.v) > 0 || (cmpBound(i.hi.v, from.v) === 0 && !i.hi.open)) {
      from = { v: i.hi.v, open: !i.hi.open };
    }
    unboundedStart = false;
  }
  out.push({ lo: unboundedStart ? null : from, hi: null });
  return out.filter((i) => !isEmpty(i));
}

/** Computes the set a cell matches in its column. */
export function cellSet(text: string, column: InputColumn): CellSet {
  const parsed = parseUnaryTests(text);
  if (parsed.kind === 'any') return { kind: 'any' };
  const domain = finiteDomain(column);
  if (parsed.tests.some((t) => t.kind === 'feel')) return { kind: 'unknown' };
  if (domain) {
    const predicate = compileUnaryTests(text, column.type);
    return { kind: 'finite', values: domain.filter((v) => predicate(v, {})) };
  }
  const parts = parsed.tests.map(testToIntervals);
  if (parts.some((p) => !p)) return { kind: 'unknown' };
  const type = parts[0]!.type;
  if (parts.some((p) => p!.type !== type)) return { kind: 'unknown' };
  const items = parts.flatMap((p) => p!.items).filter((i) => !isEmpty(i));
  return { kind: 'intervals', type, items: parsed.negated ? complement(items) : items };
}

/** Whether a set matches nothing. `unknown` and `any` are never empty. */
export function setIsEmpty(s: CellSet): boolean {
  if (s.kind === 'finite') return s.values.length === 0;
  if (s.kind === 'intervals') return s.items.length === 0;
  return false;
}

/** The intersection of two sets of the same column; `unknown` when it cannot be decided. */
export function intersect(a: CellSet, b: CellSet): CellSet {
  if (a.kind === 'unknown' || b.kind === 'unknown') return { kind: 'unknown' };
  if (a.kind === 'any') return b;
  if (b.kind === 'any') return a;
  if (a.kind === 'finite' && b.kind === 'finite') return { kind: 'finite', values: a.values.filter((v) => b.values.includes(v)) };
  if (a.kind === 'intervals' && b.kind === 'intervals') {
    if (a.type !== b.type) return { kind: 'intervals', type: a.type, items: [] };
    const items = a.items.flatMap((x) => b.items.map((y) => intersectOne(x, y))).filter((i) => !isEmpty(i));
    return { kind: 'intervals', type: a.type, items };
  }
  return { kind: 'unknown' };
}

/** Whether every value of `a` is in `b`; false when it cannot be decided. */
export function isSubset(a: CellSet, b: CellSet): boolean {
  if (b.kind === 'any') return a.kind !== 'unknown';
  if (a.kind === 'unknown' || b.kind === 'unknown' || a.kind === 'any') return false;
  if (a.kind === 'finite' && b.kind === 'finite') return a.values.every((v) => b.values.includes(v));
  if (a.kind === 'intervals' && b.kind === 'intervals') {
    if (!a.items.length) return true;
    if (a.type !== b.type) return false;
    // a ⊆ b  ⇔  a ∩ complement(b) = ∅
    const outside = intersect(a, { kind: 'intervals', type: b.type, items: complement(b.items) });
    return setIsEmpty(outside);
  }
  return false;
}

function boundText(i: Interval): string {
  if (i.lo && i.hi && i.lo.v === i.hi.v) return JSON.stringify(i.lo.v);
  if (!i.lo) return `${i.hi!.open ? '<' : '<='} ${JSON.stringify(i.hi!.v)}`;
  if (!i.hi) return `${i.lo.open ? '>' : '>='} ${JSON.stringify(i.lo.v)}`;
  return `${i.lo.open ? '(' : '['}${JSON.stringify(i.lo.v)}..${JSON.stringify(i.hi.v)}${i.hi.open ? ')' : ']'}`;
}

/** Describes a set in S-FEEL-like words, for messages ("when age is [18..20]"). */
export function describeSet(s: CellSet): string {
  if (s.kind === 'any') return 'anything';
  if (s.kind === 'unknown') return 'some values';
  if (s.kind === 'finite') return s.values.map((v) => JSON.stringify(v)).join(', ');
  return s.items.map(boundText).join(', ');
}
