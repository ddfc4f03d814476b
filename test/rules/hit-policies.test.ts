import { describe, expect, it } from 'vitest';
import { compileRuleTable } from '../../rules/index.js';
import { yamlTable } from './support/tables.js';

/** A table over one number input whose rows overlap, under the given hit policy. */
function table(hitPolicy: string, outputs = `[{ name: grade, type: string, allowedValues: [A, B, C] }]`, extra = '') {
  return compileRuleTable(yamlTable(`
id: t
name: grades
hitPolicy: '${hitPolicy}'
${extra}
inputs: [{ name: score, type: number }]
outputs: ${outputs}
rows:
  - { id: r1, when: { score: '>= 50' }, then: ['"C"'] }
  - { id: r2, when: { score: '>= 70' }, then: ['"B"'] }
  - { id: r3, when: { score: '>= 90' }, then: ['"A"'] }
  - { id: r4, when: { score: '< 0' }, then: ['"C"'] }
`));
}

describe('hit policies (DMN 1.3 §8.2.11)', () => {
  it('UNIQUE gives the one matching row, and null with an error when several match', async () => {
    const t = table('U');
    expect((await t.evaluate({ score: 60 })).result).toBe('C');
    const clash = await t.evaluate({ score: 95 });
    expect(clash.result).toBeNull();
    expect(clash.error).toMatch(/UNIQUE.*#1, #2, #3/);
    expect(clash.matchedRows.map((m) => m.id)).toEqual(['r1', 'r2', 'r3']);
  });

  it('gives null when no row matches a single-hit table without defaults', async () => {
    expect((await table('FIRST').evaluate({ score: 10 })).result).toBeNull();
  });

  it('FIRST takes the first matching row in rule order', async () => {
    const d = await table('F').evaluate({ score: 95 });
    expect(d.result).toBe('C');
    expect(d.matchedRows.map((m) => [m.id, m.selected])).toEqual([['r1', true], ['r2', false], ['r3', false]]);
  });

  it('PRIORITY takes the output that comes first in the allowed values', async () => {
    expect((await table('P').evaluate({ score: 95 })).result).toBe('A');
    expect((await table('P').evaluate({ score: 75 })).result).toBe('B');
  });

  it('ANY accepts several matches with equal outputs and refuses different ones', async () => {
    const t = table('A');
    expect((await t.evaluate({ score: 60 })).result).toBe('C');
    const d = await t.evaluate({ score: 75 });
    expect(d.result).toBeNull();
    expect(d.error).toMatch(/ANY/);
  });

  it('RULE ORDER lists outputs in rule order and OUTPUT ORDER by allowed-values priority', async () => {
    expect((await table('R').evaluate({ score: 95 })).result).toEqual(['C', 'B', 'A']);
    expect((await table('O').evaluate({ score: 95 })).result).toEqual(['A', 'B', 'C']);
    expect((await table('R').evaluate({ score: 10 })).result).toEqual([]);
  });

  it('COLLECT lists, and C+, C#, C<, C> aggregate a number output', async () => {
    const points = `[{ name: points, type: number }]`;
    const num = (p: string) => compileRuleTable(yamlTable(`
id: t
name: points
hitPolicy: '${p}'
inputs: [{ name: score, type: number }]
outputs: ${points}
rows:
  - { when: { score: '>= 50' }, then: [10] }
  - { when: { score: '>= 70' }, then: [20] }
  - { when: { score: '>= 90' }, then: [5.5] }
`));
    expect((await num('C').evaluate({ score: 95 })).result).toEqual([10, 20, 5.5]);
    expect((await num('C+').evaluate({ score: 95 })).result).toBe(35.5);
    expect((await num('C#').evaluate({ score: 75 })).result).toBe(2);
    expect((await num('C<').evaluate({ score: 95 })).result).toBe(5.5);
    expect((await num('C>').evaluate({ score: 95 })).result).toBe(20);
    expect((await num('C+').evaluate({ score: 1 })).result).toBeNull();
    expect((await num('C#').evaluate({ score: 1 })).result).toBe(0);
  });

  it('gives an object for several outputs and uses default outputs when nothing matches', async () => {
    const t = compileRuleTable(yamlTable(`
id: t
name: t
hitPolicy: UNIQUE
inputs: [{ name: age, type: number }]
outputs:
  - { name: status, type: string, default: '"Declined"' }
  - { name: rate, type: string, default: '"Standard"' }
rows:
  - { when: { age: '>= 18' }, then: { status: '"Approved"', rate: '"Best"' } }
`));
    expect((await t.evaluate({ age: 20 })).result).toEqual({ status: 'Approved', rate: 'Best' });
    expect((await t.evaluate({ age: 3 })).result).toEqual({ status: 'Declined', rate: 'Standard' });
  });
});
