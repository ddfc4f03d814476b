import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addColumn, addRow, checkTable, newTable, openTable, parseAllowed, removeColumn, renameColumn, runTests,
} from '../../modeler/src/rules/table-state.js';
import { repoDir } from '../support/shared.js';
import { ruleFindingMessage } from '../../contracts/messages/index.js';

const example = (name: string) => readFileSync(path.join(repoDir, 'rules/examples/food-licence', name), 'utf8');

describe('the rule-table editor model', () => {
  it('finds nothing wrong with the food licence acceptance table and passes its embedded tests', async () => {
    const check = checkTable(openTable(example('acceptance.yaml'), 'acceptance.yaml'));
    expect(check.placed.filter((p) => p.finding.severity === 'error')).toEqual([]);
    const run = await runTests(check);
    expect(run.results.length).toBeGreaterThan(3);
    expect(run.results.every((r) => r.passed)).toBe(true);
  });

  it('places a lint finding on the cell it is about', () => {
    const table = openTable(example('acceptance.yaml'), 'acceptance.yaml');
    const row = table.rows.findIndex((r) => r.id === 'AC1-KIND');
    const col = table.inputs.findIndex((c) => c.name === 'applicantKind');
    table.rows[row]!.inputEntries[col] = 'NATURAL_PERSON';
    const placed = checkTable(table).placed.filter((p) => p.finding.code === 'unquoted-string');
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ row, column: 'in:applicantKind' });
    // The editor words it from its code: the row's number and the column's label, in Chinese.
    expect(placed[0]!.finding).toMatchObject({ messageCode: 'CELL_UNQUOTED_TEXT', params: { row: 'AC1-KIND', rowNo: String(row + 1), column: 'applicantKind', columnLabel: '申请人类型', cell: 'NATURAL_PERSON' } });
    expect(ruleFindingMessage(placed[0]!.finding)).toBe(`第${row + 1}行“申请人类型”列的条件“NATURAL_PERSON”中，NATURAL_PERSON 会被当作变量名而不是文字；请写成 "NATURAL_PERSON"（YAML 中写 '"NATURAL_PERSON"'）`);
  });

  it('places a load finding (schema, YAML) on its row and column when the table no longer loads', () => {
    const table = newTable('t');
    table.rows[0]!.outputEntries[0] = '';
    table.rows.push({ ...table.rows[0]!, inputEntries: ['-'], outputEntries: ['"x"'] });
    const check = checkTable(table);
    expect(check.loaded).toBeUndefined();
    expect(check.placed.some((p) => p.finding.code === 'duplicate-row' && p.row === 1)).toBe(true);
  });

  it('runs changed rows against the embedded tests and reports the failures', async () => {
    const table = openTable(example('acceptance.yaml'), 'acceptance.yaml');
    table.rows[0]!.inputEntries[0] = 'false';
    const run = await runTests(checkTable(table));
    const failed = run.results.filter((r) => !r.passed);
    expect(failed.map((r) => r.name)).toContain('selling only prepackaged food needs a filing, not a licence');
    expect(failed[0]!.problems.join()).toMatch(/expected/);
    expect(failed[0]!.reasons[0]).toMatchObject({ messageCode: 'TEST_RESULT_DIFFERS', params: { test: failed[0]!.name, expected: expect.any(String), got: expect.any(String) } });
    expect(ruleFindingMessage(failed[0]!.reasons[0]!)).toMatch(/^期望结果为 .+，实际结果为 /);
  });

  it('adds, renames and removes columns and rows, keeping every row as wide as the columns', () => {
    const table = newTable('t');
    addColumn(table, 'in', 'age', 'number');
    addColumn(table, 'out', 'fee', 'number');
    addRow(table);
    renameColumn(table, 'in', 1, 'applicantAge');
    expect(table.inputs[1]).toMatchObject({ name: 'applicantAge', expression: 'applicantAge', type: 'number' });
    expect(table.rows.map((r) => [r.id, r.inputEntries.length, r.outputEntries.length])).toEqual([['R1', 2, 2], ['R2', 2, 2]]);
    removeColumn(table, 'in', 0);
    expect(table.rows[1]!.inputEntries).toEqual(['-']);
    expect(checkTable(table).yaml).toContain("name: 'applicantAge'");
  });

  it('reads typed allowed values from a comma-separated header field, Chinese comma included', () => {
    expect(parseAllowed('1, 2，3', 'number')).toEqual([1, 2, 3]);
    expect(parseAllowed('true,false', 'boolean')).toEqual([true, false]);
    expect(parseAllowed('  ', 'string')).toBeUndefined();
  });
});
