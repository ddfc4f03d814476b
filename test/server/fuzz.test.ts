/**
 * Fuzzing the write routes with fast-check: malformed JSON, wrong types, unknown fields, oversized bodies,
 * random bytes and broken BPMN. The server must answer every one with a 4xx from the catalogue, never a
 * 5xx, and must store nothing (row counts before and after).
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../server/queries/cases.js';
import { buildTestApp, expectRefusedWithoutTrace, fixture, login, type TestApp } from './helper.js';

const TABLES = ['definitions', 'definition_versions', 'definition_departments', 'cases', 'event_log', 'events', 'tasks', 'timers', 'outbox', 'users'];
const BODY_LIMIT = 16 * 1024;
let t: TestApp;
let admin: Record<string, string>;
let staff: Record<string, string>;
let taskId: string;
const VALID = fixture('review.bpmn');

beforeAll(async () => {
  t = await buildTestApp({ SHENPI_BODY_LIMIT: String(BODY_LIMIT), SHENPI_UPLOAD_LIMIT: String(BODY_LIMIT) });
  admin = await login(t.app, 'admin');
  staff = await login(t.app, 'market-staff');
  await t.app.inject({ method: 'POST', url: '/api/definitions?department=market-supervision', headers: { ...admin, 'content-type': 'application/xml' }, payload: VALID });
  const started = await t.app.inject({ method: 'POST', url: '/api/process-cases', headers: await login(t.app, 'applicant'), payload: { definitionKey: 'permit', caseNo: 'FUZZ-1' } });
  expect(started.statusCode).toBe(201);
  taskId = (await t.app.inject({ method: 'GET', url: '/api/tasks', headers: staff })).json<Array<{ taskId: string }>>()[0]!.taskId;
});
afterAll(() => t.close());

async function counts(): Promise<number[]> {
  return Promise.all(TABLES.map((table) => countRows(t.app.store.knex, table)));
}

const refusedWithoutTrace = (options: InjectOptions): Promise<void> => expectRefusedWithoutTrace(t.app, options, counts);

/** A JSON value that is not a plain object with only the allowed fields. */
const notAnObject = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 5 }));
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }));
const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['outcome', 'opinion', 'variables', 'xml', 'key', 'version', 'department', 'processId', '__proto__', 'constructor'].includes(k));

/** Strings that are not valid JSON text. */
const malformedJson = fc.oneof(
  fc.string({ minLength: 1 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }),
  fc.jsonValue().map((v) => JSON.stringify(v) + '}'),
  fc.constant('{"outcome": "approve",}'),
);

/** BPMN that must be refused: truncated, referencing unknown elements, or not BPMN at all. */
const brokenBpmn = fc.oneof(
  fc.integer({ min: 1, max: VALID.length - 30 }).map((n) => VALID.slice(0, n)),
  fc.string().map((id) => VALID.replace('targetRef="issue"', `targetRef="missing-${id.replace(/[^A-Za-z0-9]/g, '')}"`)),
  fc.constantFrom('done', 'start', 'review').map((id) => VALID.replace(new RegExp(`<bpmn:[A-Za-z]+ id="${id}"[^>]*/>`), '')),
  fc.string().map((s) => `<?xml version="1.0"?><root>${s.replace(/[<&]/g, '')}</root>`),
  fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

describe('fuzzing the write routes', () => {
  it('refuses malformed JSON on every write route', async () => {
    const urls = ['/api/definitions', `/api/tasks/${encodeURIComponent(taskId)}/complete`, `/api/tasks/${encodeURIComponent(taskId)}/claim`, '/api/process-cases', '/api/messages', '/api/users'];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...urls), malformedJson, async (url, text) => {
      await refusedWithoutTrace({ method: 'POST', url, headers: { ...admin, 'content-type': 'application/json' }, payload: text });
    }), { numRuns: 60 });
  });

  it('refuses task completions with wrong types or unknown fields', async () => {
    const badBody = fc.oneof(
      notAnObject,
      fc.record({ outcome: wrongType }),
      fc.record({ opinion: wrongType }),
      fc.record({ variables: fc.oneof(fc.integer(), fc.string(), fc.array(fc.integer())) }),
      fc.tuple(unknownKey, fc.jsonValue()).map(([k, v]) => ({ outcome: 'approve', [k]: v })),
    );
    await fc.assert(fc.asyncProperty(badBody, async (body) => {
      await refusedWithoutTrace({ method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/complete`, headers: { ...staff, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    }), { numRuns: 80 });
  });

  it('answers unknown or garbled task ids with 4xx', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }), fc.constantFrom('claim', 'complete'), async (id, action) => {
      await refusedWithoutTrace({ method: 'POST', url: `/api/tasks/${encodeURIComponent(id)}/${action}`, headers: staff, payload: {} });
    }), { numRuns: 60 });
  });

  it('refuses broken BPMN, raw or in JSON, and stores nothing', async () => {
    await fc.assert(fc.asyncProperty(brokenBpmn, fc.boolean(), async (xml, raw) => {
      const options: InjectOptions = raw
        ? { method: 'POST', url: '/api/definitions?department=market-supervision', headers: { ...admin, 'content-type': 'application/xml' }, payload: xml }
        : { method: 'POST', url: '/api/definitions', headers: admin, payload: { xml: xml || ' ', department: 'market-supervision' } };
      await refusedWithoutTrace(options);
    }), { numRuns: 80 });
  });

  it('refuses deploy bodies with wrong option types', async () => {
    const bad = fc.oneof(
      fc.record({ xml: wrongType }),
      fc.record({ xml: fc.constant(VALID), version: fc.oneof(fc.string(), fc.constant(0), fc.constant(-1), fc.double({ noInteger: true })) }),
      fc.record({ xml: fc.constant(VALID), key: fc.string().filter((k) => !/^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/.test(k)) }),
      notAnObject,
    );
    await fc.assert(fc.asyncProperty(bad, async (body) => {
      await refusedWithoutTrace({ method: 'POST', url: '/api/definitions', headers: { ...admin, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    }), { numRuns: 60 });
  });

  it('refuses oversized bodies with 413', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT * 4 }), fc.constantFrom('application/json', 'application/xml'), async (size, type) => {
      const payload = type === 'application/json' ? JSON.stringify({ xml: 'x'.repeat(size) }) : `<a>${'x'.repeat(size)}</a>`;
      const before = await counts();
      const res = await t.app.inject({ method: 'POST', url: '/api/definitions?department=market-supervision', headers: { ...admin, 'content-type': type }, payload });
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
      expect(await counts()).toEqual(before);
    }), { numRuns: 10 });
  });

  it('refuses bodies of other media types with 4xx', async () => {
    const type = fc.constantFrom('text/plain', 'application/octet-stream', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'image/png');
    await fc.assert(fc.asyncProperty(type, fc.string(), fc.constantFrom('/api/definitions', `/api/tasks/${encodeURIComponent(taskId)}/complete`, '/api/process-cases'), async (contentType, payload, url) => {
      await refusedWithoutTrace({ method: 'POST', url, headers: { ...admin, 'content-type': contentType }, payload });
    }), { numRuns: 50 });
  });

  it('never stores a mutated definition that it refuses, and never fails with 5xx', async () => {
    // Random single-character edits of a valid file: some stay valid (201), the others must leave no trace.
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: VALID.length - 1 }), fc.string({ minLength: 0, maxLength: 3 }), async (at, text) => {
      const xml = VALID.slice(0, at) + text + VALID.slice(at + 1);
      const before = await counts();
      const res = await t.app.inject({ method: 'POST', url: '/api/definitions?department=market-supervision&key=mutant', headers: { ...admin, 'content-type': 'application/xml' }, payload: xml });
      expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
      if (res.statusCode !== 201) expect(await counts()).toEqual(before);
    }), { numRuns: 60 });
  });
});
