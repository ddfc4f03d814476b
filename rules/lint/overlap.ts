/**
 * Rows that can match the same input. Under UNIQUE that is a defect (DMN 1.3 §8.2.11: "no overlap is
 * possible and all rules are disjoint"); under ANY it is allowed only when the outputs are equal.
 * Two rows overlap when, in every column, their cells' sets intersect.
 */
import type { Finding } from '../model.js';
import { describeSet, intersect, setIsEmpty, type CellSet } from '../sfeel/domain.js';
import { columnLabel } from '../said.js';
import type { LintRule } from './context.js';

/** The per-column intersection of two rows, or null when they cannot both match (or it is undecidable). */
export function rowOverlap(a: CellSet[], b: CellSet[]): CellSet[] | null {
  const both = a.map((s, c) => intersect(s, b[c]!));
  if (both.some((s) => s.kind === 'unknown' || setIsEmpty(s))) return null;
  return both;
}

/** Lint rule: `unique-overlap` (UNIQUE) and `any-conflict` (ANY with different outputs). */
export const overlappingRows: LintRule = (table, ctx) => {
  if (table.hitPolicy !== 'UNIQUE' && table.hitPolicy !== 'ANY') return [];
  const findings: Finding[] = [];
  for (let j = 1; j < table.rows.length; j++) {
    for (let i = 0; i < j; i++) {
      const both = rowOverlap(ctx.sets[i]!, ctx.sets[j]!);
      if (!both) continue;
      const a = table.rows[i]!;
      const b = table.rows[j]!;
      if (table.hitPolicy === 'ANY' && JSON.stringify(a.outputEntries) === JSON.stringify(b.outputEntries)) continue;
      const when = both
        .map((s, c) => (s.kind === 'any' ? null : `${table.inputs[c]!.name} is ${describeSet(s)}`))
        .filter(Boolean)
        .join(' and ');
      // The same condition for the dictionaries: each column by its label, with the values both rows match.
      const values = both
        .map((s, c) => (s.kind === 'any' ? null : `${columnLabel(table.inputs, table.inputs[c]!.name)}: ${describeSet(s)}`))
        .filter(Boolean)
        .join('; ');
      findings.push(ctx.at(
        table.hitPolicy === 'UNIQUE' ? 'unique-overlap' : 'any-conflict',
        'error',
        `rows '${a.id}' (#${i + 1}) and '${b.id}' (#${j + 1}) can both match${when ? ` when ${when}` : ' any input'}` +
          (table.hitPolicy === 'ANY' ? ' with different outputs' : ''),
        j,
        undefined,
        {
          code: table.hitPolicy === 'UNIQUE' ? 'ROWS_OVERLAP' : 'ROWS_CONFLICT',
          params: { otherRow: a.id, otherRowNo: i + 1, ...(values ? { when: values } : {}) },
        },
      ));
    }
  }
  return findings;
};
