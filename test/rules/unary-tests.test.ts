import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unaryTest } from 'feelin';
import { compileRuleTable } from '../../rules/index.js';
import { benchTable } from '../../rules/bench-rules.js';
import { compileUnaryTests } from '../../rules/sfeel/match.js';

describe('S-FEEL input cells', () => {
  const cases: [string, 'number' | 'string' | 'boolean' | 'date', unknown, boolean][] = [
    ['"rented"', 'string', 'rented', true],
    ['"rented"', 'string', 'owned', false],
    ['< 50', 'number', 49.9, true],
    ['< 50', 'number', 50, false],
    ['< 50', 'number', null, false],
    ['[10..20]', 'number', 20, true],
    ['[10..20)', 'number', 20, false],
    [']10..20]', 'number', 10, false],
    ['not("food_sales")', 'string', 'catering', true],
    ['not("food_sales")', 'string', 'food_sales', false],
    ['not("food_sales")', 'string', null, true],
    ['not(< 5)', 'number', null, false],
    ['"a", "b", "c"', 'string', 'b', true],
    ['< 5, > 10', 'number', 7, false],
    ['-', 'number', 'anything', true],
    ['true', 'boolean', true, true],
    ['true', 'boolean', 'true', false],
    ['>= date("2026-01-01")', 'date', '2026-03-01', true],
    ['[date("2026-01-01")..date("2026-12-31")]', 'date', '2025-12-31', false],
    ['null', 'string', null, true],
    ['"a,b"', 'string', 'a,b', true],
  ];
  for (const [cell, type, value, expected] of cases) {
    it(`${cell} on ${JSON.stringify(value)} is ${expected}`, () => {
      expect(compileUnaryTests(cell, type)(value, {})).toBe(expected);
    });
  }

  it('falls back to feelin for FEEL beyond S-FEEL, with the other inputs in scope', () => {
    expect(compileUnaryTests('? > limit', 'number')(7, { limit: 5 })).toBe(true);
    expect(compileUnaryTests('? > limit', 'number')(3, { limit: 5 })).toBe(false);
  });

  it('agrees with feelin on number comparisons and intervals', () => {
    const cell = fc.oneof(
      fc.tuple(fc.constantFrom('<', '<=', '>', '>='), fc.integer({ min: -20, max: 20 })).map(([op, n]) => `${op} ${n}`),
      fc.tuple(fc.constantFrom('[', '(', ']'), fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 10 }), fc.constantFrom(']', ')', '['))
        .map(([o, lo, w, c]) => `${o}${lo}..${lo + w}${c}`),
    );
    fc.assert(fc.property(cell, fc.integer({ min: -25, max: 25 }), (text, v) => {
      expect(compileUnaryTests(text, 'number')(v, {})).toBe(unaryTest(text, { '?': v }).value === true);
    }));
  });

  it('evaluates the same rows with partitioned engines as a plain scan of every row', async () => {
    const table = benchTable(30, 'RULE ORDER');
    const compiled = compileRuleTable(table);
    const preds = table.rows.map((r) => r.inputEntries.map((cell, c) => compileUnaryTests(cell, table.inputs[c]!.type)));
    await fc.assert(fc.asyncProperty(
      fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double({ min: -10, max: 200, noNaN: true }), fc.constant(null)),
      fc.constantFrom('ENTERPRISE', 'OTHER_ORG', 'INDIVIDUAL_BUSINESS', 'UNKNOWN', null),
      fc.constantFrom(true, false, null),
      async (area, kind, online) => {
        const values = [area, kind, online];
        const expected = table.rows.flatMap((r, i) => (preds[i]!.every((p, c) => p(values[c], {})) ? [r.id] : []));
        const d = await compiled.evaluate({ premises: { area }, applicant: { kind }, operatesOnline: online });
        expect(d.matchedRows.map((m) => m.id)).toEqual(expected);
      },
    ), { numRuns: 300 });
  });
});
