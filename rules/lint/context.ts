/** Shared helpers for lint rules: findings that name the table, row and column, and the parsed cells. */
import type { Finding, RuleTable } from '../model.js';
import { columnLabel, said, type ParamValue } from '../said.js';
import { cellSet, type CellSet } from '../sfeel/domain.js';

/** A lint rule: looks at a table and returns findings. */
export type LintRule = (table: RuleTable, ctx: LintContext) => Finding[];

/** What a finding says beyond where it is: its message code and the parameters particular to it. */
export interface Saying {
  code: string;
  params?: Readonly<Record<string, ParamValue>>;
}

/** Lazily computed facts about a table, shared by the rules. */
export interface LintContext {
  /** The set each input cell matches: `sets[row][column]`. */
  sets: CellSet[][];
  /**
   * Builds a finding about a row and column. Its `params` name the table, the row (`row`, and `rowNo`
   * counted from 1) and the column (`column`, and `columnLabel`, its label or else its name), besides
   * those of `saying`.
   */
  at(code: string, severity: Finding['severity'], message: string, rowIndex: number | undefined, column: string | undefined, saying: Saying): Finding;
}

/** Builds the lint context for a table. */
export function lintContext(table: RuleTable): LintContext {
  return {
    sets: table.rows.map((row) => row.inputEntries.map((cell, c) => cellSet(cell, table.inputs[c]!))),
    at(code, severity, message, rowIndex, column, saying) {
      const row = rowIndex === undefined ? undefined : table.rows[rowIndex];
      const where: Record<string, ParamValue> = {
        table: table.id,
        ...(row ? { row: row.id, rowNo: rowIndex! + 1 } : {}),
        ...(column ? { column, columnLabel: columnLabel([...table.inputs, ...table.outputs], column) } : {}),
      };
      return {
        code, severity, message, table: table.id, file: table.fileName,
        ...(row ? { row: row.id, rowIndex, ...(row.line ? { path: String(row.line) } : {}) } : {}),
        ...(column ? { column } : {}),
        ...said(saying.code, { ...where, ...saying.params }),
      };
    },
  };
}
