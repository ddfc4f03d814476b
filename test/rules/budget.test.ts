/**
 * Rule cells under the evaluation budget: what the cell's source shows is refused by the linter naming the
 * table, row and column; what only the input shows refuses the decision with a RuleBudgetError naming the
 * cell, in input cells (full-FEEL unary tests), output cells and input expressions alike.
 */
import { describe, expect, it } from 'vitest';
import { BudgetExceededError, DEFAULT_LIMITS } from '../../engine/expression/index.js';
import { compileRuleTable, lintRuleTable, RuleBudgetError, runTableTests } from '../../rules/index.js';
import { yamlTable } from './support/tables.js';

const table = (rows: string, inputs = '[{ name: n, type: number }, { name: L, type: any }]', tests = '') => yamlTable(`
id: hostile
name: hostile
purpose: general
hitPolicy: 'F'
inputs: ${inputs}
outputs: [{ name: out, type: any }]
rows:
${rows}
${tests}`);

async function refusal(promise: Promise<unknown>): Promise<RuleBudgetError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(RuleBudgetError);
  return err as RuleBudgetError;
}

describe('rule cells within the evaluation budget', () => {
  it('refuses at lint a comprehension of 2000 × 2000 in a cell, naming the table, row and column', () => {
    const findings = lintRuleTable(table(`
  - { id: ok, when: { n: '< 5' }, then: ['n * 2'] }
  - { id: grid, when: { n: 'count(for i in 1..2000, j in 1..2000 return 1) > 0' }, then: ['1'] }
  - { id: big, when: { n: '> 1' }, then: ['for i in 1..100000000 return i'] }`)).filter((f) => f.code === 'evaluation-budget');
    expect(findings.map((f) => [f.table, f.row, f.column, f.severity])).toEqual([
      ['hostile', 'grid', 'n', 'error'],
      ['hostile', 'big', 'out', 'error'],
    ]);
    expect(findings[0]!.message).toContain('4000000');
    expect(findings[0]).toMatchObject({ messageCode: 'CELL_OVER_BUDGET', params: expect.objectContaining({ column: findings[0]!.column, cell: expect.any(String), kind: expect.any(String) }) });
  });

  it('refuses at run time an input cell that the input makes exceed the budget, naming the cell', async () => {
    const compiled = compileRuleTable(table(`
  - { id: small, when: { n: '< 0' }, then: ['"negative"'] }
  - { id: counted, when: { n: 'count(for i in 1..? return i) > 0' }, then: ['"counted"'] }`));
    expect((await compiled.evaluate({ n: 3 })).result).toBe('counted');
    const started = Date.now();
    const err = await refusal(compiled.evaluate({ n: 100_000_000 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect([err.table, err.row, err.column, err.kind]).toEqual(['hostile', 'counted', 'n', 'list']);
    expect(err.message).toContain("table 'hostile', row 'counted', column 'n'");
  });

  it('refuses at run time an output cell that grows past the budget (not a silent null)', async () => {
    const compiled = compileRuleTable(table(`
  - { id: grow, when: { n: '> 0' }, then: ['(for i in 1..n return if i = 1 then "ab" else partial[-1] + partial[-1])[-1]'] }`));
    expect((await compiled.evaluate({ n: 3 })).result).toBe('abababab');
    const err = await refusal(compiled.evaluate({ n: 60 }));
    expect([err.row, err.column, err.kind]).toEqual(['grow', 'out', 'string']);
  });

  it('refuses an input expression and a list filter that the input makes too long', async () => {
    const compiled = compileRuleTable(table(`
  - { id: any, when: { total: '> 0' }, then: ['total'] }`, '[{ name: total, type: number, expression: "sum(for x in L, y in L return 1)" }]'));
    expect((await compiled.evaluate({ L: [1, 2, 3] })).result).toBe(9);
    const L = Array.from({ length: 1_000 }, (_, i) => i);
    const err = await refusal(compiled.evaluate({ L }));
    expect([err.column, err.kind]).toEqual(['total', 'iterations']);
  });

  it('evaluates within a budget handed in, and fails an embedded test that exceeds it', async () => {
    const compiled = compileRuleTable(table(`
  - { id: counted, when: { n: 'count(for i in 1..? return i) > 0' }, then: ['"counted"'] }`, undefined, `
tests:
  - { name: huge, input: { n: 50000 }, expect: 'counted' }`));
    const small = { limits: { ...DEFAULT_LIMITS, maxListLength: 10 } };
    await expect(compiled.evaluate({ n: 50 }, small)).rejects.toBeInstanceOf(BudgetExceededError);
    const [result] = await runTableTests(compiled);
    expect(result).toMatchObject({ name: 'huge', passed: false });
    expect(result!.problems[0]).toContain('exceeds the evaluation budget');
  });
});
