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
  });

  it('does not report rows that differ in a boolean column, or ANY rows with equal outputs', () => {
    expect(lint('U', `
  - { id: a, when: { online: 'true' }, then: [0] }
  - { id: b, when: { online: 'false' }, then: [1] }`)).toEqual([]);
    expect(codes(lint('A', `
  - { id: a, when: { age: '> 5' }, then: [1] }
  - { id: b, when: { age: '> 7' }, then: [1] }
  - { id: c, when: { age: '> 9' }, then: [2] }`))).toEqual(['any-conflict@c/', 'any-conflict@c/']);
  });

  it('finds bare words that FEEL would read as variable names', () => {
    const f = lint('C', `
  - { id: a, when: { premises: 'rented' }, then: [1] }
  - { id: b, when: { premises: '"owned"' }, then: ['fee_small'] }`);
    expect(codes(f)).toEqual(['unquoted-string@a/premises', 'unquoted-string@b/fee']);
    expect(f[0]!.message).toContain(`'"rented"'`);
  });

  it('finds type errors and values outside the allowed values', () => {
    expect(codes(lint('C', `
  - { id: a, when: { premises: '< 50' }, then: [1] }
  - { id: b, when: { age: '"old"' }, then: ['"x"'] }
  - { id: c, when: { premises: '"leased"' }, then: [1] }`))).toEqual([
      'type-mismatch@a/premises', 'type-mismatch@b/age', 'allowed-values@c/premises', 'type-mismatch@b/fee',
      'never-matches@a/premises', 'never-matches@c/premises',
    ]);
  });

  it('finds rows that can never match: empty intervals and rows shadowed under FIRST', () => {
    expect(codes(lint('F', `
  - { id: a, when: { age: '>= 18' }, then: [1] }
  - { id: b, when: { age: '[20..30]', online: 'true' }, then: [2] }
  - { id: c, when: { age: '[30..20]' }, then: [3] }
  - { id: d, when: { age: '< 18' }, then: [4] }`))).toEqual(['never-matches@c/age', 'shadowed-row@b/']);
  });

  it('checks purpose conventions and asks for the legal basis of each row', () => {
    const f = lint('U', `
  - { id: a, when: {}, then: [1] }`, 'materials');
    expect(codes(f)).toEqual([
      'purpose-convention@/', 'purpose-convention@/material', 'purpose-convention@/name', 'purpose-convention@/form',
      'purpose-convention@/copies', 'missing-basis@a/',
    ]);
    expect(f.find((x) => x.code === 'missing-basis')!.severity).toBe('warning');
  });

  it('refuses a table of a retired purpose, saying where its concept lives now', () => {
    const findings = validateTableDocument({ id: 'd', name: 'd', purpose: 'deadlines', hitPolicy: 'UNIQUE', inputs: [], outputs: [{ name: 'statutoryLimit', type: 'number' }], rows: [] });
    expect(findings).toEqual([expect.objectContaining({ code: 'schema', path: '/purpose', message: expect.stringMatching(/^the purpose 'deadlines' is retired: .*statutoryLimit, promisedLimit/) })]);
    expect(validateTableDocument({ id: 'l', name: 'l', purpose: 'lights', hitPolicy: 'FIRST', inputs: [], outputs: [{ name: 'light', type: 'string' }], rows: [] })[0]!.message).toMatch(/locality settings/);
  });

  it('calls a purpose named like an inherited member of an object unknown, not retired', () => {
    const [finding] = validateTableDocument({ id: 't', name: 't', purpose: 'toString', hitPolicy: 'FIRST', inputs: [], outputs: [{ name: 'x', type: 'string' }], rows: [] });
    expect(finding).toEqual(expect.objectContaining({ code: 'schema', path: '/purpose' }));
    expect(finding!.message).not.toMatch(/retired/);
  });
});
