/**
 * The decision-table validator is compiled ahead of time (rules/schema/generate-validator.ts), so no page
 * needs `'unsafe-eval'`: the committed file is exactly what the generator makes of the schema today, it is
 * plain code (no `new Function`, no `eval`, no `require`), and it judges documents as Ajv's run-time
 * compilation of the same schema does.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../rules/schema/decision-table.schema.json' with { type: 'json' };
import { VALIDATOR_FILE, validatorSource } from '../../rules/schema/generate-validator.js';
import { validateTableDocument } from '../../rules/schema.js';
import { AGGREGATIONS, HIT_POLICIES, PURPOSES } from '../../rules/model.js';

describe('the precompiled decision-table validator', () => {
  it('is what the generator makes of the schema (run `npx tsx rules/schema/generate-validator.ts` after a schema change)', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(validatorSource());
  });

  it('offers the purposes, hit policies and aggregators of the one list in rules/model.ts', () => {
    const props = schema.properties as unknown as Record<string, { enum: string[] }>;
    expect(props.purpose!.enum).toEqual([...PURPOSES]);
    expect(props.hitPolicy!.enum.slice(0, HIT_POLICIES.length)).toEqual([...HIT_POLICIES]);
    expect(props.aggregation!.enum).toEqual([...AGGREGATIONS]);
  });

  it('compiles nothing at run time', () => {
    const code = readFileSync(VALIDATOR_FILE, 'utf8');
    expect(code).not.toMatch(/new Function|\beval\(|\brequire\(/);
  });

  it('finds what run-time compilation finds', () => {
    const runtime = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const documents: unknown[] = [
      { id: 'fees', name: '收费', hitPolicy: 'UNIQUE', inputs: [{ name: 'area', type: 'number' }], outputs: [{ name: 'fee', type: 'number' }], rows: [{ when: ['> 100'], then: [50] }] },
      { id: 'bad id!', name: '', hitPolicy: 'SOMETIMES', inputs: [{ name: ' x', type: 'money' }], outputs: [], rows: [{ when: {}, then: [''] , extra: 1 }] },
      { name: 'no id' },
      'not a table',
    ];
    for (const doc of documents) {
      const ok = runtime(doc);
      expect(validateTableDocument(doc).length === 0).toBe(ok);
    }
    expect(validateTableDocument(documents[1])).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: '/id', code: 'schema' }),
      expect.objectContaining({ path: '/hitPolicy', message: expect.stringContaining('must be one of') }),
      expect.objectContaining({ path: '/rows/0', message: "unknown field 'extra'" }),
    ]));
  });
});
