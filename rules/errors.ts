/** Errors of the rule-table layer: bad input is reported as findings that name the file, row and field. */
import { BudgetExceededError } from '../engine/expression/index.js';
import type { Finding } from './model.js';

/** Formats a finding as one line: `file: table 'id', row 'AC1' (#2), column 'age': message`. */
export function formatFinding(f: Finding): string {
  const where: string[] = [];
  if (f.table) where.push(`table '${f.table}'`);
  if (f.row !== undefined) where.push(`row '${f.row}'${f.rowIndex !== undefined ? ` (#${f.rowIndex + 1})` : ''}`);
  if (f.column) where.push(`column '${f.column}'`);
  const prefix = [f.file, f.path].filter(Boolean).join(':');
  return `${prefix ? prefix + ': ' : ''}${f.severity} ${f.code}${where.length ? ' in ' + where.join(', ') : ''}: ${f.message}`;
}

/** Thrown when a table cannot be loaded or compiled; `findings` says what and where. */
export class RuleTableError extends Error {
  readonly findings: Finding[];
  constructor(summary: string, findings: Finding[]) {
    super([summary, ...findings.map((f) => '  ' + formatFinding(f))].join('\n'));
    this.name = 'RuleTableError';
    this.findings = findings;
  }
}

/**
 * A cell of a table ran past the evaluation budget: the budget's refusal, naming the table, the row (when the
 * cell belongs to one) and the column, so the author can find the cell.
 */
export class RuleBudgetError extends BudgetExceededError {
  readonly table: string;
  readonly row?: string;
  readonly column: string;
  constructor(cause: BudgetExceededError, where: { table: string; row?: string; column: string }) {
    const at = `table '${where.table}'${where.row ? `, row '${where.row}'` : ''}, column '${where.column}'`;
    super(cause.kind, `${at}: ${cause.message}`, cause.source);
    this.name = 'RuleBudgetError';
    this.table = where.table;
    if (where.row) this.row = where.row;
    this.column = where.column;
  }
}
