/**
 * Hit policies (DMN 1.3 §8.2.11, Table 31) applied to the rows that matched, in rule order.
 * Single hit: U, A, P, F. Multiple hits: R, O, C and the C aggregations (C+ sum, C# count, C< min,
 * C> max). Results follow §8.3.6 / §10.3.2.9: one output gives its value, several outputs give a context
 * (an object), multiple hits give a list; a violated policy gives null with an error message.
 */
import type { OutputColumn, RuleTable } from './model.js';

/** A matched row with its computed outputs (an object keyed by output name). */
export interface Hit {
  index: number;
  outputs: Record<string, unknown>;
}

/** What a hit policy selected: the value, the rows it came from, and an error for violated policies. */
export interface HitOutcome {
  result: unknown;
  /** Indices of the rows whose outputs make up the result, in result order. */
  selected: number[];
  error?: string;
}

/** The value of one hit: the single output's value, or the context of all outputs (§8.3.6). */
export function hitValue(outputs: Record<string, unknown>, columns: OutputColumn[]): unknown {
  return columns.length === 1 ? outputs[columns[0]!.name] ?? null : outputs;
}

/** Rank of a hit by its outputs' positions in their allowed-values lists, left to right (§8.2.11 P/O). */
function priorityKey(hit: Hit, columns: OutputColumn[]): number[] {
  return columns
    .filter((c) => c.allowedValues && c.allowedValues.length)
    .map((c) => {
      const i = c.allowedValues!.findIndex((v) => v === hit.outputs[c.name]);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    });
}

function byPriority(columns: OutputColumn[]): (a: Hit, b: Hit) => number {
  return (a, b) => {
    const ka = priorityKey(a, columns);
    const kb = priorityKey(b, columns);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return a.index - b.index;
  };
}

function sameOutputs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function aggregate(table: RuleTable, hits: Hit[]): HitOutcome {
  const column = table.outputs[0]!;
  const values = hits.map((h) => h.outputs[column.name]).filter((v) => v !== null && v !== undefined);
  const selected = hits.map((h) => h.index);
  if (table.outputs.length !== 1) {
    return { result: null, selected, error: `COLLECT with ${table.aggregation} needs exactly one output (DMN 1.3 §8.2.11)` };
  }
  if (table.aggregation === 'COUNT') return { result: values.length, selected };
  if (values.length === 0) return { result: null, selected };
  if (table.aggregation === 'SUM') {
    if (!values.every((v) => typeof v === 'number')) return { result: null, selected, error: 'C+ can only sum numbers' };
    // FEEL numbers are decimals (DMN 1.3 §10.3.2.3.1): round away binary noise so 0.1 + 0.2 gives 0.3.
    const total = (values as number[]).reduce((a, b) => a + b, 0);
    return { result: Math.round(total * 1e9) / 1e9, selected };
  }
  const comparable = values.every((v) => typeof v === 'number') || values.every((v) => typeof v === 'string');
  if (!comparable) return { result: null, selected, error: `C${table.aggregation === 'MIN' ? '<' : '>'} needs values of one comparable type` };
  const sorted = [...(values as (number | string)[])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { result: table.aggregation === 'MIN' ? sorted[0] : sorted[sorted.length - 1], selected };
}

/** Applies the table's hit policy to the hits (given in rule order). `noMatch` is the default result. */
export function applyHitPolicy(table: RuleTable, hits: Hit[], noMatch: () => unknown): HitOutcome {
  const value = (h: Hit) => hitValue(h.outputs, table.outputs);
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (hits.length > 1) {
        return { result: null, selected: hits.map((h) => h.index), error: `UNIQUE hit policy violated: rows ${hits.map((h) => `#${h.index + 1}`).join(', ')} all match` };
      }
      return hits.length ? { result: value(hits[0]!), selected: [hits[0]!.index] } : { result: noMatch(), selected: [] };
    case 'ANY': {
      if (!hits.length) return { result: noMatch(), selected: [] };
      const differing = hits.find((h) => !sameOutputs(h.outputs, hits[0]!.outputs));
      if (differing) {
        return { result: null, selected: hits.map((h) => h.index), error: `ANY hit policy violated: rows #${hits[0]!.index + 1} and #${differing.index + 1} match with different outputs` };
      }
      return { result: value(hits[0]!), selected: [hits[0]!.index] };
    }
    case 'FIRST':
      return hits.length ? { result: value(hits[0]!), selected: [hits[0]!.index] } : { result: noMatch(), selected: [] };
    case 'PRIORITY': {
      if (!hits.length) return { result: noMatch(), selected: [] };
      const best = [...hits].sort(byPriority(table.outputs))[0]!;
      return { result: value(best), selected: [best.index] };
    }
    case 'RULE ORDER':
      return { result: hits.map(value), selected: hits.map((h) => h.index) };
    case 'OUTPUT ORDER': {
      const ordered = [...hits].sort(byPriority(table.outputs));
      return { result: ordered.map(value), selected: ordered.map((h) => h.index) };
    }
    case 'COLLECT':
      if (table.aggregation) return aggregate(table, hits);
      return { result: hits.map(value), selected: hits.map((h) => h.index) };
  }
}
