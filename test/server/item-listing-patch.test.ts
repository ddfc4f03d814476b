/**
 * `PATCH /api/items/:code/listing`: one listing field changed as the item's next version, without the package.
 * Dates by hand on the official 2026 calendar: accepted Mon 03-02, a promise of 5 WD ends Mon 03-09
 * (03-03..06, 03-09) and one of 3 WD Thu 03-05 (03-03, 03-04, 03-05).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood, buildCaseApp, pinClock, type CaseApp } from './case-support.js';
import { caseDetail } from './clock-support.js';

let t: CaseApp;
const patch = (payload: unknown, who: 'admin' | 'samr-admin' | 'market-admin' = 'admin', type = 'application/merge-patch+json') =>
  t.app.inject({ method: 'PATCH', url: '/api/items/ITEM-02/listing', headers: { ...t.tokens[who], 'content-type': type }, payload: JSON.stringify(payload) });
const latest = async () => Math.max(...(await t.app.inject({ method: 'GET', url: '/api/items/ITEM-02/versions', headers: t.tokens.auditor })).json<{ version: number }[]>().map((v) => v.version));
const accept = (caseNo: string) => t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/accept`, headers: t.tokens['samr-staff'] });

beforeAll(async () => {
  t = await buildCaseApp();
  await pinClock(t.app, t.tokens.admin, '2026-03-02');
}, 120_000);
afterAll(() => t.close());

describe('PATCH /api/items/:code/listing', () => {
  it('deploys the changed promise as the next version; the open case keeps its own', async () => {
    const before = await latest();
    const open = await applyFood(t.app, t.tokens.applicant);
    expect((await accept(open)).statusCode).toBe(200);
    const res = await patch({ promisedLimit: { value: 3 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'ITEM-02', version: before + 1, changed: ['promisedLimit.value'] });
    expect(await latest()).toBe(before + 1);
    const disclosure = await t.app.inject({ method: 'GET', url: '/api/items/ITEM-02', headers: t.tokens.auditor });
    expect(disclosure.json().limits.promised).toMatchObject({ value: 3, unit: 'WD' });

    const fresh = await applyFood(t.app, t.tokens.applicant);
    expect((await accept(fresh)).statusCode).toBe(200);
    const [o, f] = [await caseDetail(t.app, t.tokens.auditor, open), await caseDetail(t.app, t.tokens.auditor, fresh)];
    expect([o.itemVersion, o.clocks.promised.date]).toEqual([before, '2026-03-09']);
    expect([f.itemVersion, f.clocks.promised.date]).toEqual([before + 1, '2026-03-05']);
  });

  it('takes plain JSON too, and a null removes a field', async () => {
    const res = await patch({ countingPolicy: 'C2', lights: null }, 'admin', 'application/json');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().changed).toEqual(['countingPolicy', 'lights']);
  });

  it('refuses a bad field with 422 naming it, and stores no version', async () => {
    const before = await latest();
    const unit = await patch({ promisedLimit: { unit: 'MONTH' } });
    expect([unit.statusCode, unit.json().code]).toEqual([422, 'ITEM_INVALID']);
    expect(JSON.stringify(unit.json().details.findings)).toContain('promisedLimit');
    const unknown = await patch({ promiseLimit: { value: 3, unit: 'WD' } });
    expect([unknown.statusCode, JSON.stringify(unknown.json().details.findings)]).toEqual([422, expect.stringContaining('promiseLimit')]);
    const code = await patch({ code: 'ITEM-99' });
    expect([code.statusCode, JSON.stringify(code.json().details.findings)]).toEqual([422, expect.stringContaining('code-mismatch')]);
    const dept = await patch({ implementingBody: { name: '市生态环境局' } });
    expect([dept.statusCode, JSON.stringify(dept.json().details.findings)]).toEqual([422, expect.stringContaining('implementingBody.name')]);
    const empty = await patch({});
    expect(empty.statusCode).toBe(400);
    expect(await latest()).toBe(before);
  });

  it('is for the item’s department and the reform office only', async () => {
    expect((await patch({ promisedLimit: { value: 4 } }, 'market-admin')).statusCode).toBe(403);
    const own = await patch({ promisedLimit: { value: 4 } }, 'samr-admin');
    expect(own.statusCode, own.body).toBe(201);
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/items/ITEM-77/listing', headers: { ...t.tokens.admin, 'content-type': 'application/json' }, payload: { promisedLimit: { value: 4 } } });
    expect(missing.statusCode).toBe(404);
  });
});
