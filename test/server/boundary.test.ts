/**
 * The HTTP boundary on the store of the run (SQLite, or PostgreSQL with DATABASE_URL): hostile JSON (deep,
 * large, NUL and lone surrogates in keys and values, wrong types) and hostile path parameters, query strings
 * and multipart fields are refused with a 4xx naming the field, never a 5xx, and leave every table as it was;
 * protected routes answer 401 before they look at the body.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../server/queries/cases.js';
import { buildCaseApp, multipart, pdf, type CaseApp } from './case-support.js';
import { foodCase } from './case-fixtures.js';
import { expectRefusedWithoutTrace } from './helper.js';

const TABLES = ['definitions', 'items', 'cases', 'event_log', 'events', 'tasks', 'timers', 'outbox', 'approval_cases', 'case_uploads', 'users', 'sessions', 'audit_log'];
let t: CaseApp;
let caseNo: string;
let taskId: string;

beforeAll(async () => {
  t = await buildCaseApp();
  caseNo = await foodCase(t.app, 'handling');
  const tasks = await t.app.inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}`, headers: t.tokens['samr-staff'] });
  taskId = tasks.json<Array<{ taskId: string }>>()[0]!.taskId;
}, 120_000);
afterAll(() => t.close());

const counts = () => Promise.all(TABLES.map((table) => countRows(t.app.store.knex, table)));

/** Nested `levels` deep: `{"a":{"a":…}}`, as JSON text (no recursion, so 10,000 levels are cheap to build). */
function nested(levels: number, leaf = '1'): string {
  return '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);
}

/** Refused with 400 naming `path` (prefix), and nothing stored. */
async function refusedNaming(options: InjectOptions, path: string): Promise<void> {
  const res = await t.app.inject(options);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
  const body = res.json<{ code: string; details: { errors: Array<{ path: string }> } }>();
  expect(body.code).toBe('VALIDATION_FAILED');
  expect(body.details.errors[0]!.path.startsWith(path), body.details.errors[0]!.path).toBe(true);
}

describe('JSON depth', () => {
  it('refuses variables nested 2,000 levels on task completion, naming the field, and the case goes on', async () => {
    const payload = `{"outcome":"approve","variables":${nested(2000)}}`;
    await expectRefusedWithoutTrace(t.app, { method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/complete`, headers: { ...t.tokens['samr-staff'], 'content-type': 'application/json' }, payload }, counts);
    await refusedNaming({ method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/complete`, headers: { ...t.tokens['samr-staff'], 'content-type': 'application/json' }, payload }, '/body/variables/a/a');
    const view = await t.app.inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: t.tokens['samr-staff'] });
    expect(view.statusCode).toBe(200);
  });

  it('refuses facts nested 10,000 levels on the anonymous materials check with 400, not 500', async () => {
    await expectRefusedWithoutTrace(t.app, { method: 'POST', url: '/api/items/ITEM-02/materials/check', headers: { 'content-type': 'application/json' }, payload: `{"facts":${nested(10_000)}}` }, counts);
    await refusedNaming({ method: 'POST', url: '/api/items/ITEM-02/materials/check', headers: { 'content-type': 'application/json' }, payload: `{"facts":${nested(10_000)}}` }, '/body/facts/a');
  });

  it('accepts 31 levels of facts (the body is the 32nd) and refuses 32', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/items/ITEM-02/materials/check', headers: { 'content-type': 'application/json' }, payload: `{"facts":${nested(30)}}` });
    expect(ok.statusCode, ok.body).toBeLessThan(500);
    expect(ok.statusCode, ok.body).not.toBe(400);
    await refusedNaming({ method: 'POST', url: '/api/items/ITEM-02/materials/check', headers: { 'content-type': 'application/json' }, payload: `{"facts":${nested(32)}}` }, '/body/facts');
  });

  it('refuses variables larger than SHENPI_VARIABLES_LIMIT naming the field', async () => {
    const payload = JSON.stringify({ outcome: 'approve', variables: { big: 'x'.repeat(70 * 1024) } });
    const res = await t.app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/complete`, headers: { ...t.tokens['samr-staff'], 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('/body/variables');
  });

  it('refuses a deep application in a multipart form field', async () => {
    const body = multipart([{ name: 'application', value: nested(100) }, { name: 'M1', filename: 'M1.pdf', type: 'application/pdf', bytes: pdf('M1') }]);
    await expectRefusedWithoutTrace(t.app, { method: 'POST', url: '/api/cases', headers: { ...t.tokens.applicant, ...body.headers }, payload: body.payload }, counts);
  });
});

describe('NUL and lone surrogates', () => {
  it('refuses them in path parameters and query strings, anonymous routes included, naming the part', async () => {
    const staff = t.tokens['samr-staff'];
    for (const bad of ['%00', 'A%00B']) {
      await refusedNaming({ method: 'GET', url: `/api/cases/${bad}`, headers: staff }, '/params/caseNo');
      await refusedNaming({ method: 'GET', url: `/api/tasks/${bad}`, headers: staff }, '/params/id');
      await refusedNaming({ method: 'GET', url: `/api/items/${bad}` }, '/params/code');
      await refusedNaming({ method: 'POST', url: `/api/items/${bad}/materials/check`, payload: { facts: {} } }, '/params/code');
      await refusedNaming({ method: 'GET', url: `/api/public/progress?caseNo=${bad}&idSuffix=1234` }, '/querystring/caseNo');
      await refusedNaming({ method: 'GET', url: `/api/users?department=${bad}`, headers: t.tokens.admin }, '/querystring/department');
      await refusedNaming({ method: 'GET', url: `/api/tasks?caseNo=${bad}`, headers: staff }, '/querystring/caseNo');
    }
  });

  it('refuses a lone surrogate as login name without an audit entry (the audit chain stays verifiable)', async () => {
    const before = await counts();
    await refusedNaming({ method: 'POST', url: '/api/auth/login', payload: '{"username":"\\ud800","password":"x"}', headers: { 'content-type': 'application/json' } }, '/body/username');
    await refusedNaming({ method: 'POST', url: '/api/auth/login', payload: '{"username":"a\\u0000b","password":"x"}', headers: { 'content-type': 'application/json' } }, '/body/username');
    expect(await counts()).toEqual(before);
    const verify = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: t.tokens.admin });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('refuses them in keys and values at any depth of any JSON body, never with 5xx', async () => {
    const bad = fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\udc00b', 'x\u0000');
    const hostile = fc.tuple(bad, fc.boolean(), fc.integer({ min: 0, max: 5 })).map(([text, asKey, depth]) => {
      let value: unknown = asKey ? { [text]: 1 } : text;
      for (let i = 0; i < depth; i++) value = { v: value };
      return value;
    });
    const routes: Array<(v: unknown) => InjectOptions> = [
      (v) => ({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'x', extra: v } }),
      (v) => ({ method: 'POST', url: '/api/items/ITEM-02/materials/check', payload: { facts: { a: v } } }),
      (v) => ({ method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/complete`, headers: t.tokens['samr-staff'], payload: { variables: { a: v } } }),
      (v) => ({ method: 'POST', url: '/api/users', headers: t.tokens.admin, payload: { id: 'new.user', name: v, roles: ['applicant'], password: 'a-strong-passphrase' } }),
      (v) => ({ method: 'POST', url: `/api/cases/${caseNo}/withdraw`, headers: t.tokens.applicant, payload: { reason: v } }),
      (v) => ({ method: 'POST', url: '/api/process-cases', headers: t.tokens.applicant, payload: { definitionKey: 'x', variables: { v } } }),
    ];
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: routes.length - 1 }), hostile, async (i, v) => {
      const options = routes[i]!(v);
      await expectRefusedWithoutTrace(t.app, options, counts);
      const res = await t.app.inject(options);
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json<{ details: unknown }>().details)).toContain('/body/');
    }), { numRuns: 60 });
  });

  it('answers hostile JSON of every kind on a mix of routes with 4xx and stores nothing', async () => {
    const hostileBody = fc.oneof(
      fc.integer({ min: 33, max: 3000 }).map((n) => nested(n)),
      fc.integer({ min: 33, max: 3000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
      fc.jsonValue().map((v) => JSON.stringify({ facts: v, variables: v, outcome: v, username: v, password: v })),
      fc.string({ unit: 'binary' }).map((s) => JSON.stringify({ facts: { [s]: s }, variables: { [s]: s }, username: s, password: s })),
    );
    const urls = ['/api/auth/login', '/api/items/ITEM-02/materials/check', `/api/tasks/${encodeURIComponent(taskId)}/complete`, '/api/users', '/api/process-cases', '/api/messages', `/api/cases/${caseNo}/withdraw`];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...urls), hostileBody, fc.boolean(), async (url, payload, signedIn) => {
      await expectRefusedWithoutTrace(t.app, { method: 'POST', url, headers: { 'content-type': 'application/json', ...(signedIn ? t.tokens.admin : {}) }, payload }, counts);
    }), { numRuns: 80 });
  });
});

describe('authentication before validation', () => {
  it('answers an anonymous request with a bad body on a protected route with 401, not 400', async () => {
    for (const url of [`/api/tasks/${encodeURIComponent(taskId)}/complete`, '/api/users', '/api/process-cases', '/api/messages', '/api/auth/password']) {
      for (const payload of ['{"broken', nested(5000), '{"outcome": 7}']) {
        const res = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(401);
      }
    }
    const badQuery = await t.app.inject({ method: 'GET', url: '/api/tasks?caseNo=%00' });
    expect(badQuery.statusCode).toBe(401);
  });

  it('still validates the body of public routes and signed-in callers with 400', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 7 } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/users', headers: t.tokens.admin, payload: { id: 7 } })).statusCode).toBe(400);
  });
});
