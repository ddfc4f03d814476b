/**
 * The 抄送 step (a send task with `approval:cc…`): ITEM-02 with a step after the material review that copies
 * the case to the holders of the section chief's position and to the department market-supervision, without
 * waiting. The copy is in 抄送我的 of each recipient, unread until they open the case; the case goes straight
 * on to the site check. A copy from a task lands in the same list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinition } from '../../definitions/index.js';
import { itemFiles } from '../items/support.js';
import { applyFood, buildCaseApp, completeTask, openTask, type CaseApp } from './case-support.js';

const CC_STEP = '<bpmn:sendTask id="ccChief" name="抄送科长" approval:ccPositions="samr.chief" approval:ccDepartments="market-supervision" approval:ccNote="材料审查已完成，请知悉" />';

/** ITEM-02's process with the 抄送 step between the review and the site check. */
async function withCcStep(): Promise<Record<string, string>> {
  const files = await itemFiles('ITEM-02');
  const process = files['process.bpmn']!
    .replace('<bpmn:sequenceFlow id="toSiteCheck" sourceRef="review" targetRef="siteCheck" />',
      `<bpmn:sequenceFlow id="toCc" sourceRef="review" targetRef="ccChief" />${CC_STEP}<bpmn:sequenceFlow id="toSiteCheck" sourceRef="ccChief" targetRef="siteCheck" />`);
  expect(process).toContain('ccChief');
  return { ...files, 'process.bpmn': process };
}

describe('the 抄送 step in the definition', () => {
  it('reads its recipients and refuses a note without recipients, naming the attribute', async () => {
    const xml = (await withCcStep())['process.bpmn']!;
    const loaded = await loadDefinition(xml, { key: 'ITEM-02', version: 1 });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.definition.nodes.ccChief).toMatchObject({ kind: 'sendTask', approval: { cc: { users: [], positions: ['samr.chief'], departments: ['market-supervision'], note: '材料审查已完成，请知悉' } } });
    const bad = await loadDefinition(xml.replace('approval:ccPositions="samr.chief" approval:ccDepartments="market-supervision" ', ''), { key: 'ITEM-02', version: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.findings).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'ccChief', message: expect.stringContaining('approval:ccNote needs recipients') })]));
  });
});

describe('the 抄送 step of a case', () => {
  let t: CaseApp;
  let caseNo: string;
  const get = (url: string, who: Record<string, string>) => t.app.inject({ method: 'GET', url, headers: who });

  beforeAll(async () => {
    t = await buildCaseApp();
    const deployed = await t.app.inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: t.tokens.admin, payload: { files: await withCcStep() } });
    expect(deployed.statusCode, deployed.body).toBe(201);
    caseNo = await applyFood(t.app, t.tokens.applicant);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/accept`, headers: t.tokens['samr-staff'], payload: {} })).statusCode).toBe(200);
    await completeTask(t.app, t.tokens['samr-staff'], caseNo, 'review');
  });
  afterAll(() => t.close());

  it('copies the case to the chief and the department and goes on to the site check without waiting', async () => {
    expect(await openTask(t.app, t.tokens['samr-staff'], caseNo, 'siteCheck')).toBeTruthy();
    const chief = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'samr-chief', password: 'demo-password-1' } });
    const chiefToken = { authorization: `Bearer ${chief.json().token}` };
    const copies = (await get('/api/copies', chiefToken)).json();
    expect(copies).toEqual([expect.objectContaining({
      caseNo, step: 'ccChief', taskName: '抄送科长', users: ['samr-chief'], departments: ['market-supervision'], note: '材料审查已完成，请知悉',
      by: 'samr-staff', byName: expect.any(String), byStep: true, read: false,
    })]);
    expect((await get('/api/copies', t.tokens['market-staff'])).json()).toEqual([expect.objectContaining({ caseNo, step: 'ccChief', read: false })]);
    // Nobody else: the clerk of the department that works the case is no recipient.
    expect((await get('/api/copies', t.tokens['samr-staff'])).json()).toEqual([]);
    expect((await get('/api/cases?queue=copied', chiefToken)).json().items.map((r: { caseNo: string }) => r.caseNo)).toEqual([caseNo]);
    const timeline = (await get(`/api/cases/${caseNo}/timeline`, t.tokens.auditor)).json();
    expect(JSON.stringify(timeline)).toContain('抄送科长');
  });

  it('marks a copy read for the one who opened it only', async () => {
    const chief = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'samr-chief', password: 'demo-password-1' } });
    const chiefToken = { authorization: `Bearer ${chief.json().token}` };
    const read = await t.app.inject({ method: 'POST', url: '/api/copies/read', headers: chiefToken, payload: { caseNo } });
    expect(read.json()).toEqual({ read: 1 });
    expect((await t.app.inject({ method: 'POST', url: '/api/copies/read', headers: chiefToken, payload: { caseNo } })).json()).toEqual({ read: 0 });
    expect((await get('/api/copies', chiefToken)).json()).toEqual([expect.objectContaining({ caseNo, read: true, readAt: expect.any(String) })]);
    expect((await get('/api/copies', t.tokens['market-staff'])).json()).toEqual([expect.objectContaining({ caseNo, read: false })]);
  });

  it('lists a copy from a task beside the step\'s, newest first', async () => {
    const taskId = await openTask(t.app, t.tokens['samr-staff'], caseNo, 'siteCheck');
    const claim = await t.app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/claim`, headers: t.tokens['samr-staff'], payload: {} });
    expect(claim.statusCode, claim.body).toBe(200);
    // The case page's step names its holder.
    const open = (await get(`/api/cases/${caseNo}`, t.tokens['samr-staff'])).json().openTasks;
    expect(open).toEqual([expect.objectContaining({ elementId: 'siteCheck', assignee: 'samr-staff', assigneeName: '区市场监督管理局 工作人员' })]);
    const copied = await t.app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(taskId)}/copies`, headers: t.tokens['samr-staff'], payload: { users: ['market-staff'], note: '请协助核查' } });
    expect(copied.statusCode, copied.body).toBe(200);
    const rows = (await get('/api/copies', t.tokens['market-staff'])).json();
    expect(rows.map((r: { step: string; taskName?: string; note?: string; read: boolean }) => [r.step, r.taskName, r.note, r.read])).toEqual([
      ['siteCheck', '现场核查', '请协助核查', false],
      ['ccChief', '抄送科长', '材料审查已完成，请知悉', false],
    ]);
  });

  it('names the people a case is copied to, not their ids, in one lookup of names for the whole timeline', async () => {
    const chief = (await t.app.identity.users.get('samr-chief'))!.name;
    const staff = (await t.app.identity.users.get('market-staff'))!.name;
    const queries: string[] = [];
    const listen = (q: { sql: string }) => queries.push(q.sql);
    t.app.store.knex.on('query', listen);
    const answer = await get(`/api/cases/${caseNo}/timeline`, t.tokens.auditor);
    t.app.store.knex.off('query', listen);
    expect(answer.statusCode, answer.body).toBe(200);
    type Entry = { what: string; actor: string; detailCode?: string; detailParams?: Record<string, unknown>; whyCode?: string; whyParams?: Record<string, unknown> };
    const copies = answer.json<Entry[]>().filter((e) => e.what === 'task.copied');
    expect(copies.map((e) => [e.detailCode, e.detailParams, e.whyCode, e.whyParams])).toEqual([
      ['task.copied', { task: '抄送科长', users: [chief], departments: ['market-supervision'] }, 'task.copied.step', { step: '抄送科长', to: `${chief}、market-supervision` }],
      ['task.copied', { task: '现场核查', users: [staff], departments: [] }, undefined, undefined],
    ]);
    // The claim names its holder by name, and no person's id is left in any parameter.
    const all = answer.json<Entry[]>();
    expect(all.find((e) => e.what === 'task.claimed')?.detailParams).toEqual({ task: '现场核查', assignee: '区市场监督管理局 工作人员' });
    const params = JSON.stringify(all.map((e) => [e.detailParams, e.whyParams]));
    expect(params).not.toMatch(/samr-chief|market-staff|samr-staff/);
    // One query of the users table, however many people the timeline names.
    expect(queries.filter((q) => /\busers\b/.test(q))).toHaveLength(1);
    // The case detail's open steps name their holders with one lookup too.
    queries.length = 0;
    t.app.store.knex.on('query', listen);
    const detail = await get(`/api/cases/${caseNo}`, t.tokens.auditor);
    t.app.store.knex.off('query', listen);
    expect(detail.json().openTasks).toEqual([expect.objectContaining({ elementId: 'siteCheck', assignee: 'samr-staff', assigneeName: '区市场监督管理局 工作人员' })]);
    expect(queries.filter((q) => /\busers\b/.test(q))).toHaveLength(1);
  });
});
