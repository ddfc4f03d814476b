/**
 * The response serializer (`server/http/serializer.ts`): no answer compiles a schema, not even the first of
 * its route (the union validators are compiled when the routes are built, each branch alone), and splitting
 * the unions' branches out changes no byte of what fast-json-stringify writes.
 */
import { createRequire } from 'node:module';
import fastJsonStringify from 'fast-json-stringify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MaterialSchema } from '../../contracts/api/case-intake.js';
import { splitUnionBranches } from '../../server/http/serializer.js';
import { itemFiles } from '../items/support.js';
import { foodCase } from './case-fixtures.js';
import { CASE_DEPARTMENTS } from './case-support.js';
import { buildTestApp, login, type TestApp } from './helper.js';

// The ajv that fast-json-stringify itself loads. Every compilation of an Ajv instance, by `compile` or by a
// `getSchema` of a schema not compiled yet, ends in `_compileSchemaEnv`.
const fjsRequire = createRequire(createRequire(import.meta.url).resolve('fast-json-stringify'));
const AjvClass = ((m: { default?: unknown }) => m.default ?? m)(fjsRequire('ajv')) as { prototype: Record<string, (...args: unknown[]) => unknown> };
let compilations = 0;
const compileSchemaEnv = AjvClass.prototype._compileSchemaEnv!;
AjvClass.prototype._compileSchemaEnv = function counted(this: unknown, ...args: unknown[]) {
  compilations++;
  return compileSchemaEnv.apply(this, args);
};

describe('answering a case', () => {
  let t: TestApp;
  let caseNo: string;
  let staff: Record<string, string>;
  beforeAll(async () => {
    // Without the strict-response check: it compiles each route's schema on its first answer, on purpose.
    t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' }, { demoDepartments: CASE_DEPARTMENTS, strictResponses: undefined });
    const admin = await login(t.app, 'admin');
    const deployed = await t.app.inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: admin, payload: { files: await itemFiles('ITEM-02') } });
    expect(deployed.statusCode, deployed.body).toBe(201);
    caseNo = await foodCase(t.app, 'handling');
    staff = await login(t.app, 'samr-staff');
  });
  afterAll(() => t.close());

  it('compiles no schema for the first answer of the case detail, nor for the next', async () => {
    for (const answer of ['first', 'second']) {
      compilations = 0;
      const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: staff });
      expect(res.statusCode, res.body).toBe(200);
      // Both kinds of material on file: the union's branches are told apart while writing the answer.
      expect(res.json().materials.map((m: { kind: string }) => m.kind).sort()).toEqual(['shared', 'upload', 'upload', 'upload']);
      expect(compilations, `${answer} answer`).toBe(0);
    }
  });
});

describe('splitting the unions of a response schema', () => {
  const upload = { material: 'M1', kind: 'upload', name: 'M1.pdf', ref: 'sha256:ab', sha256: 'ab', size: 3, contentType: 'application/pdf' };
  const shared = { material: 'M2', kind: 'shared', certificate: { type: '营业执照', number: '9133', issuer: '区市场监督管理局' } };
  const schema = {
    type: 'object',
    properties: {
      materials: { type: 'array', items: MaterialSchema },
      extension: { anyOf: [{ type: 'object', properties: { days: { type: 'integer' }, anyOf: { type: 'string' } } }, { type: 'null' }] },
      basis: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    },
  };

  it('writes the same bytes as fast-json-stringify on the schema as it is, and leaves the schema unchanged', () => {
    const before = JSON.stringify(schema);
    const split = splitUnionBranches(schema, 'test');
    expect(JSON.stringify(schema)).toBe(before);
    expect(Object.keys(split.branches)).toHaveLength(6);
    const plain = fastJsonStringify(schema as never);
    const branched = fastJsonStringify(split.schema as never, { schema: split.branches as never, compileValidators: true });
    const outcome = (serialize: (doc: unknown) => string, doc: unknown) => {
      try {
        return serialize(doc);
      } catch (error) {
        return `throws ${(error as Error).message}`;
      }
    };
    for (const doc of [
      { materials: [upload, shared], extension: { days: 5, anyOf: 'x', other: 1 }, basis: '第12条' },
      { materials: [], extension: null, basis: null },
      { materials: [shared] },
      { materials: [{ ...upload, extra: 'not described' }] },
      { materials: [{ kind: 'neither' }] },
    ]) expect(outcome(branched, doc)).toBe(outcome(plain, doc));
    expect(outcome(branched, { materials: [{ kind: 'neither' }] })).toMatch(/^throws .*does not match schema definition/);
  });

  it('leaves a schema with references as it is', () => {
    const withRef = { type: 'object', properties: { a: { anyOf: [{ $ref: 'other#' }, { type: 'null' }] } } };
    expect(splitUnionBranches(withRef, 'test')).toEqual({ schema: withRef, branches: {} });
  });
});
