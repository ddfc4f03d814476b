/**
 * Loading a rule-table file: bytes → text (encoding checked) → YAML/JSON → friendly cell checks →
 * JSON Schema (ajv) → the normalised {@link RuleTable}. Every failure is a {@link RuleTableError} whose
 * findings name the file, the row and the field (with the line when the source is YAML).
 */
import { RuleTableError } from './errors.js';
import type { Aggregation, Finding, HitPolicy, InputColumn, OutputColumn, RuleTable, Row, TableTest } from './model.js';
import { decodeSource } from './load/decode.js';
import { parseSource } from './load/parse.js';
import { cellProblems } from './load/cells.js';
import { validateTableDocument } from './schema.js';
import { said } from './said.js';

/** Options for {@link loadRuleTable}. */
export interface LoadOptions {
  /** The file name, used in every message and to choose JSON or YAML. */
  fileName?: string;
}

const LETTERS: Record<string, [HitPolicy, Aggregation?]> = {
  U: ['UNIQUE'], A: ['ANY'], P: ['PRIORITY'], F: ['FIRST'], R: ['RULE ORDER'], O: ['OUTPUT ORDER'], C: ['COLLECT'],
  'C+': ['COLLECT', 'SUM'], 'C#': ['COLLECT', 'COUNT'], 'C<': ['COLLECT', 'MIN'], 'C>': ['COLLECT', 'MAX'],
};

type Doc = Record<string, any>;

function cellText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** Where a row is, as the parameters of a finding: its id and its number counted from 1. */
interface RowWhere {
  row: string;
  rowNo: number;
}

function entries(cells: unknown, columns: { name: string }[], rowPath: string, field: string, fileName: string, findings: Finding[], where: RowWhere): string[] {
  if (Array.isArray(cells)) {
    if (cells.length !== columns.length) {
      findings.push({ code: 'cell-count', severity: 'error', file: fileName, path: `${rowPath}/${field}`,
        message: `${field} has ${cells.length} cells but the table has ${columns.length} ${field === 'when' ? 'inputs' : 'outputs'}`,
        ...said(field === 'when' ? 'ROW_CONDITION_COUNT' : 'ROW_RESULT_COUNT', { ...where, cells: cells.length, columns: columns.length }) });
    }
    return columns.map((_, i) => (cells[i] === undefined ? '-' : cellText(cells[i])));
  }
  if (cells !== null && typeof cells === 'object') {
    const map = cells as Record<string, unknown>;
    for (const key of Object.keys(map)) {
      if (!columns.some((c) => c.name === key)) {
        findings.push({ code: 'unknown-column', severity: 'error', file: fileName, path: `${rowPath}/${field}/${key}`, column: key,
          message: `'${key}' is not one of the ${field === 'when' ? 'inputs' : 'outputs'} (${columns.map((c) => c.name).join(', ')})`,
          ...said(field === 'when' ? 'ROW_UNKNOWN_INPUT' : 'ROW_UNKNOWN_OUTPUT', { ...where, column: key, columns: columns.map((c) => c.name).join(', ') }) });
      }
    }
    // An input left out of `when` matches anything; an output left out of `then` is null.
    return columns.map((c) => (map[c.name] === undefined ? (field === 'when' ? '-' : 'null') : cellText(map[c.name])));
  }
  return columns.length === 1 ? [cellText(cells)] : columns.map(() => 'null');
}

/** Builds the normalised table from a schema-valid document. */
function normalise(doc: Doc, fileName: string, locate: (p: (string | number)[]) => string | undefined): RuleTable {
  const findings: Finding[] = [];
  const letter = LETTERS[doc.hitPolicy as string];
  const hitPolicy = letter ? letter[0] : (doc.hitPolicy as HitPolicy);
  const aggregation = (doc.aggregation as Aggregation | undefined) ?? letter?.[1];
  const inputs: InputColumn[] = (doc.inputs as Doc[]).map((c) => ({
    name: c.name, label: c.label, expression: c.expression ?? c.name, type: c.type, allowedValues: c.allowedValues, ...(c.unit ? { unit: c.unit } : {}),
  }));
  const outputs: OutputColumn[] = (doc.outputs as Doc[]).map((c) => ({
    name: c.name, label: c.label, type: c.type, allowedValues: c.allowedValues, ...(c.unit ? { unit: c.unit } : {}),
    default: c.default === undefined ? undefined : cellText(c.default),
  }));
  for (const [kind, cols] of [['inputs', inputs], ['outputs', outputs]] as const) {
    const seen = new Set<string>();
    cols.forEach((c, i) => {
      if (seen.has(c.name)) {
        findings.push({ code: 'duplicate-column', severity: 'error', file: fileName, path: `/${kind}/${i}/name`, column: c.name, message: `two ${kind} are named '${c.name}'`,
          ...said(kind === 'inputs' ? 'DUPLICATE_INPUT' : 'DUPLICATE_OUTPUT', { column: c.name, columnNo: i + 1 }) });
      }
      seen.add(c.name);
    });
  }
  const ids = new Set<string>();
  const rows: Row[] = (doc.rows as Doc[]).map((r, i) => {
    const id = (r.id as string | undefined) ?? `row-${i + 1}`;
    if (ids.has(id)) {
      findings.push({ code: 'duplicate-row', severity: 'error', file: fileName, path: `/rows/${i}/id`, row: id, rowIndex: i, message: `row id '${id}' is used twice`,
        ...said('DUPLICATE_ROW', { row: id, rowNo: i + 1 }) });
    }
    ids.add(id);
    const line = locate(['rows', i]);
    return {
      id,
      inputEntries: entries(r.when, inputs, `/rows/${i}`, 'when', fileName, findings, { row: id, rowNo: i + 1 }),
      outputEntries: entries(r.then, outputs, `/rows/${i}`, 'then', fileName, findings, { row: id, rowNo: i + 1 }),
      annotation: r.annotation,
      ...(r.text ? { text: r.text } : {}),
      line: line ? Number(line.split(':')[0]) : undefined,
    };
  });
  const tests: TableTest[] = ((doc.tests ?? []) as Doc[]).map((t, i) => ({
    name: t.name ?? `case ${i + 1}`, input: t.input, expect: t.expect, expectRows: t.expectRows,
  }));
  if (findings.length) {
    for (const f of findings) f.path = withLine(f.path, locate);
    throw new RuleTableError(`${fileName}: the table is not consistent`, findings.map((f) => ({ ...f, table: doc.id, params: { ...f.params, table: doc.id } })));
  }
  return {
    id: doc.id, name: doc.name, purpose: doc.purpose ?? 'general', description: doc.description,
    hitPolicy, aggregation, inputs, outputs, rows, tests, fileName,
  };
}

function withLine(path: string | undefined, locate: (p: (string | number)[]) => string | undefined): string | undefined {
  if (!path) return path;
  const segments = path.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const at = locate(segments);
  return at ? `${at} ${path}` : path;
}

/**
 * Loads a rule table from YAML or JSON text or bytes. Throws {@link RuleTableError} with findings for
 * encoding problems, syntax errors (with line:column), YAML traps in cells, and schema violations (with the
 * JSON path). The result is not linted: call `lintRuleTable` for the checks beyond the schema.
 */
export function loadRuleTable(source: string | Uint8Array, options: LoadOptions = {}): RuleTable {
  const fileName = options.fileName ?? '<table>';
  const text = decodeSource(source, fileName);
  const { doc, locate } = parseSource(text, fileName);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new RuleTableError(`${fileName}: a rule table must be a mapping with id, name, inputs, outputs and rows`, [
      { code: 'schema', severity: 'error', file: fileName, path: '/', message: 'a rule table must be a mapping with id, name, inputs, outputs and rows', ...said('TABLE_NOT_MAPPING', { file: fileName }) },
    ]);
  }
  const cells = cellProblems(doc as Doc);
  // A cell finding explains the schema errors on that cell and on the `when`/`then` holding it.
  const schema = validateTableDocument(doc).filter(
    (f) => !cells.some((c) => f.path && c.path && (f.path.startsWith(c.path) || c.path.startsWith(f.path + '/'))),
  );
  const findings = [...cells, ...schema];
  if (findings.length) {
    const tableId = typeof (doc as Doc).id === 'string' ? (doc as Doc).id : undefined;
    throw new RuleTableError(
      `${fileName}: the table does not follow the rule-table format`,
      findings.map((f) => ({ ...f, file: fileName, table: tableId, path: withLine(f.path, locate) })),
    );
  }
  return normalise(doc as Doc, fileName, locate);
}
