/**
 * The case routes through inject(): applying online, as an agent and at a window (JSON and multipart),
 * uploads checked by type and size, the list and detail with their visibility, correction notice and supply,
 * acceptance, non-acceptance, withdrawal, documents and the timeline.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../server/queries/cases.js';
import { login } from './helper.js';
import { applyFood, buildCaseApp, foodFacts, LICENCE, multipart, openTask, pdf, SAMR, type CaseApp } from './case-support.js';

let t: CaseApp;
let other: Record<string, string>;
beforeAll(async () => {
  t = await buildCaseApp({ SHENPI_UPLOAD_LIMIT: String(64 * 1024) });
  const created = await t.app.inject({ method: 'POST', url: '/api/users', headers: t.tokens.admin, payload: { id: 'li-si', name: '李四', roles: ['applicant'], idType: 'RESIDENT_ID', idNumber: '110101199003077777', password: 'long-enough-pw' } });
  expect(created.statusCode).toBe(201);
  other = await login(t.app, 'li-si', 'long-enough-pw');
});
afterAll(() => t.close());

const inject = (options: InjectOptions) => t.app.inject(options);
const post = (url: string, headers: Record<string, string>, payload?: unknown) => inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const apply = (headers: Record<string, string>, body: Record<string, unknown>) => post('/api/cases', headers, { itemCode: 'ITEM-02', facts: foodFacts(), ...body });

describe('applying', () => {
  it('applies online in the caller\u2019s own name, with the required materials and fees', async () => {
    const res = await apply(t.tokens.applicant, { channel: 'online', applicant: { kind: 'ENTERPRISE' }, materials: [LICENCE] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 1, fees: 0, events: [{ seq: 1, type: 'case.applied' }] });
    expect(res.json().caseNo).toMatch(/^SP20260302-[0-9A-Z]{10}$/);
    expect(res.json().requiredMaterials.map((m: { material: string }) => m.material)).toEqual(['M1', 'M2', 'M3', 'M4']);
    const detail = await inject({ method: 'GET', url: `/api/cases/${res.json().caseNo}`, headers: t.tokens.applicant });
    // Name and ID number from the account's real-name record.
    expect(detail.json().applicant).toMatchObject({ id: 'applicant', name: '张三', idType: 'RESIDENT_ID', idSuffix: '1234' });
  });

  it("takes an online applicant's name and ID number from the real-name record, never from the form", async () => {
    for (const applicant of [{ name: '陈静餐饮有限公司' }, { idNumber: '33010219900101123X' }, { idType: 'PASSPORT' }]) {
      const res = await apply(t.tokens.applicant, { channel: 'online', applicant, materials: [LICENCE] });
      expect(res.statusCode, res.body).toBe(201);
      const detail = await inject({ method: 'GET', url: `/api/cases/${res.json().caseNo}`, headers: t.tokens.applicant });
      expect(detail.json().applicant).toMatchObject({ id: 'applicant', name: '张三', idType: 'RESIDENT_ID', idSuffix: '1234' });
    }
    const same = await apply(t.tokens.applicant, { channel: 'online', applicant: { name: '张三', idType: 'RESIDENT_ID', idNumber: '110101199003071234' }, materials: [LICENCE] });
    expect(same.statusCode, same.body).toBe(201);
    // An account without a real-name record does not apply online.
    await post('/api/users', t.tokens.admin, { id: 'no-record', name: '无实名', roles: ['applicant'], password: 'long-enough-pw' });
    const unnamed = await apply(await login(t.app, 'no-record', 'long-enough-pw'), { channel: 'online' });
    expect(unnamed.json()).toMatchObject({ code: 'REAL_NAME_REQUIRED' });
    expect(unnamed.statusCode).toBe(403);
    // byAgent follows the channel.
    const agentFact = await apply(t.tokens.applicant, { channel: 'online', facts: foodFacts({ byAgent: true }) });
    expect(agentFact.json()).toMatchObject({ code: 'FACT_DERIVED', details: { field: 'facts.byAgent' } });
  });

  it('refuses applying online in another\u2019s name, and at a window as an applicant', async () => {
    const named = await apply(t.tokens.applicant, { channel: 'online', applicant: { id: 'li-si', name: '李四' } });
    expect(named.statusCode).toBe(403);
    expect(named.json().details.action).toBe('case.apply');
    expect((await apply(t.tokens.applicant, { channel: 'window', applicant: { id: 'li-si', name: '李四' } })).statusCode).toBe(403);
  });

  it('lets an agent apply for the principal identified, with the power of attorney; both follow the case', async () => {
    const principal = { id: 'li-si', name: '李四', kind: 'NATURAL_PERSON', idType: 'RESIDENT_ID', idNumber: '110101199003077777' };
    const mandate = { material: 'M7', shared: { type: '授权委托书', number: 'WT-2026-001', issuer: '公证处' } };
    // No mandate, a principal not identified, or one whose real-name record says otherwise: refused.
    const bare = await apply(t.tokens.applicant, { channel: 'agent', applicant: principal, facts: foodFacts({ byAgent: true }) });
    expect(bare.statusCode, bare.body).toBe(403);
    expect(bare.json()).toMatchObject({ code: 'MANDATE_MISSING', details: { material: 'M7' } });
    const unnamed = await apply(t.tokens.applicant, { channel: 'agent', applicant: { id: 'li-si', name: '李四' }, materials: [mandate] });
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.json()).toMatchObject({ code: 'PRINCIPAL_IDENTITY_REQUIRED', details: { missing: ['applicant.idType', 'applicant.idNumber'] } });
    const wrong = await apply(t.tokens.applicant, { channel: 'agent', applicant: { ...principal, idNumber: '110101199003078888' }, materials: [mandate] });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'PRINCIPAL_IDENTITY_MISMATCH', details: { field: 'applicant.idNumber' } });
    const notMe = await apply(t.tokens.applicant, { channel: 'agent', applicant: principal, agent: { idNumber: '110101199003079999' }, materials: [mandate] });
    expect(notMe.json()).toMatchObject({ code: 'IDENTITY_NOT_OWN', details: { field: 'agent.idNumber' } });

    const res = await apply(t.tokens.applicant, { channel: 'agent', applicant: principal, materials: [mandate], facts: foodFacts({ byAgent: true }) });
    expect(res.statusCode, res.body).toBe(201);
    const caseNo = res.json().caseNo;
    const seen = (await inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: other })).json();
    expect(seen.agent).toEqual({ id: 'applicant', name: '张三', idType: 'RESIDENT_ID', idSuffix: '1234', mandate: 'M7' });
    expect(seen.applicant).toMatchObject({ id: 'li-si', name: '李四', idType: 'RESIDENT_ID', idSuffix: '7777' });
    expect((await t.app.cases.service.getCase(caseNo))!.lifecycle.facts).toMatchObject({ byAgent: true });
    expect((await inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: t.tokens.applicant })).statusCode).toBe(200);
  });

  it("lets a clerk of the item's department enter a window application, and nobody else", async () => {
    const body = { channel: 'window', applicant: { id: 'li-si', name: '李四', kind: 'ENTERPRISE', idType: 'RESIDENT_ID', idNumber: '110101199003077777' } };
    expect((await apply(t.tokens['market-staff'], body)).statusCode).toBe(403);
    expect((await apply(t.tokens.admin, body)).statusCode).toBe(403);
    const missing = await apply(t.tokens['samr-staff'], { channel: 'window' });
    expect(missing.statusCode).toBe(422);
    const res = await apply(t.tokens['samr-staff'], body);
    expect(res.statusCode, res.body).toBe(201);
    const timeline = await inject({ method: 'GET', url: `/api/cases/${res.json().caseNo}/timeline`, headers: other });
    expect(timeline.json()[0]).toMatchObject({ what: 'case.applied', actorId: 'samr-staff', why: 'application by window' });
    // An agent present at the window: both identities and the mandate are recorded, byAgent follows.
    const agent = { name: '王五', idType: 'RESIDENT_ID', idNumber: '110101199001015555' };
    expect((await apply(t.tokens['samr-staff'], { ...body, agent })).json()).toMatchObject({ code: 'MANDATE_MISSING' });
    const mandate = { material: 'M7', shared: { type: '授权委托书', number: 'WT-2026-002', issuer: '公证处' } };
    const withAgent = await apply(t.tokens['samr-staff'], { ...body, agent, materials: [mandate], facts: foodFacts({ byAgent: true }) });
    expect(withAgent.statusCode, withAgent.body).toBe(201);
    const seen = (await inject({ method: 'GET', url: `/api/cases/${withAgent.json().caseNo}`, headers: other })).json();
    expect(seen.agent).toMatchObject({ name: '王五', idType: 'RESIDENT_ID', idSuffix: '5555', mandate: 'M7' });
    expect((await t.app.cases.service.getCase(withAgent.json().caseNo))!.lifecycle.facts).toMatchObject({ byAgent: true });
  });

  it('answers unknown items with 404 and wrong facts or materials with 422, storing nothing', async () => {
    const before = await countRows(t.app.store.knex, 'cases');
    expect((await post('/api/cases', t.tokens.applicant, { itemCode: 'ITEM-99', channel: 'online', facts: {} })).statusCode).toBe(404);
    const facts = await apply(t.tokens.applicant, { channel: 'online', facts: { ...foodFacts(), seats: 12 } });
    expect(facts.json()).toMatchObject({ code: 'FACTS_INVALID', details: { problems: [{ fact: 'seats' }] } });
    const material = await apply(t.tokens.applicant, { channel: 'online', materials: [{ material: 'M99', shared: LICENCE.shared }] });
    expect(material.json().code).toBe('UNKNOWN_MATERIAL');
    expect(await countRows(t.app.store.knex, 'cases')).toBe(before);
  });

  it('takes the materials as files of a multipart application, checking their type and size', async () => {
    const caseNo = await applyFood(t.app, t.tokens.applicant);
    const detail = (await inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: t.tokens.applicant })).json();
    expect(detail.materials.filter((m: { kind: string }) => m.kind === 'upload').map((m: { material: string; contentType: string; sha256: string }) => [m.material, m.contentType, m.sha256.length])).toEqual([
      ['M1', 'application/pdf', 64], ['M3', 'application/pdf', 64], ['M4', 'application/pdf', 64],
    ]);
    const before = await countRows(t.app.store.knex, 'cases');
    const application = JSON.stringify({ itemCode: 'ITEM-02', channel: 'online', facts: foodFacts() });
    const script = multipart([{ name: 'application', value: application }, { name: 'M1', filename: 'm1.pdf', type: 'application/pdf', bytes: Buffer.from('#!/bin/sh\nrm -rf /') }]);
    const refused = await inject({ method: 'POST', url: '/api/cases', headers: { ...t.tokens.applicant, ...script.headers }, payload: script.payload });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().code).toBe('UPLOAD_TYPE_REFUSED');
    const big = multipart([{ name: 'application', value: application }, { name: 'M1', filename: 'm1.pdf', type: 'application/pdf', bytes: Buffer.concat([pdf(), Buffer.alloc(70 * 1024)]) }]);
    expect((await inject({ method: 'POST', url: '/api/cases', headers: { ...t.tokens.applicant, ...big.headers }, payload: big.payload })).statusCode).toBe(413);
    const noJson = multipart([{ name: 'application', value: '{not json' }]);
    expect((await inject({ method: 'POST', url: '/api/cases', headers: { ...t.tokens.applicant, ...noJson.headers }, payload: noJson.payload })).statusCode).toBe(400);
    expect(await countRows(t.app.store.knex, 'cases')).toBe(before);
  });
});

describe('intake', () => {
  it('runs correction notice, upload, supply and acceptance, with both documents and the promised date', async () => {
    const caseNo = await applyFood(t.app, t.tokens.applicant, { files: ['M1'] });
    expect((await post(`/api/cases/${caseNo}/accept`, t.tokens['samr-staff'])).json()).toMatchObject({ code: 'MATERIALS_MISSING', details: { missing: ['M3', 'M4'] } });
    expect((await post(`/api/cases/${caseNo}/correction-notice`, t.tokens.applicant)).statusCode).toBe(403);
    expect((await post(`/api/cases/${caseNo}/correction-notice`, t.tokens['market-staff'])).statusCode).toBe(404);
    const notice = await post(`/api/cases/${caseNo}/correction-notice`, t.tokens['samr-staff']);
    expect(notice.json()).toMatchObject({ status: 6, document: `/api/cases/${caseNo}/documents/correction-notice` });
    const html = await inject({ method: 'GET', url: notice.json().document, headers: t.tokens.applicant });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('一次性补正告知书');

    const wrongType = multipart([{ name: 'M3', filename: 'm3.pdf', type: 'application/pdf', bytes: Buffer.from('GIF89a') }]);
    expect((await inject({ method: 'POST', url: `/api/cases/${caseNo}/materials`, headers: { ...t.tokens.applicant, ...wrongType.headers }, payload: wrongType.payload })).statusCode).toBe(415);
    const unknown = multipart([{ name: 'M99', filename: 'x.pdf', type: 'application/pdf', bytes: pdf() }]);
    expect((await inject({ method: 'POST', url: `/api/cases/${caseNo}/materials`, headers: { ...t.tokens.applicant, ...unknown.headers }, payload: unknown.payload })).json().code).toBe('UNKNOWN_MATERIAL');
    const files = multipart(['M3', 'M4'].map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: pdf(`${m} v2`) })));
    expect((await inject({ method: 'POST', url: `/api/cases/${caseNo}/materials`, headers: { ...other, ...files.headers }, payload: files.payload })).statusCode).toBe(404);
    const uploaded = await inject({ method: 'POST', url: `/api/cases/${caseNo}/materials`, headers: { ...t.tokens.applicant, ...files.headers }, payload: files.payload });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json().uploads.map((u: { material: string; size: number }) => [u.material, u.size])).toEqual([['M3', 14], ['M4', 14]]);

    expect((await post(`/api/cases/${caseNo}/correction`, t.tokens['samr-staff'], {})).statusCode).toBe(403);
    expect((await post(`/api/cases/${caseNo}/correction`, t.tokens.applicant, {})).json()).toMatchObject({ status: 7 });
    const accepted = await post(`/api/cases/${caseNo}/accept`, t.tokens['samr-staff']);
    expect(accepted.json()).toMatchObject({ status: 8, document: `/api/cases/${caseNo}/documents/acceptance-notice` });

    const detail = (await inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: t.tokens.applicant })).json();
    const promised = '2026-03-09'; // 5 WD after Mon 03-02: 03, 04, 05, 06, 09
    expect(detail.clocks.promised).toMatchObject({ date: promised, unit: 'WD', value: 5 });
    expect(detail.clocks.statutory.date).toBe('2026-03-16'); // 10 WD after 03-02: 03..06, 09..13, 16
    expect(detail.uploads.every((u: { suppliedAt?: string }) => u.suppliedAt)).toBe(true);
    expect(detail.documents.map((d: { kind: string }) => d.kind)).toEqual(['correction-notice', 'acceptance-notice']);
    const notice2 = await inject({ method: 'GET', url: `/api/cases/${caseNo}/documents/acceptance-notice`, headers: t.tokens['samr-staff'] });
    expect(notice2.body).toContain('2026年3月9日');
    expect((await inject({ method: 'GET', url: `/api/cases/${caseNo}/documents/non-acceptance`, headers: t.tokens['samr-staff'] })).statusCode).toBe(404);
  });

  it('does not accept an application for prepackaged food only, giving the reasons in the decision', async () => {
    const caseNo = await applyFood(t.app, t.tokens.applicant, { facts: { onlyPrepackagedFood: true } });
    const res = await post(`/api/cases/${caseNo}/reject`, t.tokens['samr-admin'], {});
    expect(res.json()).toMatchObject({ status: 5, document: `/api/cases/${caseNo}/documents/non-acceptance` });
    const html = await inject({ method: 'GET', url: res.json().document, headers: t.tokens.applicant });
    expect(html.body).toContain('《中华人民共和国食品安全法》第三十五条第一款');
    expect((await post(`/api/cases/${caseNo}/accept`, t.tokens['samr-staff'])).statusCode).toBe(409);
    // 不予受理 concludes nothing the applicant was served in: no invitation, so no evaluation (好差评) is taken.
    const evaluated = await post(`/api/cases/${caseNo}/evaluation`, t.tokens.applicant, { grade: 5 });
    expect(evaluated.statusCode).toBe(409);
    expect(evaluated.json().code).toBe('EVALUATION_NOT_INVITED');
    const after = (await inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: t.tokens.auditor })).json();
    expect(after.evaluation).toBeUndefined();
    const timeline = (await inject({ method: 'GET', url: `/api/cases/${caseNo}/timeline`, headers: t.tokens.auditor })).json() as Array<{ what: string }>;
    expect(timeline.map((e) => e.what)).not.toContain('case.evaluated');
  });

  it('lets only the applicant withdraw', async () => {
    const caseNo = await applyFood(t.app, t.tokens.applicant);
    expect((await post(`/api/cases/${caseNo}/withdraw`, t.tokens['samr-staff'], { reason: '地址变更' })).statusCode).toBe(403);
    expect((await post(`/api/cases/${caseNo}/withdraw`, t.tokens.applicant, {})).statusCode).toBe(400);
    expect((await post(`/api/cases/${caseNo}/withdraw`, t.tokens.applicant, { reason: '地址变更' })).json()).toMatchObject({ status: 2 });
    const timeline = (await inject({ method: 'GET', url: `/api/cases/${caseNo}/timeline`, headers: t.tokens.auditor })).json();
    expect(timeline.at(-1)).toMatchObject({ what: 'case.withdrawn', actorId: 'applicant', why: '地址变更', status: 2 });
  });

  it('lets the clerk who entered a window application withdraw it until the first approver acts, and no colleague', async () => {
    const windowCase = async (): Promise<string> => {
      const application = { itemCode: 'ITEM-02', channel: 'window', facts: foodFacts(), applicant: { id: 'li-si', name: '李四', kind: 'ENTERPRISE', idType: 'RESIDENT_ID', idNumber: '110101199003077777' }, materials: [LICENCE] };
      const body = multipart([{ name: 'application', value: JSON.stringify(application) }, ...['M1', 'M3', 'M4'].map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: pdf(m) }))]);
      const res = await inject({ method: 'POST', url: '/api/cases', headers: { ...t.tokens['samr-staff'], ...body.headers }, payload: body.payload });
      expect(res.statusCode, res.body).toBe(201);
      const caseNo = res.json().caseNo as string;
      expect((await post(`/api/cases/${caseNo}/accept`, t.tokens['samr-staff'])).statusCode).toBe(200);
      return caseNo;
    };
    const first = await windowCase();
    // A colleague of the same department did not enter it; the applicant of a window case may still withdraw.
    const colleague = await post(`/api/cases/${first}/withdraw`, t.tokens['samr-admin'], { reason: '窗口录入有误' });
    expect(colleague.statusCode).toBe(403);
    const done = await post(`/api/cases/${first}/withdraw`, t.tokens['samr-staff'], { reason: '窗口录入有误' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 14 });
    const timeline = (await inject({ method: 'GET', url: `/api/cases/${first}/timeline`, headers: t.tokens.auditor })).json();
    expect(timeline.at(-1)).toMatchObject({ what: 'case.withdrawn', actorId: 'samr-staff', why: '窗口录入有误', status: 14 });

    // Once the first approver took the review, the starter may no longer withdraw it.
    const second = await windowCase();
    const review = await openTask(t.app, t.tokens['samr-staff'], second, 'review');
    expect((await post(`/api/tasks/${review}/claim`, t.tokens['samr-staff'])).statusCode).toBe(200);
    const late = await post(`/api/cases/${second}/withdraw`, t.tokens['samr-staff'], { reason: '窗口录入有误' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'WITHDRAW_TOO_LATE' });
    expect((await inject({ method: 'GET', url: `/api/cases/${second}`, headers: t.tokens.auditor })).json().status).toBe(8);
  });
});

describe('reading cases', () => {
  it('lists to each caller only the cases they may see, with filters and paging', async () => {
    const mine = (await inject({ method: 'GET', url: '/api/cases?limit=200', headers: t.tokens.applicant })).json();
    expect(mine.items.length).toBeGreaterThan(3);
    expect(mine.items.every((c: { applicant: string; channel: string }) => c.applicant === 'applicant' || c.channel === 'agent')).toBe(true);
    expect((await inject({ method: 'GET', url: '/api/cases', headers: t.tokens['market-staff'] })).json()).toEqual({ total: 0, items: [] });
    const all = (await inject({ method: 'GET', url: '/api/cases?limit=200', headers: t.tokens.auditor })).json();
    expect((await inject({ method: 'GET', url: '/api/cases?limit=200', headers: t.tokens['samr-staff'] })).json().total).toBe(all.total);
    const page = (await inject({ method: 'GET', url: '/api/cases?limit=2&offset=1', headers: t.tokens.auditor })).json();
    expect(page).toMatchObject({ total: all.total });
    expect(page.items.map((c: { caseNo: string }) => c.caseNo)).toEqual(all.items.slice(1, 3).map((c: { caseNo: string }) => c.caseNo));
    const withdrawn = (await inject({ method: 'GET', url: '/api/cases?status=2', headers: t.tokens.auditor })).json();
    expect(withdrawn.items.map((c: { status: number }) => c.status)).toEqual([2]);
    expect((await inject({ method: 'GET', url: `/api/cases?department=${encodeURIComponent(SAMR)}&item=ITEM-02`, headers: t.tokens.admin })).json().total).toBe(all.total);
    expect((await inject({ method: 'GET', url: '/api/cases?overdue=true', headers: t.tokens.admin })).json().total).toBe(0);
    expect((await inject({ method: 'GET', url: '/api/cases?status=99', headers: t.tokens.admin })).statusCode).toBe(400);
    expect((await inject({ method: 'GET', url: '/api/cases' })).statusCode).toBe(401);
  });

  it("hides a case from those who may not read it, as if it did not exist", async () => {
    const caseNo = await applyFood(t.app, t.tokens.applicant);
    for (const token of [other, t.tokens['market-staff'], t.tokens['market-admin']]) {
      expect((await inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: token })).statusCode).toBe(404);
      expect((await inject({ method: 'GET', url: `/api/cases/${caseNo}/timeline`, headers: token })).statusCode).toBe(404);
    }
    expect((await inject({ method: 'GET', url: '/api/cases/SP20260302-NOSUCHCASE', headers: t.tokens.admin })).statusCode).toBe(404);
  });
});
