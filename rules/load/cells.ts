/**
 * Friendly checks of cells before the schema: YAML silently turns some S-FEEL into other things
 * (`[10..20]` becomes a list, `-` or an empty value becomes null, `>5` becomes an empty folded block).
 * Each finding says which row and column, and how to write the cell.
 */
import type { Finding } from '../model.js';

type Doc = Record<string, any>;

function describe(value: unknown): string | undefined {
  if (value === null || value === undefined) return `the cell is empty (YAML reads a bare '-' as empty); write '-' in quotes to match anything`;
  if (Array.isArray(value)) return `YAML read this cell as a list ${JSON.stringify(value)}; an interval must be quoted, e.g. '[10..20]'`;
  if (typeof value === 'object') return `YAML read this cell as a mapping; quote the cell text`;
  if (value === '') return `the cell is empty; if you wrote >5 or >=5 without quotes YAML swallowed it — write '>= 5'`;
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
        findings.push({ code: 'cell', severity: 'error', row: rowId, rowIndex: i, column, path: `/rows/${i}/${field}/${key}`, message: problem });
      }
    }
  });
  return findings;
}

function columnName(doc: Doc, field: 'when' | 'then', index: number): string | undefined {
  const cols = doc[field === 'when' ? 'inputs' : 'outputs'];
  return Array.isArray(cols) && cols[index] && typeof cols[index].name === 'string' ? cols[index].name : undefined;
}
