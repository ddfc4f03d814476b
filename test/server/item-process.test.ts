/** Saving an item's process as a new item version through `PUT /api/items/:code/process` (inject). */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../server/queries/cases.js';
import { itemFiles } from '../items/support.js';
import { buildCaseApp, SAMR, type CaseApp } from './case-support.js';

let t: CaseApp;
let shipped: Record<string, string>;
beforeAll(async () => {
  t = await buildCaseApp();
  shipped = await itemFiles('ITEM-02');
});
afterAll(() => t.close());

const inject = (options: InjectOptions) => t.app.inject(options);
const put = (headers: Record<string, string>, payload: string | object, type?: string, code = 'ITEM-02') =>
  inject({ method: 'PUT', url: `/api/items/${code}/process`, headers: { ...headers, ...(type ? { 'content-type': type } : {}) }, payload });
const latest = async () => (await t.app.cases.items.find('ITEM-02'))!.latestVersion;
const stored = () => Promise.all(['items', 'item_versions', 'definitions', 'definition_versions', 'definition_departments'].map((table) => countRows(t.app.store.knex, table)));
/** The rule files of a stored version, by path. */
const rulesOf = async (version: number) => Object.fromEntries(Object.entries((await t.app.cases.items.get('ITEM-02', version))!.sources).filter(([name]) => name.startsWith('rules/')));

/** The shipped process with the review step's time limit changed. */
const longerReview = () => shipped['process.bpmn']!.replace('approval:role="reviewer"\n        approval:stage="review" approval:timeLimit="1WD"', 'approval:role="reviewer"\n        approval:stage="review" approval:timeLimit="3WD"');

describe("saving an item's process", () => {
  it('makes the next item version with the new process, the same listing and the same rule tables, audited', async () => {
    const before = await latest();
    const bpmn = longerReview();
    expect(bpmn).not.toBe(shipped['process.bpmn']);
    const res = await put(t.tokens['samr-admin'], bpmn, 'application/xml');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'ITEM-02', version: before + 1, definitionVersion: before + 1 });
    const source = await inject({ method: 'GET', url: `/api/items/ITEM-02/versions/${before + 1}/bpmn`, headers: t.tokens.applicant });
    expect(source.body).toBe(bpmn);
    const versions = await inject({ method: 'GET', url: '/api/items/ITEM-02/versions', headers: t.tokens['samr-staff'] });
    expect(versions.json().map((v: { version: number }) => v.version)).toEqual([...Array(before + 1).keys()].map((i) => i + 1));
    expect(await rulesOf(before + 1)).toEqual(await rulesOf(before));
    expect(Object.keys(await rulesOf(before + 1)).sort()).toEqual(Object.keys(shipped).filter((n) => n.startsWith('rules/')).sort());
    const [previous, saved] = await Promise.all([t.app.cases.items.get('ITEM-02', before), t.app.cases.items.get('ITEM-02', before + 1)]);
    expect(saved!.listing).toEqual(previous!.listing);
    // The new version runs with the new limit: the compiled review step carries it.
    expect(saved!.definition.nodes.review).toMatchObject({ approval: { timeLimit: { value: 3, unit: 'WD' } } });
    const audit = await inject({ method: 'GET', url: '/api/audit?actorId=samr-admin', headers: t.tokens.auditor });
    expect(audit.json()).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'item.deployed', target: `ITEM-02@${before + 1}` })]));
  });

  it('takes the process as JSON { xml } too, from the reform office', async () => {
    const before = await latest();
    const res = await put(t.tokens.admin, { xml: shipped['process.bpmn']! });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().version).toBe(before + 1);
    expect((await t.app.cases.items.get('ITEM-02', before + 1))!.bpmn).toBe(shipped['process.bpmn']);
  });

  it('refuses a process that breaks the package with 422 naming the elements, and stores nothing', async () => {
    const before = await stored();
    const version = await latest();
    // A flow to a step that does not exist, and a special procedure the listing does not declare.
    const dangling = await put(t.tokens['samr-admin'], shipped['process.bpmn']!.replace('sourceRef="review" targetRef="siteCheck"', 'sourceRef="review" targetRef="nowhere"'), 'text/xml');
    expect(dangling.statusCode).toBe(422);
    expect(dangling.json().code).toBe('ITEM_INVALID');
    expect(dangling.json().details.findings).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'process.bpmn', element: 'toSiteCheck', severity: 'error' })]));
    const unlisted = await put(t.tokens['samr-admin'], { xml: shipped['process.bpmn']!.replace('approval:specialProcedure="SITE_CHECK"', 'approval:specialProcedure="EXPERT"') });
    expect(unlisted.statusCode).toBe(422);
    expect(unlisted.json().details.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'unlisted-special-procedure', element: 'siteCheck' })]));
    const junk = await put(t.tokens['samr-admin'], '<not-bpmn/>', 'application/xml');
    expect(junk.statusCode).toBe(422);
    expect(await stored()).toEqual(before);
    expect(await latest()).toBe(version);
  });

  it('is for the item department admin and the reform office only; an unknown item is not found for anybody', async () => {
    const before = await stored();
    const bpmn = longerReview();
    expect((await put({}, bpmn, 'application/xml')).statusCode).toBe(401);
    for (const who of ['market-admin', 'samr-staff', 'applicant', 'auditor'] as const) {
      const res = await put(t.tokens[who], bpmn, 'application/xml');
      expect(res.statusCode, who).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect((await put(t.tokens['samr-admin'], bpmn, 'application/xml', 'ITEM-99')).statusCode).toBe(404);
    expect((await put(t.tokens.admin, bpmn, 'application/xml', 'ITEM-99')).statusCode).toBe(404);
    expect((await put(t.tokens['market-staff'], bpmn, 'application/xml', 'ITEM-99')).statusCode).toBe(404);
    expect(await stored()).toEqual(before);
    expect((await t.app.cases.items.find('ITEM-02'))!.department).toBe(SAMR);
  });

  it('refuses other media types, an empty body and extra JSON fields with 4xx', async () => {
    const before = await stored();
    expect((await put(t.tokens['samr-admin'], longerReview(), 'text/plain')).statusCode).toBe(415);
    expect((await put(t.tokens['samr-admin'], '', 'application/xml')).statusCode).toBe(400);
    expect((await put(t.tokens['samr-admin'], { xml: longerReview(), key: 'other' })).statusCode).toBe(400);
    expect((await put(t.tokens['samr-admin'], { xml: '' })).statusCode).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('is in the OpenAPI document with its body and response schemas', async () => {
    const doc = (await inject({ method: 'GET', url: '/openapi.json' })).json();
    const op = doc.paths['/api/items/{code}/process'].put;
    expect(Object.keys(op.requestBody.content)).toEqual(expect.arrayContaining(['application/json', 'application/xml', 'text/xml']));
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['201', '403', '404', '422']));
    expect(op.responses['201'].content['application/json'].schema.required).toEqual(['code', 'version', 'definitionVersion', 'warnings']);
  });
});
