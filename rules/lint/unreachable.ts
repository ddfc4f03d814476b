/**
 * Rows that can never take effect: a cell that matches no value (an empty interval such as `[20..10]`, or
 * a test that excludes every allowed value), or — under FIRST — a row whose every cell is covered by the
 * same column of one earlier row, so the earlier row always wins (DMN 1.3 §8.2.11 "First").
 */
import type { Finding } from '../model.js';
import { isSubset, setIsEmpty } from '../sfeel/domain.js';
import type { LintRule } from './context.js';

/** Lint rule: `never-matches` (empty cells) and `shadowed-row` (FIRST). */
export const unreachableRows: LintRule = (table, ctx) => {
  const findings: Finding[] = [];
  const dead = new Set<number>();
  table.rows.forEach((row, r) => {
    ctx.sets[r]!.forEach((s, c) => {
      if (!setIsEmpty(s)) return;
      dead.add(r);
      findings.push(ctx.at('never-matches', 'error', `'${row.inputEntries[c]}' matches no possible value, so the row can never match`, r, table.inputs[c]!.name,
        { code: 'CELL_MATCHES_NOTHING', params: { cell: row.inputEntries[c] } }));
    });
  });
  if (table.hitPolicy !== 'FIRST') return findings;
  for (let j = 1; j < table.rows.length; j++) {
    if (dead.has(j)) continue;
    for (let i = 0; i < j; i++) {
      if (dead.has(i)) continue;
      if (ctx.sets[j]!.every((s, c) => isSubset(s, ctx.sets[i]![c]!))) {
        findings.push(ctx.at('shadowed-row', 'error',
          `row '${table.rows[i]!.id}' (#${i + 1}) matches every input this row matches, so under FIRST this row is never used`, j, undefined,
          { code: 'ROW_SHADOWED', params: { otherRow: table.rows[i]!.id, otherRowNo: i + 1 } }));
        break;
      }
    }
  }
  return findings;
};
