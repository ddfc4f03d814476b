/**
 * Cells against their column: unquoted strings (a bare word is a FEEL variable name, so `rented` is not
 * the string "rented" — DMN 1.3 §10.3.1.2), literals of the wrong type (a number test on a string input),
 * and literals outside the column's allowed values (DMN 1.3 §8.3.2 inputValues / outputValues).
 */
import type { Finding, Primitive, RuleTable, ValueType } from '../model.js';
import { parseLiteral, type Literal } from '../sfeel/literal.js';
import { parseUnaryTests, type PositiveTest } from '../sfeel/unary.js';
import type { LintRule } from './context.js';

function literalsOf(test: PositiveTest): Literal[] {
  if (test.kind === 'eq' || test.kind === 'cmp') return [test.lit];
  if (test.kind === 'range') return [test.lo, test.hi];
  return [];
}

function fits(lit: Literal, type: ValueType): boolean {
  return type === 'any' || lit.type === 'null' || lit.type === type;
}

function knownNames(table: RuleTable): Set<string> {
  const names = new Set<string>();
  for (const c of table.inputs) {
    names.add(c.name);
    names.add(c.expression.split('.')[0]!);
  }
  return names;
}

function allowedText(values: Primitive[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** Checks input cells. */
export const inputCellTypes: LintRule = (table, ctx) => {
  const findings: Finding[] = [];
  const names = knownNames(table);
  table.rows.forEach((row, r) => {
    row.inputEntries.forEach((cell, c) => {
      const column = table.inputs[c]!;
      const parsed = parseUnaryTests(cell);
      if (parsed.kind === 'any') return;
      for (const test of parsed.tests) {
        if (test.kind === 'feel' && test.bareName && !names.has(test.bareName)) {
          findings.push(ctx.at('unquoted-string', 'error',
            `'${cell}': ${test.bareName} is read as a variable name, not as text; write "${test.bareName}" (in YAML: '"${test.bareName}"')`, r, column.name,
            { code: 'CELL_UNQUOTED_TEXT', params: { cell, name: test.bareName } }));
          continue;
        }
        for (const lit of literalsOf(test)) {
          if (!fits(lit, column.type)) {
            findings.push(ctx.at('type-mismatch', 'error', `'${cell}' tests a ${lit.type} but the input is a ${column.type}`, r, column.name,
              { code: 'CELL_TYPE_MISMATCH', params: { cell, type: lit.type, columnType: column.type } }));
          } else if (test.kind === 'eq' && column.allowedValues && lit.type !== 'null' && !column.allowedValues.includes(lit.value as Primitive)) {
            findings.push(ctx.at('allowed-values', 'error', `'${cell}': ${JSON.stringify(lit.value)} is not an allowed value (${allowedText(column.allowedValues)})`, r, column.name,
              { code: 'CELL_VALUE_NOT_ALLOWED', params: { cell, value: JSON.stringify(lit.value), allowed: allowedText(column.allowedValues) } }));
          }
        }
      }
    });
  });
  return findings;
};

/** Checks output cells and defaults. */
export const outputCellTypes: LintRule = (table, ctx) => {
  const findings: Finding[] = [];
  const names = knownNames(table);
  const check = (cell: string, c: number, r: number | undefined) => {
    const column = table.outputs[c]!;
    const text = cell.trim();
    const lit = parseLiteral(text);
    if (!lit) {
      if (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(text) && !names.has(text)) {
        findings.push(ctx.at('unquoted-string', 'error', `'${cell}' is read as a variable name, not as text; write "${text}" (in YAML: '"${text}"')`, r, column.name,
          { code: r === undefined ? 'DEFAULT_UNQUOTED_TEXT' : 'OUTPUT_UNQUOTED_TEXT', params: { cell, name: text } }));
      }
      return;
    }
    if (!fits(lit, column.type)) {
      findings.push(ctx.at('type-mismatch', 'error', `'${cell}' is a ${lit.type} but the output is a ${column.type}`, r, column.name,
        { code: r === undefined ? 'DEFAULT_TYPE_MISMATCH' : 'OUTPUT_TYPE_MISMATCH', params: { cell, type: lit.type, columnType: column.type } }));
    } else if (column.allowedValues && lit.type !== 'null' && !column.allowedValues.includes(lit.value as Primitive)) {
      findings.push(ctx.at('allowed-values', 'error', `'${cell}' is not an allowed value (${allowedText(column.allowedValues)})`, r, column.name,
        { code: r === undefined ? 'DEFAULT_VALUE_NOT_ALLOWED' : 'OUTPUT_VALUE_NOT_ALLOWED', params: { cell, allowed: allowedText(column.allowedValues) } }));
    }
  };
  table.rows.forEach((row, r) => row.outputEntries.forEach((cell, c) => check(cell, c, r)));
  table.outputs.forEach((o, c) => o.default !== undefined && check(o.default, c, undefined));
  return findings;
};
