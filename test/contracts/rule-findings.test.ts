/**
 * Every rule-table finding code has a text in Chinese and in English that fills each of its placeholders, and
 * the findings the loader and the linter really produce carry a code with such a text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RULE_FINDING_CODES, RULE_FINDING_PARAMS, ruleFindingText, ruleRefusalBody, tablePathWords, type RuleFindingCode,
} from '../../contracts/messages/index.js';
import { lintRuleTable, loadRuleTable, RuleTableError, type Finding } from '../../rules/index.js';
import { repoDir } from '../support/shared.js';

/** A plausible value for each parameter a text may name. */
const SAMPLE: Record<string, string> = {
  file: 'acceptance.yaml', byte: '17', line: '3', col: '5', detail: 'unexpected token', path: '/rows/2/when/age', field: 'then',
  allowed: '"rented", "owned"', keyword: 'minLength', limit: '1', purpose: 'deadlines', row: 'AC3', rowNo: '3', column: 'applicantKind',
  columnLabel: '申请人类型', value: '"shared"', cells: '2', columns: '3', columnNo: '2', cell: 'rented', name: 'rented', kind: 'iterations',
  type: 'number', columnType: 'string', hitPolicies: 'COLLECT, RULE ORDER', hitPolicy: 'UNIQUE', aggregation: 'SUM', otherRow: 'AC1',
  otherRowNo: '1', test: '个人申请', expectedRow: 'AC9', input: 'area', problems: 'expected true but got false', existing: 'rules/a.yaml', decision: 'fee-table', decisions: '收费 (fees), 材料 (materials)', expected: '{"fee":1}', got: 'null',
};

const unfilled = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
const CJK = /[\u4e00-\u9fff]/;

describe('the rule-finding dictionaries', () => {
  it.each(RULE_FINDING_CODES)('%s has a text in both languages with every placeholder filled', (code: RuleFindingCode) => {
    const params = Object.fromEntries(RULE_FINDING_PARAMS[code].map((p) => [p, SAMPLE[p] ?? `<${p}>`]));
    for (const p of RULE_FINDING_PARAMS[code]) expect(SAMPLE[p], `a sample for '${p}'`).toBeDefined();
    const zh = ruleFindingText(code, params, 'zh-CN');
    const en = ruleFindingText(code, params, 'en');
    expect(zh, 'zh-CN').toBeTypeOf('string');
    expect(en, 'en').toBeTypeOf('string');
    expect(unfilled(zh!), zh).toEqual([]);
    expect(unfilled(en!), en).toEqual([]);
    // With every parameter a text may name, optional ones too: nothing unfilled, no bracket of a segment left.
    for (const language of ['zh-CN', 'en'] as const) {
      const full = ruleFindingText(code, SAMPLE, language)!;
      expect(unfilled(full), full).toEqual([]);
      expect(full.replace("'[10..20]'", ''), full).not.toMatch(/[[\]]/);
    }
    expect(zh).toMatch(CJK);
    expect(zh).not.toMatch(/[[\]]$|\[\]/);
    // English is English: no Chinese but what the parameters bring (a column's label, a test's name) and 法律依据.
    const own = Object.values(params).reduce((text, v) => text.split(v).join(''), en!).replace('法律依据', '');
    expect(own).not.toMatch(CJK);
  });

  it('has a text for every message code the rule tables give a finding, and none that no finding has', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
    const sources = [...files(path.join(repoDir, 'rules')), path.join(repoDir, 'definitions/items/package-rules.ts')];
    const given = new Set<string>();
    for (const file of sources) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!/said\(|\bcode: |messageCode: /.test(line)) continue;
        for (const m of line.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) given.add(m[1]!);
      }
    }
    expect(given.size).toBeGreaterThan(40);
    expect([...given].filter((code) => !(RULE_FINDING_CODES as string[]).includes(code)), 'codes without a text').toEqual([]);
    expect(RULE_FINDING_CODES.filter((code) => !given.has(code)), 'texts of no finding').toEqual([]);
  });

  it('has no text for a code it does not know, and words a table path', () => {
    expect(ruleFindingText('NO_SUCH_CODE', {}, 'zh-CN')).toBeUndefined();
    expect(ruleFindingText(undefined, {}, 'en')).toBeUndefined();
    expect(tablePathWords('/rows/2/when/age')).toBe('第3行“age”列');
    expect(tablePathWords('12:3 /inputs/0/type', 'en')).toBe("input #1, 'type'");
    expect(tablePathWords('/')).toBeUndefined();
  });

  it('words a refused table by its first error in Chinese, and leaves English as written', () => {
    const body = {
      code: 'RULE_TABLE_INVALID', message: 'Expected a valid rule table, but 1 finding(s) refuse it',
      details: { findings: [{ code: 'missing-basis', severity: 'error', message: 'the row has no annotation', messageCode: 'ROW_NO_BASIS', params: { row: 'M1', rowNo: '1' } }] },
    };
    const zh = ruleRefusalBody(body, 'zh-CN');
    expect(zh.message).toBe('决策表有问题，不能保存：第1行没有填写法律依据，请注明依据的法律法规条款');
    expect((zh.details!.findings as Array<{ message: string }>)[0]!.message).toBe('第1行没有填写法律依据，请注明依据的法律法规条款');
    const en = ruleRefusalBody(body, 'en');
    expect(en.message).toBe(body.message);
    expect((en.details!.findings as Array<{ message: string }>)[0]!.message).toBe('row #1 has no annotation; cite its legal basis (法律依据)');
  });
});

/** The findings of loading `text`, or of linting it when it loads. */
function findingsOf(text: string, fileName = 'bad.yaml'): Finding[] {
  try {
    return lintRuleTable(loadRuleTable(text, { fileName }));
  } catch (e) {
    if (e instanceof RuleTableError) return e.findings;
    throw e;
  }
}

const BAD_TABLES: Record<string, string> = {
  lint: `
id: t
name: t
purpose: acceptance
hitPolicy: U
inputs:
  - { name: kind, label: 申请人类型, type: string, allowedValues: [person, company] }
  - { name: age, type: number }
outputs: [{ name: ok, type: boolean, default: maybe }]
rows:
  - { id: a, when: { kind: person, age: '[20..10]' }, then: [true] }
  - { id: b, when: { kind: '"robot"', age: '"old"' }, then: ['"yes"'] }
  - { id: c, when: { age: '>= 18' }, then: [true], annotation: 法 }
  - { id: d, when: { age: '>= 20' }, then: [true], annotation: 法 }
tests:
  - { name: t1, input: { size: 1 } }
  - { name: t2, input: {}, expectRows: [zz] }
`,
  load: `
id: t
name: t
hitPolicy: U
inputs: [{ name: a, type: string }, { name: a, type: string }]
outputs: [{ name: o, type: string }]
rows:
  - { id: r, when: ['"x"'], then: { o: '"y"', p: '"z"' } }
  - { id: r, when: ['"x"', '"y"'], then: ['"y"'] }
`,
  cells: `
id: t
name: t
hitPolicy: U
inputs: [{ name: a, type: string }, { name: b, label: 面积, type: number }, { name: c, type: number }, { name: d, type: string }]
outputs: [{ name: o, type: string }]
rows:
  - id: r
    when:
      a:
      b: [10..20]
      c: >5
      d: { x: 1 }
    then: ['"y"']
`,
  schema: `
id: t
purpose: deadlines
hitPolicy: Q
inputs: []
outputs: [{ name: o, type: string, extra: 1 }]
rows: []
`,
  yaml: 'id: t\nrows:\n  - when: { a: >5 }\n  - [\n',
  list: '- a\n- b\n',
};

describe('the rule-table findings worded by code', () => {
  it.each(Object.entries(BAD_TABLES))('%s: every finding has a code with a text in both languages, every placeholder filled', (_name, text) => {
    const findings = findingsOf(text);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(RULE_FINDING_CODES, `${f.code}: ${f.message}`).toContain(f.messageCode);
      for (const language of ['zh-CN', 'en'] as const) {
        const worded = ruleFindingText(f.messageCode, f.params, language)!;
        expect(unfilled(worded), `${f.messageCode} ${JSON.stringify(f.params)}: ${worded}`).toEqual([]);
      }
    }
  });
});
