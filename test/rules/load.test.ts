import { describe, expect, it } from 'vitest';
import { RuleTableError, loadRuleTable } from '../../rules/index.js';

function failure(source: string | Uint8Array, fileName = 'table.yaml'): RuleTableError {
  try {
    loadRuleTable(source, { fileName });
  } catch (err) {
    if (err instanceof RuleTableError) return err;
    throw err;
  }
  throw new Error('expected the table to be refused');
}

const HEAD = `id: t\nname: t\nhitPolicy: U\ninputs: [{ name: age, type: number }]\noutputs: [{ name: ok, type: boolean }]\n`;

describe('loading rule-table files', () => {
  it('reads YAML and JSON into the same table', () => {
    const yaml = loadRuleTable(`${HEAD}rows:\n  - { id: a, when: { age: '>= 18' }, then: true, annotation: basis }\n`, { fileName: 't.yaml' });
    const json = loadRuleTable(JSON.stringify({
      id: 't', name: 't', hitPolicy: 'U', inputs: [{ name: 'age', type: 'number' }], outputs: [{ name: 'ok', type: 'boolean' }],
      rows: [{ id: 'a', when: ['>= 18'], then: [true], annotation: 'basis' }],
    }), { fileName: 't.json' });
    expect(json.rows).toEqual(yaml.rows.map(({ line: _line, ...r }) => r));
    expect(yaml.hitPolicy).toBe('UNIQUE');
    expect(yaml.rows[0]).toMatchObject({ inputEntries: ['>= 18'], outputEntries: ['true'], line: 7 });
  });

  it('reads letters C+ C# C< C> as COLLECT with an aggregation', () => {
    const t = loadRuleTable(`${HEAD.replace('hitPolicy: U', "hitPolicy: 'C#'")}rows: []\n`);
    expect([t.hitPolicy, t.aggregation]).toEqual(['COLLECT', 'COUNT']);
  });

  it('names the line of broken YAML', () => {
    const err = failure(`${HEAD}rows:\n  - { when: { age: '>= 18' }, then: true\n`);
    expect(err.findings[0]).toMatchObject({ code: 'syntax', file: 'table.yaml' });
    expect(err.findings[0]!.path).toMatch(/^\d+:\d+$/);
    expect(err.findings[0]!.messageCode).toMatch(/^YAML_SYNTAX/);
    expect(err.findings[0]!.params).toMatchObject({ file: 'table.yaml', line: err.findings[0]!.path!.split(':')[0], col: err.findings[0]!.path!.split(':')[1] });
    expect(err.message).toContain('table.yaml');
  });

  it('names the alias of a YAML alias without its anchor instead of failing', () => {
    // given a table whose row refers to an anchor that was never set (line 7 of the file)
    const err = failure(`${HEAD}rows:\n  - *missing\n`);
    // then it is one syntax finding at the alias, not an exception
    expect(err.findings).toHaveLength(1);
    expect(err.findings[0]).toMatchObject({ code: 'syntax', file: 'table.yaml', path: '7:5' });
    expect(err.findings[0]!.message).toContain('missing');
    expect(err.findings[0]).toMatchObject({ messageCode: 'YAML_ALIAS', params: { file: 'table.yaml', line: '7', col: '5' } });
  });

  it('explains YAML traps in cells with the row, the column and the fix', () => {
    const err = failure(`${HEAD}rows:\n  - { id: r1, when: { age: [10..20] }, then: true }\n`);
    expect(err.findings).toHaveLength(1);
    expect(err.findings[0]).toMatchObject({ code: 'cell', row: 'r1', column: 'age' });
    expect(err.findings[0]!.message).toContain("'[10..20]'");
    expect(err.findings[0]!.path).toMatch(/^7:\d+ \/rows\/0\/when\/age$/);
    expect(err.findings[0]).toMatchObject({ messageCode: 'CELL_READ_AS_LIST', params: { row: 'r1', rowNo: '1', column: 'age', columnLabel: 'age' } });
  });

  it('catches a >5 that YAML swallowed as an empty folded block', () => {
    const err = failure(`${HEAD}rows:\n  - id: r1\n    when:\n      age: >5\n    then: true\n`);
    expect(err.findings.map((f) => f.code)).toContain('cell');
    expect(err.findings.map((f) => f.messageCode)).toContain('CELL_SWALLOWED');
  });

  it('reports schema violations with their JSON path', () => {
    const err = failure(`id: t\nname: t\nhitPolicy: SOMETIMES\ninputs: [{ name: age, type: integer }]\noutputs: []\nrows: []\nextra: 1\n`);
    const byPath = Object.fromEntries(err.findings.map((f) => [f.path!.replace(/^\S+ /, ''), f.message]));
    expect(byPath['/hitPolicy']).toMatch(/must be one of/);
    expect(byPath['/inputs/0/type']).toMatch(/must be one of/);
    expect(byPath['/outputs']).toMatch(/fewer than 1|NOT have fewer/);
    expect(byPath['/']).toMatch(/unknown field 'extra'/);
    const coded = Object.fromEntries(err.findings.map((f) => [f.path!.replace(/^\d+:\d+ /, ''), [f.messageCode, f.params]]));
    expect(coded['/hitPolicy']).toEqual(['TABLE_VALUE_NOT_ALLOWED', expect.objectContaining({ path: '/hitPolicy' })]);
    expect(coded['/outputs']).toEqual(['TABLE_FIELD_INVALID', expect.objectContaining({ path: '/outputs', keyword: 'minItems', limit: '1' })]);
    expect(coded['/']).toEqual(['TABLE_FIELD_UNKNOWN', { path: '/', field: 'extra' }]);
  });

  it('refuses a cell for a column the table does not have, and duplicate row ids', () => {
    const err = failure(`${HEAD}rows:\n  - { id: a, when: { agee: '1' }, then: true }\n  - { id: a, when: {}, then: false }\n`);
    expect(err.findings.map((f) => f.code).sort()).toEqual(['duplicate-row', 'unknown-column']);
    expect(err.findings.find((f) => f.code === 'unknown-column')!.column).toBe('agee');
    expect(err.findings.find((f) => f.code === 'unknown-column')).toMatchObject({ messageCode: 'ROW_UNKNOWN_INPUT', params: expect.objectContaining({ column: 'agee', rowNo: expect.any(String) }) });
    expect(err.findings.find((f) => f.code === 'duplicate-row')).toMatchObject({ messageCode: 'DUPLICATE_ROW', params: expect.objectContaining({ row: expect.any(String), rowNo: expect.any(String) }) });
  });

  it('refuses text that is not UTF-8, naming the byte and line', () => {
    const gbk = Buffer.concat([Buffer.from(`${HEAD}rows: []\n# `), Buffer.from([0xd0, 0xed, 0xbf, 0xc9]) /* 许可 in GBK */]);
    const err = failure(gbk);
    expect(err.findings[0]).toMatchObject({ code: 'encoding', file: 'table.yaml', path: '7' });
    expect(err.findings[0]).toMatchObject({ messageCode: 'FILE_NOT_UTF8', params: { file: 'table.yaml', line: '7', byte: expect.stringMatching(/^\d+$/) } });
  });

  it('accepts UTF-8 with a BOM and UTF-16 with a BOM', () => {
    const text = `${HEAD}rows:\n  - { id: 许可, when: {}, then: true, annotation: 《行政许可法》第三十二条 }\n`;
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(loadRuleTable(bom).rows[0]!.annotation).toBe('《行政许可法》第三十二条');
    expect(loadRuleTable(utf16).rows[0]!.id).toBe('许可');
  });
});
