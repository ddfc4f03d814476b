/**
 * The API contract: the OpenAPI document describes the case detail closed (clocks, deadlines, lights,
 * supervision records, open tasks), with the deprecated names marked and the time contract stated; and the
 * strict-response check that every server test runs fails on an undocumented field, an open object and an
 * instant outside the contract.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSchema, installStrictResponses, type ResponseViolation } from '../../server/http/strict-responses.js';
import { Instant, LegalDate, apiInstant } from '../../contracts/api/time.js';
import { itemFiles } from '../items/support.js';
import { buildTestApp, login, type TestApp } from './helper.js';

/** The sample items, ITEM-03 the joint approval with its own extension rule. */
const SAMPLE_ITEMS = ['ITEM-01', 'ITEM-02', 'ITEM-03', 'ITEM-04', 'ITEM-05', 'ITEM-06'];

type Doc = { info: { description: string }; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, any> }> }> }>> };

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await buildTestApp();
    doc = (await t.app.inject('/openapi.json')).json<Doc>();
  });
  afterAll(() => t.close());

  const detail = () => doc.paths['/api/cases/{caseNo}']!.get!.responses['200']!.content!['application/json']!.schema;

  it('describes the case detail with no open object anywhere in it', () => {
    expect(closeSchema(detail()).open).toEqual([]);
    expect(detail().additionalProperties).toBe(false);
  });

  it('describes the clocks: deadlines with their legal day and instant, the window, suspensions, the extension and the reading', () => {
    const clocks = detail().properties.clocks;
    expect(Object.keys(clocks.properties).sort()).toEqual(['delivery', 'departments', 'extension', 'preAcceptanceWindow', 'promised', 'reading', 'statutory', 'suspensions']);
    const statutory = clocks.properties.statutory;
    expect(statutory.properties.date).toMatchObject({ type: 'string', format: 'date' });
    expect(statutory.properties.instant).toMatchObject({ type: 'string', format: 'date-time' });
    expect(statutory.properties.basis.properties.endOfDay.enum).toEqual(['midnight', 'office-closing']);
    expect(detail().properties.lights.items.properties.reason.properties.code.enum).toContain('warn-percent');
  });

  it('describes the timeline entry closed: the detail by code with its parameters beside the English record', () => {
    const entry = doc.paths['/api/cases/{caseNo}/timeline']!.get!.responses['200']!.content!['application/json']!.schema.items;
    expect(closeSchema(entry).open).toEqual([]);
    expect(entry.additionalProperties).toBe(false);
    expect(entry.required).toEqual(expect.arrayContaining(['seq', 'at', 'actor', 'what', 'detail']));
    expect(entry.properties.detailCode.enum).toEqual(expect.arrayContaining(['task.claimed', 'task.delegated', 'task.copied']));
    expect(Object.keys(entry.properties).sort()).toEqual(['actor', 'actorId', 'at', 'detail', 'detailCode', 'detailParams', 'seq', 'status', 'what', 'why', 'whyCode', 'whyParams']);
  });

  it('marks the supervision records\' former names deprecated', () => {
    const record = detail().properties.supervision.items;
    expect(record.properties.caseId).toMatchObject({ type: 'string', deprecated: true });
    expect(record.properties.responseDueInstant).toMatchObject({ type: 'string', format: 'date-time', deprecated: true });
    expect(record.properties.caseNo.deprecated).toBeUndefined();
  });

  it('types every time field of every documented answer as an instant or a date', () => {
    const untyped: string[] = [];
    const walk = (schema: any, at: string): void => {
      if (!schema || typeof schema !== 'object') return;
      if (Array.isArray(schema)) return schema.forEach((x, i) => walk(x, `${at}/${i}`));
      for (const [name, sub] of Object.entries<any>(schema.properties ?? {})) {
        if ((/At$/.test(name) || name === 'at' || name === 'asOf' || /Deadline$/.test(name)) && !sub.anyOf && sub.format !== 'date-time' && sub.type !== 'integer') untyped.push(`${at}/${name}`);
        walk(sub, `${at}/${name}`);
      }
      for (const key of ['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf']) walk(schema[key], `${at}/${key}`);
      for (const sub of Object.values<any>(schema.patternProperties ?? {})) walk(sub, `${at}/*`);
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(op.responses ?? {})) if (status.startsWith('2')) walk(response.content?.['application/json']?.schema, `${method.toUpperCase()} ${path} ${status}`);
      }
    }
    // A certificate's schema is also the body of POST /api/certificates/verify: a check, not a contract, of what is sent.
    // A result's `issueAt` names the moment it is issued at (`decision`, `manual` or a step), not a time.
    expect(untyped.filter((p) => !p.includes('/certificate/') && !p.endsWith('/result/issueAt'))).toEqual([]);
  });

  it('describes the disclosure of every sample item: the strict check finds nothing undocumented in any', async () => {
    const admin = await login(t.app, 'admin');
    for (const code of SAMPLE_ITEMS) {
      const deployed = await t.app.inject({ method: 'POST', url: `/api/items/${code}/versions`, headers: admin, payload: { files: await itemFiles(code) } });
      expect(deployed.statusCode, deployed.body).toBe(201);
      expect((await t.app.inject(`/api/items/${code}`)).statusCode).toBe(200);
    }
    expect(t.violations).toEqual([]);
  });

  /** The 200 (or 201) answer of `method path`. */
  const answer = (method: string, path: string, status = '200') => doc.paths[path]![method]!.responses[status]!.content!['application/json']!.schema;

  it('describes a user account closed wherever one is answered: the list, a created or changed account, the login and "who am I"', () => {
    const users = answer('get', '/api/users');
    const user = users.items;
    expect(closeSchema(users).open).toEqual([]);
    expect(user.additionalProperties).toBe(false);
    expect(Object.keys(user.properties).sort()).toEqual(['createdAt', 'createdBy', 'department', 'disabled', 'groups', 'id', 'idSuffix', 'idType', 'mustChangePassword', 'name', 'region', 'roles']);
    expect(user.required).toEqual(['id', 'name', 'roles', 'groups']);
    expect(user.properties.roles.items.enum).toEqual(['reform-office-admin', 'department-admin', 'department-staff', 'applicant', 'auditor']);
    expect(user.properties.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
    for (const [method, path, status] of [['get', '/api/auth/me', '200'], ['post', '/api/users', '201'], ['patch', '/api/users/{id}', '200']] as const) expect(answer(method, path, status)).toEqual(user);
    const session = answer('post', '/api/auth/login');
    expect(session.additionalProperties).toBe(false);
    expect(session.required).toEqual(['token', 'expiresAt', 'user']);
    expect(session.properties.user).toEqual(user);
  });

  it('describes the organisation closed: its regions, departments and positions, as listed and as created or changed', () => {
    const org = answer('get', '/api/org');
    expect(closeSchema(org).open).toEqual([]);
    expect(org.additionalProperties).toBe(false);
    expect(org.required).toEqual(['regions', 'departments', 'positions']);
    const { regions, departments, positions } = org.properties;
    expect(Object.keys(regions.items.properties).sort()).toEqual(['centre', 'code', 'disabled', 'level', 'name', 'parent']);
    expect(Object.keys(departments.items.properties).sort()).toEqual(['disabled', 'id', 'name', 'region']);
    expect(Object.keys(positions.items.properties).sort()).toEqual(['department', 'disabled', 'holders', 'id', 'kind', 'leader', 'name']);
    for (const rows of [regions, departments, positions]) expect(rows.items.additionalProperties).toBe(false);
    expect(answer('post', '/api/org/regions', '201')).toEqual(regions.items);
    expect(answer('post', '/api/org/departments', '201')).toEqual(departments.items);
    for (const [path, status] of [['/api/org/positions', '201'], ['/api/org/positions/{id}/leader', '200'], ['/api/org/positions/{id}/holders', '200']] as const) expect(answer('post', path, status)).toEqual(positions.items);
  });

  it('describes the colleagues who may hold a step and the steps to reject to closed', () => {
    const candidates = answer('get', '/api/tasks/{id}/candidates');
    expect(closeSchema(candidates).open).toEqual([]);
    expect(candidates.items).toMatchObject({ additionalProperties: false, required: ['id', 'name'] });
    expect(Object.keys(candidates.items.properties).sort()).toEqual(['department', 'id', 'name']);
    const targets = answer('get', '/api/tasks/{id}/reject-targets');
    expect(closeSchema(targets).open).toEqual([]);
    expect(targets.items).toMatchObject({ additionalProperties: false, required: ['elementId'] });
    expect(Object.keys(targets.items.properties).sort()).toEqual(['elementId', 'name']);
  });

  it('states the time contract', () => {
    expect(doc.info.description).toContain('RFC 3339 in UTC');
    expect(doc.info.description).toContain('the date `2026-10-10` with the instant `2026-10-10T16:00:00.000Z`');
  });
});

describe('the strict-response check', () => {
  async function answer(schema: object, body: unknown, allowOpen: string[] = []): Promise<ResponseViolation[]> {
    const sink: ResponseViolation[] = [];
    const app = Fastify();
    installStrictResponses(app, { sink, allowOpen: new Set(allowOpen) });
    app.get('/x', { schema: { response: { 200: schema } } }, async () => body);
    await app.inject('/x');
    await app.close();
    return sink;
  }
  const shape = { type: 'object', properties: { at: Instant(), day: LegalDate(), n: { type: 'integer' } } };

  it('passes an answer its schema describes', async () => {
    expect(await answer(shape, { at: '2026-03-02T01:00:00.000Z', day: '2026-03-02', n: 1 })).toEqual([]);
  });

  it('fails on a field the schema does not describe, although the serialiser would drop it', async () => {
    const sink = await answer(shape, { n: 1, secret: 'x' });
    expect(sink).toEqual([{ route: 'GET /x', status: 200, kind: 'invalid', problems: ['/ must NOT have additional properties: secret'] }]);
  });

  it('fails on an instant outside the contract: an offset other than Z, or a legal day as an instant', async () => {
    const sink = await answer(shape, { at: '2026-03-05T00:00:00+08:00', day: '2026-03-05T00:00:00.000Z' });
    expect(sink[0]?.problems).toEqual(['/at must match pattern "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"', '/day must match pattern "^\\d{4}-\\d{2}-\\d{2}$"', '/day must match format "date"']);
  });

  it('fails on an open object unless it is free-form by design', async () => {
    const open = { type: 'object', properties: { variables: { type: 'object', additionalProperties: true }, extra: { type: 'object' } } };
    expect(await answer(open, { variables: { a: 1 } })).toEqual([{ route: 'GET /x', status: 200, kind: 'open', problems: ['/properties/variables', '/properties/extra'] }]);
    expect(await answer(open, {}, ['GET /x#/properties/variables', 'GET /x#/properties/extra'])).toEqual([]);
  });

  it('fails on a success answered without a schema', async () => {
    const sink: ResponseViolation[] = [];
    const app = Fastify();
    installStrictResponses(app, { sink });
    app.get('/y', async () => ({ a: 1 }));
    await app.inject('/y');
    await app.close();
    expect(sink).toEqual([{ route: 'GET /y', status: 200, kind: 'undocumented', problems: ['no response schema'] }]);
  });
});

describe('the API instant', () => {
  it('is the UTC instant of the engine\'s zoned one; a legal day stays a day', () => {
    // 24:00 of 2026-10-10 in Beijing is 16:00 UTC that day.
    expect(apiInstant('2026-10-11T00:00:00+08:00')).toBe('2026-10-10T16:00:00.000Z');
    expect(apiInstant('2026-03-16T17:00:00+08:00')).toBe('2026-03-16T09:00:00.000Z');
    expect(apiInstant('2026-03-02T01:00:00.000Z')).toBe('2026-03-02T01:00:00.000Z');
    expect(apiInstant('2026-03-02')).toBe('2026-03-02');
  });
});
