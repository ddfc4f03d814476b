import { describe, expect, it } from 'vitest';
import { validateTableDocument } from '../../rules/schema.js';
import { lintRuleTable, type Finding } from '../../rules/index.js';
import { yamlTable } from './support/tables.js';

function lint(hitPolicy: string, rows: string, purpose = 'general'): Finding[] {
  return lintRuleTable(yamlTable(`
id: t
name: t
purpose: ${purpose}
hitPolicy: '${hitPolicy}'
inputs:
  - { name: age, type: number }
  - { name: premises, type: string, allowedValues: [rented, owned, shared] }
  - { name: online, type: boolean }
outputs: [{ name: fee, type: number }]
rows:
${rows}
`));
}

const codes = (f: Finding[]) => f.map((x) => `${x.code}@${x.row ?? ''}/${x.column ?? ''}`);
/** The message codes of the findings, in order. */
const said = (f: Finding[]) => f.map((x) => x.messageCode);

describe('the rule-table linter', () => {
  it('passes a clean UNIQUE table', () => {
    expect(lint('U', `
  - { id: a, when: { age: '< 18' }, then: [0] }
  - { id: b, when: { age: '[18..60)', premises: '"rented"' }, then: [1] }
  - { id: c, when: { age: '[18..60)', premises: 'not("rented")' }, then: [2] }
  - { id: d, when: { age: '>= 60' }, then: [3] }`)).toEqual([]);
  });

  it('finds overlapping rows of a UNIQUE table and says where they meet', () => {
    const f = lint('U', `
  - { id: a, when: { age: '[10..20]', premises: '"rented", "owned"' }, then: [0] }
  - { id: b, when: { age: '>= 20', premises: 'not("owned")' }, then: [1] }
  - { id: c, when: { age: '< 10' }, then: [2] }`);
    expect(codes(f)).toEqual(['unique-overlap@b/']);
    expect(f[0]!.message).toBe(`rows 'a' (#1) and 'b' (#2) can both match when age is 20 and premises is "rented"`);
    expect(f[0]).toMatchObject({
      messageCode: 'ROWS_OVERLAP',
      params: { table: 't', row: 'b', rowNo: '2', otherRow: 'a', otherRowNo: '1', when: 'age: 20; premises: "rented"' },
    });
  });

  it('does not report rows that differ in a boolean column, or ANY rows with equal outputs', () => {
    expect(lint('U', `
  - { id: a, when: { online: 'true' }, then: [0] }
  - { id: b, when: { online: 'false' }, then: [1] }`)).toEqual([]);
    expect(codes(lint('A', `
  - { id: a, when: { age: '> 5' }, then: [1] }
  - { id: b, when: { age: '> 7' }, then: [1] }
  - { id: c, when: { age: '> 9' }, then: [2] }`))).toEqual(['any-conflict@c/', 'any-conflict@c/']);
    const conflicts = lint('A', `
  - { id: a, when: { age: '> 5' }, then: [1] }
  - { id: c, when: { age: '> 9' }, then: [2] }`);
    expect(conflicts).toEqual([expect.objectContaining({ messageCode: 'ROWS_CONFLICT', params: expect.objectContaining({ row: 'c', rowNo: '2', otherRow: 'a', otherRowNo: '1' }) })]);
  });

  it('finds bare words that FEEL would read as variable names', () => {
    const f = lint('C', `
  - { id: a, when: { premises: 'rented' }, then: [1] }
  - { id: b, when: { premises: '"owned"' }, then: ['fee_small'] }`);
    expect(codes(f)).toEqual(['unquoted-string@a/premises', 'unquoted-string@b/fee']);
    expect(f[0]!.message).toContain(`'"rented"'`);
    expect(f.map((x) => [x.messageCode, x.params])).toEqual([
      ['CELL_UNQUOTED_TEXT', { table: 't', row: 'a', rowNo: '1', column: 'premises', columnLabel: 'premises', cell: 'rented', name: 'rented' }],
      ['OUTPUT_UNQUOTED_TEXT', { table: 't', row: 'b', rowNo: '2', column: 'fee', columnLabel: 'fee', cell: 'fee_small', name: 'fee_small' }],
    ]);
  });

  it('finds type errors and values outside the allowed values', () => {
    const f = lint('C', `
  - { id: a, when: { premises: '< 50' }, then: [1] }
  - { id: b, when: { age: '"old"' }, then: ['"x"'] }
  - { id: c, when: { premises: '"leased"' }, then: [1] }`);
    expect(codes(f)).toEqual([
      'type-mismatch@a/premises', 'type-mismatch@b/age', 'allowed-values@c/premises', 'type-mismatch@b/fee',
      'never-matches@a/premises', 'never-matches@c/premises',
    ]);
    expect(said(f)).toEqual([
      'CELL_TYPE_MISMATCH', 'CELL_TYPE_MISMATCH', 'CELL_VALUE_NOT_ALLOWED', 'OUTPUT_TYPE_MISMATCH', 'CELL_MATCHES_NOTHING', 'CELL_MATCHES_NOTHING',
    ]);
    expect(f[0]!.params).toMatchObject({ row: 'a', rowNo: '1', column: 'premises', cell: '< 50', type: 'number', columnType: 'string' });
    expect(f[2]!.params).toMatchObject({ row: 'c', rowNo: '3', cell: '"leased"', value: '"leased"', allowed: '"rented", "owned", "shared"' });
    expect(f[3]!.params).toMatchObject({ row: 'b', column: 'fee', cell: '"x"', type: 'string', columnType: 'number' });
    expect(f[5]!.params).toMatchObject({ row: 'c', rowNo: '3', column: 'premises', cell: '"leased"' });
  });

  it('names a column by its label and a default output by its column, without a row', () => {
    const f = lintRuleTable(yamlTable(`
id: t
name: t
hitPolicy: C
inputs: [{ name: kind, label: 申请人类型, type: string }]
outputs: [{ name: fee, type: number, default: '"free"' }]
rows:
  - { id: a, when: { kind: person }, then: [1] }
`));
    expect(f.map((x) => [x.messageCode, x.params])).toEqual([
      ['CELL_UNQUOTED_TEXT', { table: 't', row: 'a', rowNo: '1', column: 'kind', columnLabel: '申请人类型', cell: 'person', name: 'person' }],
      ['DEFAULT_TYPE_MISMATCH', { table: 't', column: 'fee', columnLabel: 'fee', cell: '"free"', type: 'string', columnType: 'number' }],
    ]);
  });

  it('finds rows that can never match: empty intervals and rows shadowed under FIRST', () => {
    expect(codes(lint('F', `
  - { id: a, when: { age: '>= 18' }, then: [1] }
  - { id: b, when: { age: '[20..30]', online: 'true' }, then: [2] }
  - { id: c, when: { age: '[30..20]' }, then: [3] }
  - { id: d, when: { age: '< 18' }, then: [4] }`))).toEqual(['never-matches@c/age', 'shadowed-row@b/']);
    expect(lint('F', `
  - { id: a, when: { age: '>= 18' }, then: [1] }
  - { id: b, when: { age: '[20..30]', online: 'true' }, then: [2] }
  - { id: c, when: { age: '[30..20]' }, then: [3] }`).map((x) => [x.messageCode, x.params])).toEqual([
      ['CELL_MATCHES_NOTHING', { table: 't', row: 'c', rowNo: '3', column: 'age', columnLabel: 'age', cell: '[30..20]' }],
      ['ROW_SHADOWED', { table: 't', row: 'b', rowNo: '2', otherRow: 'a', otherRowNo: '1' }],
    ]);
  });

  it('checks purpose conventions and asks for the legal basis of each row', () => {
    const f = lint('U', `
  - { id: a, when: {}, then: [1] }`, 'materials');
    expect(codes(f)).toEqual([
      'purpose-convention@/', 'purpose-convention@/material', 'purpose-convention@/name', 'purpose-convention@/form',
      'purpose-convention@/copies', 'missing-basis@a/',
    ]);
    expect(f.find((x) => x.code === 'missing-basis')!.severity).toBe('warning');
    expect(f.map((x) => [x.messageCode, x.params])).toEqual([
      ['PURPOSE_HIT_POLICY', { table: 't', purpose: 'materials', hitPolicies: 'COLLECT, RULE ORDER', hitPolicy: 'UNIQUE' }],
      ['PURPOSE_OUTPUT_MISSING', { table: 't', column: 'material', columnLabel: 'material', purpose: 'materials', columnType: 'string' }],
      ['PURPOSE_OUTPUT_MISSING', { table: 't', column: 'name', columnLabel: 'name', purpose: 'materials', columnType: 'string' }],
      ['PURPOSE_OUTPUT_MISSING', { table: 't', column: 'form', columnLabel: 'form', purpose: 'materials', columnType: 'string' }],
      ['PURPOSE_OUTPUT_MISSING', { table: 't', column: 'copies', columnLabel: 'copies', purpose: 'materials', columnType: 'number' }],
      ['ROW_NO_BASIS', { table: 't', row: 'a', rowNo: '1' }],
    ]);
  });

  it('refuses a table of a retired purpose, saying where its concept lives now', () => {
    const findings = validateTableDocument({ id: 'd', name: 'd', purpose: 'deadlines', hitPolicy: 'UNIQUE', inputs: [], outputs: [{ name: 'statutoryLimit', type: 'number' }], rows: [] });
    expect(findings).toEqual([expect.objectContaining({ code: 'schema', path: '/purpose', message: expect.stringMatching(/^the purpose 'deadlines' is retired: .*statutoryLimit, promisedLimit/) })]);
    expect(findings[0]).toMatchObject({ messageCode: 'TABLE_PURPOSE_RETIRED', params: { path: '/purpose', purpose: 'deadlines' } });
    expect(validateTableDocument({ id: 'l', name: 'l', purpose: 'lights', hitPolicy: 'FIRST', inputs: [], outputs: [{ name: 'light', type: 'string' }], rows: [] })[0]!.message).toMatch(/locality settings/);
  });

  it('calls a purpose named like an inherited member of an object unknown, not retired', () => {
    const [finding] = validateTableDocument({ id: 't', name: 't', purpose: 'toString', hitPolicy: 'FIRST', inputs: [], outputs: [{ name: 'x', type: 'string' }], rows: [] });
    expect(finding).toEqual(expect.objectContaining({ code: 'schema', path: '/purpose' }));
    expect(finding!.message).not.toMatch(/retired/);
    expect(finding).toMatchObject({ messageCode: 'TABLE_VALUE_NOT_ALLOWED', params: { path: '/purpose' } });
  });

  it('finds embedded tests that cannot be right, naming the test and what it names', () => {
    const f = lintRuleTable(yamlTable(`
id: t
name: t
hitPolicy: C
inputs: [{ name: age, type: number }]
outputs: [{ name: fee, type: number }]
rows:
  - { id: a, when: { age: '> 1' }, then: [1], annotation: 法 }
tests:
  - { name: 成年人, input: { age: 30, area: 5 }, expectRows: [zz] }
  - { name: 无期望, input: { age: 3 } }
`));
    expect(f.map((x) => [x.code, x.messageCode, x.params])).toEqual([
      ['test-unknown-row', 'TEST_UNKNOWN_ROW', { table: 't', test: '成年人', expectedRow: 'zz' }],
      ['test-unknown-input', 'TEST_UNKNOWN_INPUT', { table: 't', test: '成年人', input: 'area' }],
      ['test-no-expectation', 'TEST_NO_EXPECTATION', { table: 't', test: '无期望' }],
    ]);
  });

  it('names the cell and column of a syntax error', () => {
    const [finding] = lint('C', `
  - { id: a, when: { age: '1 +' }, then: [1], annotation: 法 }`);
    expect(finding).toMatchObject({ code: 'syntax', messageCode: 'CELL_TEST_SYNTAX', params: { row: 'a', rowNo: '1', column: 'age', cell: '1 +' } });
    expect(finding!.params!.detail).toBeTypeOf('string');
  });
});
