/**
 * Row partitioning for fast evaluation. json-rules-engine evaluates every rule it holds on every run, and
 * each evaluation clones the rule's conditions; for a 50-row table that dominates the cost. At compile
 * time we pick the most selective input column and cut its value space into segments on which every
 * cell of that column is constant (finite domains: one segment per value; numbers: the points and open
 * gaps between all literals the column's cells mention). Each segment gets its own json-rules-engine
 * Engine holding only the rows that can match there; at evaluation the input value picks the segment.
 * Rows whose cell in that column is full FEEL are kept in every segment. A segment's rows are always a
 * superset of the rows that can match there, so the result is the same as evaluating every row.
 */
import type { RuleTable } from './model.js';
import { finiteDomain } from './sfeel/domain.js';
import type { CellPredicate } from './sfeel/match.js';
import { parseUnaryTests, type PositiveTest } from './sfeel/unary.js';

/** A partition of a table's rows by one column. `candidates(value)` gives the rows to evaluate. */
export interface Partition {
  column: number;
  /** The candidate row lists, one per segment. */
  segments: number[][];
  /** Maps an input value to its segment index. */
  segmentOf(value: unknown): number;
}

interface Plan {
  representatives: unknown[];
  segmentOf(value: unknown): number;
}

const OTHER = Symbol('other');

function literalValues(test: PositiveTest): unknown[] {
  if (test.kind === 'eq' || test.kind === 'cmp') return [test.lit.value];
  if (test.kind === 'range') return [test.lo.value, test.hi.value];
  return [];
}

/** Plans the segments of one column, or returns undefined when the column cannot be partitioned. */
function plan(table: RuleTable, c: number): Plan | undefined {
  const column = table.inputs[c]!;
  const domain = finiteDomain(column);
  if (domain) {
    const index = new Map<unknown, number>(domain.map((v, i) => [v, i]));
    return { representatives: [...domain, null, OTHER], segmentOf: (v) => (v === null || v === undefined ? domain.length : index.get(v) ?? domain.length + 1) };
  }
  if (column.type !== 'number' && column.type !== 'string') return undefined;
  const points = new Set<number | string>();
  for (const row of table.rows) {
    const parsed = parseUnaryTests(row.inputEntries[c]!);
    if (parsed.kind === 'any') continue;
    for (const t of parsed.tests) {
      if (column.type === 'string' && t.kind !== 'eq' && t.kind !== 'feel') return undefined;
      for (const v of literalValues(t)) if (typeof v === (column.type === 'number' ? 'number' : 'string')) points.add(v as number | string);
    }
  }
  if (column.type === 'string') {
    const list = [...points];
    const index = new Map<unknown, number>(list.map((v, i) => [v, i]));
    return { representatives: [...list, null, OTHER], segmentOf: (v) => (v === null || v === undefined ? list.length : index.get(v) ?? list.length + 1) };
  }
  const sorted = ([...points] as number[]).sort((a, b) => a - b);
  // Segments: (-inf,p0) p0 (p0,p1) p1 … pk (pk,+inf), then null, then non-numbers.
  const reps: unknown[] = [];
  sorted.forEach((p, i) => reps.push(i === 0 ? p - 1 : (sorted[i - 1]! + p) / 2, p));
  reps.push(sorted.length ? sorted[sorted.length - 1]! + 1 : 0, null, OTHER);
  return {
    representatives: reps,
    segmentOf(v) {
      if (v === null || v === undefined) return reps.length - 2;
      if (typeof v !== 'number') return reps.length - 1;
      let lo = 0;
      let hi = sorted.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] === v) return 2 * mid + 1;
        if (sorted[mid]! < v) lo = mid + 1;
        else hi = mid - 1;
      }
      return 2 * lo;
    },
  };
}

/**
 * Chooses the column whose segments hold the fewest rows on average and builds its partition; returns
 * undefined when no column narrows the rows (then every run evaluates every row).
 */
export function partitionRows(table: RuleTable, predicates: (row: number, column: number) => CellPredicate): Partition | undefined {
  let best: Partition | undefined;
  let bestAverage = table.rows.length;
  table.inputs.forEach((_, c) => {
    const p = plan(table, c);
    if (!p) return;
    const segments = p.representatives.map((rep) =>
      table.rows.flatMap((row, r) => {
        const parsed = parseUnaryTests(row.inputEntries[c]!);
        const fallback = parsed.kind === 'tests' && parsed.tests.some((t) => t.kind === 'feel');
        if (fallback) return [r];
        // Values of another type or outside the allowed values are rare: evaluate every row for them.
        if (rep === OTHER) return [r];
        return predicates(r, c)(rep, {}) ? [r] : [];
      }),
    );
    const average = segments.reduce((n, s) => n + s.length, 0) / segments.length;
    if (average < bestAverage * 0.75) {
      best = { column: c, segments, segmentOf: p.segmentOf };
      bestAverage = average;
    }
  });
  return best;
}
