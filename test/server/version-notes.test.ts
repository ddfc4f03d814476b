/** Change notes (变更说明) of deployed versions: written with the deploy, shown in the version history. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../server/queries/cases.js';
import { itemFiles } from '../items/support.js';
import { buildCaseApp, type CaseApp } from './case-support.js';
import { readFileSync } from 'node:fs';

let t: CaseApp;
let shipped: Record<string, string>;
beforeAll(async () => {
  t = await buildCaseApp();
  shipped = await itemFiles('ITEM-02');
});
afterAll(() => t.close());

const NOTE = '审核时限由 1 个工作日调整为 3 个工作日（局务会 2026 年第 12 次决定）';
const review = readFileSync(new URL('./fixtures/review.bpmn', import.meta.url), 'utf8');

describe('change notes of item versions', () => {
  it('keeps the note of a process saved as JSON and of raw BPMN with ?note=, in the version history and the audit entry', async () => {
    const first = await t.app.inject({ method: 'PUT', url: '/api/items/ITEM-02/process', headers: t.tokens['samr-admin'], payload: { xml: shipped['process.bpmn']!, note: NOTE } });
    expect(first.statusCode, first.body).toBe(201);
    const raw = await t.app.inject({ method: 'PUT', url: `/api/items/ITEM-02/process?note=${encodeURIComponent('恢复原流程')}`, headers: { ...t.tokens['samr-admin'], 'content-type': 'application/xml' }, payload: shipped['process.bpmn']! });
    expect(raw.statusCode, raw.body).toBe(201);
    const versions = (await t.app.inject({ method: 'GET', url: '/api/items/ITEM-02/versions', headers: t.tokens['samr-staff'] })).json<{ version: number; note?: string }[]>();
    const byVersion = Object.fromEntries(versions.map((v) => [v.version, v.note]));
    expect(byVersion[first.json().version]).toBe(NOTE);
    expect(byVersion[raw.json().version]).toBe('恢复原流程');
    // The shipped version was deployed without a note: none is shown.
    expect(versions[0]).not.toHaveProperty('note');
    const audit = (await t.app.inject({ method: 'GET', url: '/api/audit?actorId=samr-admin', headers: t.tokens.auditor })).json<{ action: string; target: string; details: { note?: string } }[]>();
    expect(audit.find((e) => e.target === `ITEM-02@${first.json().version}`)?.details.note).toBe(NOTE);
  });

  it('refuses a note over 500 characters with 400 naming the field, and stores no version', async () => {
    const before = await Promise.all(['item_versions', 'version_notes'].map((table) => countRows(t.app.store.knex, table)));
    const res = await t.app.inject({ method: 'PUT', url: '/api/items/ITEM-02/process', headers: t.tokens['samr-admin'], payload: { xml: shipped['process.bpmn']!, note: '改'.repeat(501) } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toContain('note');
    expect(await Promise.all(['item_versions', 'version_notes'].map((table) => countRows(t.app.store.knex, table)))).toEqual(before);
  });

  it('keeps the note of a rule table saved as a new version', async () => {
    const yaml = shipped['rules/materials.yaml']!;
    const res = await t.app.inject({ method: 'PUT', url: '/api/items/ITEM-02/rules/ITEM-02.materials', headers: t.tokens['samr-admin'], payload: { yaml, note: '材料表不变，重新发布' } });
    expect(res.statusCode, res.body).toBe(201);
    const versions = (await t.app.inject({ method: 'GET', url: '/api/items/ITEM-02/versions', headers: t.tokens['samr-staff'] })).json<{ version: number; note?: string }[]>();
    expect(versions.at(-1)).toMatchObject({ version: res.json().version, note: '材料表不变，重新发布' });
  });
});

describe('change notes of plain definitions', () => {
  it('keeps the note given with the definition and lists it with its version', async () => {
    const xml = review.replace('id="permit"', 'id="noted"');
    const res = await t.app.inject({ method: 'POST', url: '/api/definitions', headers: t.tokens.admin, payload: { xml, note: '首次发布' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ key: 'noted', version: 1, note: '首次发布' });
    const again = await t.app.inject({ method: 'POST', url: '/api/definitions', headers: t.tokens.admin, payload: { xml } });
    expect(again.statusCode, again.body).toBe(201);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/definitions?key=noted', headers: t.tokens.admin })).json<{ version: number; note?: string }[]>();
    expect(listed.map((d) => [d.version, d.note ?? null])).toEqual([[1, '首次发布'], [2, null]]);
    // Who deployed each version, from its audit entry.
    expect(listed.map((d) => (d as { deployedBy?: string }).deployedBy)).toEqual(['admin', 'admin']);
  });
});
