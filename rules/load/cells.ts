/**
 * Friendly checks of cells before the schema: YAML silently turns some S-FEEL into other things
 * (`[10..20]` becomes a list, `-` or an empty value becomes null, `>5` becomes an empty folded block).
 * Each finding says which row and column, and how to write the cell.
 */
import type { Finding } from '../model.js';
import { said } from '../said.js';

type Doc = Record<string, any>;

/** What YAML made of a cell, as a sentence and its message code, or undefined for a cell that is text. */
function describe(value: unknown): { message: string; messageCode: string; value?: string } | undefined {
  if (value === null || value === undefined) return { messageCode: 'CELL_EMPTY', message: `the cell is empty (YAML reads a bare '-' as empty); write '-' in quotes to match anything` };
  if (Array.isArray(value)) return { messageCode: 'CELL_READ_AS_LIST', value: JSON.stringify(value), message: `YAML read this cell as a list ${JSON.stringify(value)}; an interval must be quoted, e.g. '[10..20]'` };
  if (typeof value === 'object') return { messageCode: 'CELL_READ_AS_MAPPING', message: `YAML read this cell as a mapping; quote the cell text` };
  if (value === '') return { messageCode: 'CELL_SWALLOWED', message: `the cell is empty; if you wrote >5 or >=5 without quotes YAML swallowed it — write '>= 5'` };
  return undefined;
}

/** Returns findings for cells that YAML has turned into something that is not S-FEEL text. */
export function cellProblems(doc: Doc): Finding[] {
  const findings: Finding[] = [];
  const rows = Array.isArray(doc.rows) ? (doc.rows as unknown[]) : [];
  rows.forEach((row, i) => {
    if (row === null || typeof row !== 'object') return;
    const r = row as Doc;
    const rowId = typeof r.id === 'string' ? r.id : `row-${i + 1}`;
    for (const field of ['when', 'then'] as const) {
      const cells = r[field];
      if (field === 'then' && (cells === null || typeof cells !== 'object')) continue;
      if (cells === null || typeof cells !== 'object') continue;
      const pairs: [string, unknown][] = Array.isArray(cells)
        ? cells.map((v, k) => [String(k), v])
        : Object.entries(cells as Doc);
      for (const [key, value] of pairs) {
        const problem = describe(value);
        if (!problem) continue;
        const column = Array.isArray(cells) ? columnName(doc, field, Number(key)) : key;
        findings.push({
          code: 'cell', severity: 'error', row: rowId, rowIndex: i, column, path: `/rows/${i}/${field}/${key}`, message: problem.message,
          ...said(problem.messageCode, { row: rowId, rowNo: i + 1, column: column ?? key, columnLabel: columnLabelOf(doc, field, column ?? key), value: problem.value }),
        });
      }
    }
  });
  return findings;
}

/** The label of a column of the raw document (or its name), for the dictionaries. */
function columnLabelOf(doc: Doc, field: 'when' | 'then', name: string): string {
  const cols = doc[field === 'when' ? 'inputs' : 'outputs'];
  const col = Array.isArray(cols) ? (cols as unknown[]).find((c): c is Doc => !!c && typeof c === 'object' && (c as Doc).name === name) : undefined;
  return typeof col?.label === 'string' && col.label.trim() ? col.label.trim() : name;
}

function columnName(doc: Doc, field: 'when' | 'then', index: number): string | undefined {
  const cols = doc[field === 'when' ? 'inputs' : 'outputs'];
  return Array.isArray(cols) && cols[index] && typeof cols[index].name === 'string' ? cols[index].name : undefined;
}
