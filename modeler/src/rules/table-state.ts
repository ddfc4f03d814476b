/**
 * The rule-table editor's model: a {@link RuleTable} edited in place by small operations, and a check that
 * runs exactly what the CLI and deploy run — the table is written as YAML (`tableToYaml`), loaded again
 * (`loadRuleTable`: format, schema, YAML traps) and linted (`lintRuleTable`) — with every finding placed on
 * its cell, row, column or the table. Test cases run on the compiled table (`runTableTests`).
 */
import { RuleTableError } from '../../../rules/errors.js';
import { compileRuleTable } from '../../../rules/compile.js';
import { loadRuleTable } from '../../../rules/load.js';
import { lintRuleTable } from '../../../rules/lint/index.js';
import type { Finding, RuleTable, ValueType } from '../../../rules/model.js';
import { tableToYaml } from '../../../rules/serialize.js';
import { runTableTests, type TestCaseResult } from '../../../rules/test-cases.js';

/** Which part of the table a finding is about. */
export interface Placed {
  finding: Finding;
  /** Row index, when about a row. */
  row?: number;
  /** `in:<name>` or `out:<name>` when about a column or a cell; `annotation` for the row's legal basis. */
  column?: string;
}

/** The outcome of checking the table being edited. */
export interface CheckResult {
  /** The table as loaded from its YAML, when it loads (needed to run the tests). */
  loaded?: RuleTable;
  placed: Placed[];
  yaml: string;
}

/** Loads a table file (YAML or JSON text) for editing; throws {@link RuleTableError} when it cannot be read. */
export function openTable(text: string, fileName: string): RuleTable {
  return loadRuleTable(text, { fileName });
}

/** An empty table with one input, one output and one row. */
export function newTable(id: string): RuleTable {
  return {
    id, name: id, purpose: 'general', hitPolicy: 'UNIQUE', fileName: `${id}.yaml`,
    inputs: [{ name: 'input1', expression: 'input1', type: 'string' }],
    outputs: [{ name: 'output1', type: 'string' }],
    rows: [{ id: 'R1', inputEntries: ['-'], outputEntries: ['null'] }],
    tests: [],
  };
}

function place(table: RuleTable, f: Finding): Placed {
  const m = /\/rows\/(\d+)(?:\/(when|then|annotation)(?:\/([^/\s]+))?)?/.exec(f.path ?? '');
  const rowFromPath = m ? Number(m[1]) : undefined;
  const row = f.rowIndex ?? rowFromPath ?? (f.row ? table.rows.findIndex((r) => r.id === f.row) : undefined);
  const side = m?.[2] === 'then' ? 'out' : m?.[2] === 'when' ? 'in' : undefined;
  let column: string | undefined;
  if (m?.[2] === 'annotation' || f.code === 'missing-basis') column = 'annotation';
  else if (f.column) {
    const isIn = table.inputs.some((c) => c.name === f.column);
    const isOut = table.outputs.some((c) => c.name === f.column);
    column = `${side ?? (isIn && !isOut ? 'in' : isOut && !isIn ? 'out' : 'in')}:${f.column}`;
  } else if (side && m?.[3]) column = `${side}:${m[3]}`;
  return { finding: f, ...(row !== undefined && row >= 0 ? { row } : {}), ...(column ? { column } : {}) };
}

/** Checks the table as the CLI would, placing each finding. Never throws for a bad table. */
export function checkTable(table: RuleTable): CheckResult {
  const yaml = tableToYaml(table);
  try {
    const loaded = loadRuleTable(yaml, { fileName: table.fileName ?? `${table.id}.yaml` });
    return { loaded, yaml, placed: lintRuleTable(loaded).map((f) => place(loaded, f)) };
  } catch (e) {
    if (!(e instanceof RuleTableError)) throw e;
    return { yaml, placed: e.findings.map((f) => place(table, f)) };
  }
}

/** Runs the embedded test cases; a table that does not compile gives its findings instead. */
export async function runTests(result: CheckResult): Promise<{ results: TestCaseResult[]; problems: Finding[] }> {
  if (!result.loaded) return { results: [], problems: result.placed.map((p) => p.finding) };
  try {
    return { results: await runTableTests(compileRuleTable(result.loaded)), problems: [] };
  } catch (e) {
    if (e instanceof RuleTableError) return { results: [], problems: e.findings };
    throw e;
  }
}

/** Adds an input (`in`) or output (`out`) column; its cells start as `-` (inputs) or `null` (outputs). */
export function addColumn(table: RuleTable, side: 'in' | 'out', name: string, type: ValueType = 'string'): void {
  if (side === 'in') {
    table.inputs.push({ name, expression: name, type });
    for (const row of table.rows) row.inputEntries.push('-');
  } else {
    table.outputs.push({ name, type });
    for (const row of table.rows) row.outputEntries.push('null');
  }
}

/** Removes the column at `index` on one side, with its cells. */
export function removeColumn(table: RuleTable, side: 'in' | 'out', index: number): void {
  (side === 'in' ? table.inputs : table.outputs).splice(index, 1);
  for (const row of table.rows) (side === 'in' ? row.inputEntries : row.outputEntries).splice(index, 1);
}

/** Renames a column; an input whose expression was its name keeps following it. */
export function renameColumn(table: RuleTable, side: 'in' | 'out', index: number, name: string): void {
  if (side === 'in') {
    const col = table.inputs[index]!;
    if (col.expression === col.name) col.expression = name;
    col.name = name;
  } else table.outputs[index]!.name = name;
}

/** Appends a row that matches anything and outputs nulls, with a fresh id. */
export function addRow(table: RuleTable): void {
  const ids = new Set(table.rows.map((r) => r.id));
  let n = table.rows.length + 1;
  while (ids.has(`R${n}`)) n++;
  table.rows.push({ id: `R${n}`, inputEntries: table.inputs.map(() => '-'), outputEntries: table.outputs.map(() => 'null') });
}

/** Parses the comma-separated allowed values typed in a column header (numbers and booleans by the type). */
export function parseAllowed(text: string, type: ValueType): (string | number | boolean)[] | undefined {
  const parts = text.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
  if (!parts.length) return undefined;
  if (type === 'number') return parts.map(Number);
  if (type === 'boolean') return parts.map((p) => p === 'true');
  return parts;
}
