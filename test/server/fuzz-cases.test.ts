/**
 * Fuzzing the item deploy and case routes with fast-check: random and broken item packages (listing, BPMN
 * and rule files), broken rule tables, malformed JSON, wrong types, unknown fields, oversized bodies and
 * random uploads. Every answer must be a 4xx from the catalogue (never a 5xx), and nothing may be stored:
 * no row in any table, no file in the material storage.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../server/queries/cases.js';
import { itemFiles } from '../items/support.js';
import { buildCaseApp, foodFacts, multipart, type CaseApp } from './case-support.js';
import { foodCase } from './case-fixtures.js';
import { expectRefusedWithoutTrace } from './helper.js';

const TABLES = ['definitions', 'definition_versions', 'definition_departments', 'items', 'item_versions', 'cases', 'event_log', 'events', 'tasks', 'timers', 'outbox', 'approval_cases', 'case_uploads', 'supervision_notices'];
const LIMIT = 64 * 1024;
let t: CaseApp;
let files: Record<string, string>;
let received: string;
let handling: string;

beforeAll(async () => {
  t = await buildCaseApp({ SHENPI_BODY_LIMIT: String(LIMIT), SHENPI_UPLOAD_LIMIT: String(LIMIT) });
  files = await itemFiles('ITEM-02');
  received = await foodCase(t.app, 'incomplete');
  handling = await foodCase(t.app, 'handling');
});
afterAll(() => t.close());

function storedFiles(): number {
  const dir = path.join(t.dir, 'files');
  try {
    return readdirSync(dir, { recursive: true }).length;
  } catch {
    return 0;
  }
}

async function counts(): Promise<number[]> {
  return [...(await Promise.all(TABLES.map((table) => countRows(t.app.store.knex, table)))), storedFiles()];
}

const refusedWithoutTrace = (options: InjectOptions): Promise<void> => expectRefusedWithoutTrace(t.app, options, counts);

const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }));
const notAnObject = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 5 }));
const malformedJson = fc.oneof(
  fc.string({ minLength: 1 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }),
  fc.jsonValue().map((v) => JSON.stringify(v) + '}'),
  fc.constant('{"itemCode": "ITEM-02",}'),
);
// At least the closing bracket or tag goes, so the file is broken (a trailing newline alone would not be).
const cut = (text: string) => fc.integer({ min: 0, max: text.length - 5 }).map((n) => text.slice(0, n));

/** Packages that must be refused: a part missing, truncated or replaced by junk, or listing fields broken. */
const brokenPackage = fc.oneof(
  fc.constantFrom('item.json', 'process.bpmn', 'rules/acceptance.yaml', 'rules/materials.yaml').map((name) => { const f = { ...files }; delete f[name]; return f; }),
  fc.constantFrom('item.json', 'process.bpmn').chain((name) => cut(files[name]!).map((text) => ({ ...files, [name]: text }))),
  fc.tuple(fc.constantFrom('item.json', 'process.bpmn', 'rules/materials.yaml'), fc.uint8Array({ minLength: 1, maxLength: 500 })).map(([name, bytes]) => ({ ...files, [name]: Buffer.from(bytes).toString('latin1') })),
  fc.tuple(fc.constantFrom('statutoryLimit', 'promisedLimit', 'materials', 'facts', 'implementingBody', 'caseType'), wrongType).map(([key, value]) => {
    const listing = JSON.parse(files['item.json']!) as Record<string, unknown>;
    return { ...files, 'item.json': JSON.stringify({ ...listing, [key]: value }) };
  }),
);

/** Rule tables that must be refused: broken off mid-row, junk, or a table whose own tests no longer pass. */
const brokenTable = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((n) => `${files['rules/materials.yaml']!.split('\n').slice(0, n).join('\n')}\n  - id: { unclosed`),
  fc.string({ minLength: 1, maxLength: 200 }),
  fc.constantFrom('[M1, M2, M3, M4]', '[M1, M2, M3, M4, M5, M6, M7]').map((rows) => files['rules/materials.yaml']!.replace(`expectRows: ${rows}`, 'expectRows: [M9]')),
);

describe('fuzzing the item deploy and case routes', () => {
  it('refuses broken item packages, as JSON or multipart, and stores nothing', async () => {
    await fc.assert(fc.asyncProperty(brokenPackage, fc.boolean(), async (pkg, asMultipart) => {
      if (!asMultipart) return refusedWithoutTrace({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: t.tokens.admin, payload: { files: pkg } });
      const body = multipart(Object.entries(pkg).map(([name, text]) => ({ name: 'file', filename: name, type: 'application/octet-stream', bytes: Buffer.from(text, 'latin1') })));
      return refusedWithoutTrace({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: { ...t.tokens.admin, ...body.headers }, payload: body.payload });
    }), { numRuns: 60 });
  });

  it('never stores a randomly edited package it refuses, and never fails with 5xx', async () => {
    const name = fc.constantFrom(...Object.keys(files));
    await fc.assert(fc.asyncProperty(name, fc.nat(), fc.string({ maxLength: 3 }), async (file, at, text) => {
      const source = files[file]!;
      const i = at % source.length;
      const before = await counts();
      const res = await t.app.inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: t.tokens.admin, payload: { files: { ...files, [file]: source.slice(0, i) + text + source.slice(i + 1) } } });
      expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
      if (res.statusCode !== 201) expect(await counts()).toEqual(before);
    }), { numRuns: 40 });
  });

  it('refuses broken rule tables, as YAML or JSON, and stores nothing', async () => {
    await fc.assert(fc.asyncProperty(brokenTable, fc.boolean(), async (yaml, raw) => {
      await refusedWithoutTrace(raw
        ? { method: 'PUT', url: '/api/items/ITEM-02/rules/ITEM-02.materials', headers: { ...t.tokens.admin, 'content-type': 'application/yaml' }, payload: yaml }
        : { method: 'PUT', url: '/api/items/ITEM-02/rules/ITEM-02.materials', headers: t.tokens.admin, payload: { yaml } });
    }), { numRuns: 40 });
  });

  it("refuses broken processes of an item, raw or as JSON, and stores nothing", async () => {
    const process = files['process.bpmn']!;
    const brokenProcess = fc.oneof(
      cut(process),
      fc.uint8Array({ minLength: 1, maxLength: 500 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      fc.constantFrom('review', 'siteCheck', 'audit', 'decide', 'issue').map((id) => process.replace(new RegExp(`<bpmn:userTask id="${id}"[\\s\\S]*?(/>|</bpmn:userTask>)`), '')),
      fc.tuple(fc.constantFrom('toSiteCheck', 'toAudit', 'toDecide', 'toIssue'), fc.string({ maxLength: 8 })).map(([flow, s]) => process.replace(new RegExp(`(id="${flow}" sourceRef="\\w+" targetRef=")\\w+"`), `$1missing${s.replace(/[^A-Za-z0-9]/g, '')}"`)),
      fc.string({ maxLength: 20 }).map((s) => process.replace('approval:specialProcedure="SITE_CHECK"', `approval:specialProcedure="X${s.replace(/[^A-Z_]/g, '')}"`)),
    ).filter((xml) => xml !== process && xml.length > 0);
    await fc.assert(fc.asyncProperty(brokenProcess, fc.constantFrom('application/xml', 'text/xml', 'json'), async (xml, type) => {
      await refusedWithoutTrace(type === 'json'
        ? { method: 'PUT', url: '/api/items/ITEM-02/process', headers: t.tokens['samr-admin'], payload: { xml } }
        : { method: 'PUT', url: '/api/items/ITEM-02/process', headers: { ...t.tokens['samr-admin'], 'content-type': type }, payload: xml });
    }), { numRuns: 50 });
    const bad = fc.oneof(notAnObject, fc.record({ xml: wrongType }), fc.tuple(fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !['xml', '__proto__'].includes(k)), fc.jsonValue()).map(([k, v]) => ({ xml: process, [k]: v })));
    await fc.assert(fc.asyncProperty(bad, async (body) => {
      await refusedWithoutTrace({ method: 'PUT', url: '/api/items/ITEM-02/process', headers: { ...t.tokens['samr-admin'], 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    }), { numRuns: 40 });
  });

  it('refuses malformed JSON on every case and item write route', async () => {
    const urls = [
      '/api/cases', '/api/items/ITEM-02/versions', '/api/items/ITEM-02/materials/check',
      ...['correction-notice', 'correction', 'accept', 'reject', 'withdraw'].map((p) => `/api/cases/${received}/${p}`),
      ...['return', 'extension', 'special-procedures', 'certificate', 'delivery', 'payments', 'evaluation', 'rectification'].map((p) => `/api/cases/${handling}/${p}`),
    ];
    const routes = [...urls.map((url) => ['POST', url] as const), ['PUT', '/api/items/ITEM-02/process'] as const];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...routes), malformedJson, async ([method, url], text) => {
      await refusedWithoutTrace({ method, url, headers: { ...t.tokens['samr-admin'], 'content-type': 'application/json' }, payload: text });
    }), { numRuns: 60 });
  });

  it('refuses applications with wrong types, unknown fields or facts the item does not declare', async () => {
    const bad = fc.oneof(
      notAnObject,
      fc.record({ itemCode: wrongType, channel: fc.constant('online'), facts: fc.constant(foodFacts()) }),
      fc.record({ itemCode: fc.constant('ITEM-02'), channel: fc.string(), facts: fc.constant(foodFacts()) }),
      fc.record({ itemCode: fc.constant('ITEM-02'), channel: fc.constant('online'), facts: fc.oneof(fc.integer(), fc.string(), fc.array(fc.integer())) }),
      fc.record({ itemCode: fc.constant('ITEM-02'), channel: fc.constant('online'), facts: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue(), { minKeys: 1, maxKeys: 4 }) }),
      fc.tuple(fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !['itemCode', 'channel', 'facts', 'applicant', 'agent', 'materials', '__proto__'].includes(k)), fc.jsonValue())
        .map(([k, v]) => ({ itemCode: 'ITEM-02', channel: 'online', facts: foodFacts(), [k]: v })),
      fc.record({ itemCode: fc.constant('ITEM-02'), channel: fc.constant('online'), facts: fc.constant(foodFacts()), materials: fc.array(fc.record({ material: fc.string(), shared: wrongType }), { minLength: 1, maxLength: 2 }) }),
    );
    await fc.assert(fc.asyncProperty(bad, async (body) => {
      await refusedWithoutTrace({ method: 'POST', url: '/api/cases', headers: { ...t.tokens.applicant, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    }), { numRuns: 80 });
  });

  it('refuses case commands with wrong types and out-of-range values', async () => {
    const bad = fc.oneof(
      fc.record({ path: fc.constant('extension'), body: fc.oneof(fc.record({ requested: wrongType, reason: fc.constant('x') }), fc.record({ requested: fc.record({ value: fc.oneof(fc.double({ noInteger: true }), fc.integer({ max: 0 })), unit: fc.constant('WD') }), reason: fc.constant('x') })) }),
      fc.record({ path: fc.constant('evaluation'), body: fc.record({ grade: fc.oneof(fc.integer({ min: 6 }), fc.integer({ max: 0 }), fc.string(), fc.double({ noInteger: true })) }) }),
      fc.record({ path: fc.constant('payments'), body: fc.record({ amount: fc.oneof(fc.string(), fc.constant(0), fc.integer({ max: -1 })), reference: fc.string() }) }),
      fc.record({ path: fc.constant('special-procedures'), body: fc.record({ procedure: fc.string(), reason: wrongType, basis: fc.string() }) }),
      fc.record({ path: fc.constant('delivery'), body: fc.record({ method: fc.string().filter((m) => !['pickup', 'express', 'online'].includes(m)) }) }),
      fc.record({ path: fc.constantFrom('return', 'rectification', 'certificate'), body: notAnObject }),
    );
    await fc.assert(fc.asyncProperty(bad, async ({ path: p, body }) => {
      await refusedWithoutTrace({ method: 'POST', url: `/api/cases/${handling}/${p}`, headers: { ...t.tokens['samr-admin'], 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    }), { numRuns: 80 });
  });

  it('refuses random uploads by their content, and garbled case numbers', async () => {
    const bytes = fc.uint8Array({ minLength: 1, maxLength: 2000 }).filter((b) => ![0x25, 0x89, 0xff, 0x50].includes(b[0]!));
    await fc.assert(fc.asyncProperty(bytes, fc.constantFrom('application/pdf', 'image/png', 'application/octet-stream', 'text/plain'), async (content, type) => {
      const body = multipart([{ name: 'M3', filename: 'm3.pdf', type, bytes: Buffer.from(content) }]);
      await refusedWithoutTrace({ method: 'POST', url: `/api/cases/${received}/materials`, headers: { ...t.tokens.applicant, ...body.headers }, payload: body.payload });
    }), { numRuns: 40 });
    await fc.assert(fc.asyncProperty(fc.string({ minLength: 1, maxLength: 100 }), fc.constantFrom('accept', 'withdraw', 'evaluation'), async (caseNo, action) => {
      await refusedWithoutTrace({ method: 'POST', url: `/api/cases/${encodeURIComponent(caseNo)}/${action}`, headers: t.tokens['samr-staff'], payload: {} });
    }), { numRuns: 40 });
  });

  it('refuses oversized bodies with 413', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: LIMIT + 1, max: LIMIT * 3 }), fc.constantFrom('/api/cases', '/api/items/ITEM-02/versions', '/api/items/ITEM-02/process', `/api/cases/${received}/materials`), async (size, url) => {
      const big = url.endsWith('materials')
        ? multipart([{ name: 'M3', filename: 'm3.pdf', type: 'application/pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7'), Buffer.alloc(size)]) }])
        : { payload: Buffer.from(JSON.stringify({ itemCode: 'ITEM-02', channel: 'online', facts: { padding: 'x'.repeat(size) } })), headers: { 'content-type': 'application/json' } };
      const before = await counts();
      const res = await t.app.inject({ method: url.endsWith('process') ? 'PUT' : 'POST', url, headers: { ...t.tokens.applicant, ...big.headers }, payload: big.payload });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(413);
      expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
      expect(await counts()).toEqual(before);
    }), { numRuns: 9 });
  });
});
