/** Shared helpers for lint rules: findings that name the table, row and column, and the parsed cells. */
import type { Finding, RuleTable } from '../model.js';
import { cellSet, type CellSet } from '../sfeel/domain.js';

/** A lint rule: looks at a table and returns findings. */
export type LintRule = (table: RuleTable, ctx: LintContext) => Finding[];

/** Lazily computed facts about a table, shared by the rules. */
export interface LintContext {
  /** The set each input cell matches: `sets[row][column]`. */
  sets: CellSet[][];
  /** Builds a finding about a row and column. */
  at(code: string, severity: Finding['severity'], message: string, rowIndex?: number, column?: string): Finding;
}

/** Builds the lint context for a table. */
export function lintContext(table: RuleTable): LintContext {
  return {
    sets: table.rows.map((row) => row.inputEntries.map((cell, c) => cellSet(cell, table.inputs[c]!))),
    at(code, severity, message, rowIndex, column) {
      const row = rowIndex === undefined ? undefined : table.rows[rowIndex];
      return {
        code, severity, message, table: table.id, file: table.fileName,
        ...(row ? { row: row.id, rowIndex, ...(row.line ? { path: String(row.line) } : {}) } : {}),
        ...(column ? { column } : {}),
      };
    },
  };
}
