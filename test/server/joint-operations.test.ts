/**
 * ITEM-03 开办旅馆“一件事” (joint approval) driven over HTTP with the operations staff use every day: the
 * police task transferred to a colleague, a parallel signer added to the fire review (会签), the health task
 * delegated and urged, the issue step rejected back to the lead department's registration and resubmitted
 * straight back, the registration taken back (拿回) while the issue step is untouched, and the case finished.
 * The clocks are literal dates worked out by hand from the official calendar: March 2026 has no holiday, so
 * from Tuesday 3 March 5 working days end on Tuesday 10 March and 7 on Thursday 12 March.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFiles } from '../items/support.js';
import { multipart, pdf } from './case-support.js';
import { buildTestApp, login, type TestApp } from './helper.js';

const SAMR = '区市场监督管理局';
const HEALTH = '区卫生健康委员会';
const POLICE = '区公安分局';
const FIRE = '区消防救援大队';
const DEPARTMENTS = [
  { department: SAMR, slug: 'samr', groups: ['registrar', 'window-clerk'] },
  { department: HEALTH, slug: 'health', groups: ['health-inspector'] },
  { department: POLICE, slug: 'police', groups: ['police-officer'] },
  { department: FIRE, slug: 'fire', groups: ['fire-inspector'] },
];
/** The section chiefs (科长) the demo seeding puts beside each clerk: the colleague a step goes to. */
const CHIEFS = ['police-chief', 'fire-chief', 'health-chief'];
const DAY = 86_400_000;

let t: TestApp;
const tokens: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' }, { demoDepartments: DEPARTMENTS });
  for (const who of ['admin', 'auditor', ...DEPARTMENTS.map((d) => `${d.slug}-staff`)]) tokens[who] = await login(t.app, who);
  for (const id of CHIEFS) tokens[id] = await login(t.app, id);
  const deployed = await t.app.inject({ method: 'POST', url: '/api/items/ITEM-03/versions', headers: tokens.admin, payload: { files: await itemFiles('ITEM-03') } });
  expect(deployed.statusCode, deployed.body).toBe(201);
});
afterAll(() => t.close());

const inject = (o: InjectOptions) => t.app.inject(o);
const post = (url: string, who: string, payload: object = {}) => inject({ method: 'POST', url, headers: tokens[who], payload });
const ok = async (url: string, who: string, payload: object = {}) => {
  const res = await post(url, who, payload);
  expect(res.statusCode, `${url} as ${who}: ${res.body}`).toBe(200);
  return res.json();
};
const advance = (days: number) => ok('/api/clock', 'admin', { advanceMs: days * DAY });
const detail = async (caseNo: string) => (await inject({ method: 'GET', url: `/api/cases/${caseNo}`, headers: tokens.auditor })).json();

interface Open { taskId: string; elementId: string; name: string; assignee?: string; owner?: string; delegated?: boolean; dueAt?: string; addedBy?: string; prev?: { taskId: string } }
const open = async (caseNo: string): Promise<Open[]> => (await detail(caseNo)).openTasks;
const step = async (caseNo: string, elementId: string, i = 0): Promise<Open> => (await open(caseNo)).filter((x) => x.elementId === elementId)[i]!;
const task = (id: string, op: string) => `/api/tasks/${encodeURIComponent(id)}/${op}`;

async function windowApplication(): Promise<string> {
  const application = {
    itemCode: 'ITEM-03', channel: 'window',
    applicant: { id: 'wang-fang', name: '王芳旅馆有限公司', kind: 'ENTERPRISE', idType: 'RESIDENT_ID', idNumber: '330102199001011234' },
    facts: { applicant: { kind: 'ENTERPRISE' }, rooms: 30, hasCentralAC: false, fireSafetyPath: 'NORMAL', byAgent: false },
    materials: [{ material: 'M2', shared: { type: '居民身份证', number: '3301**********1234', issuer: '公安机关' } }],
  };
  const files = ['M1', 'M3', 'M4', 'M5', 'M8', 'M9'];
  const body = multipart([{ name: 'application', value: JSON.stringify(application) }, ...files.map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: pdf(m) }))]);
  const res = await inject({ method: 'POST', url: '/api/cases', headers: { ...tokens['samr-staff'], ...body.headers }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().caseNo;
}

describe('ITEM-03 joint approval with the operations on its steps', () => {
  it('transfers, adds a parallel signer, delegates, urges, rejects back to the registration, reclaims and finishes', async () => {
    const caseNo = await windowApplication();
    // Monday 2 March 2026, 09:00: accepted at the window.
    await ok(`/api/cases/${caseNo}/accept`, 'samr-staff');
    await advance(1);
    const register = await step(caseNo, 'register');
    await ok(task(register.taskId, 'claim'), 'samr-staff');
    await ok(task(register.taskId, 'complete'), 'samr-staff', { opinion: '登记信息齐全' });

    // Tuesday 3 March: the three co-departments start on their own limits.
    const before = await detail(caseNo);
    const deadlines = before.clocks.departments;
    expect(deadlines[HEALTH].date).toBe('2026-03-10');
    expect(deadlines[POLICE].date).toBe('2026-03-12');
    expect(deadlines[FIRE].date).toBe('2026-03-12');
    expect(before.clocks.promised.date).toBe('2026-03-16');
    const dues = Object.fromEntries((before.openTasks as Open[]).map((x) => [x.elementId, x.dueAt]));
    // Each step is due at the end of its last working day: 24:00 Beijing time, 16:00 UTC that day.
    expect(dues).toEqual({ health: '2026-03-10T16:00:00.000Z', police: '2026-03-12T16:00:00.000Z', fire: '2026-03-12T16:00:00.000Z' });

    // 转办: the police officer hands the task to the section chief; the step's due instant stays.
    const police = await step(caseNo, 'police');
    await ok(task(police.taskId, 'claim'), 'police-staff');
    const candidates = (await inject({ method: 'GET', url: task(police.taskId, 'candidates'), headers: tokens['police-staff'] })).json();
    expect(candidates.map((c: { id: string }) => c.id).sort()).toEqual(['police-admin', 'police-chief', 'police-staff']);
    expect((await post(task(police.taskId, 'transfer'), 'police-staff', { to: 'fire-chief', reason: '出差' })).statusCode).toBe(403);
    await ok(task(police.taskId, 'transfer'), 'police-staff', { to: 'police-chief', reason: '本人出差，转科长办理' });
    expect(await step(caseNo, 'police')).toMatchObject({ taskId: police.taskId, assignee: 'police-chief', dueAt: dues.police });
    const inbox = (await inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}&assignee=police-staff`, headers: tokens['police-staff'] })).json();
    expect(inbox).toEqual([]);

    // 并加签: the fire inspector adds the section chief to the fire review (会签 of the brigade).
    const fire = await step(caseNo, 'fire');
    await ok(task(fire.taskId, 'claim'), 'fire-staff');
    await ok(task(fire.taskId, 'signers'), 'fire-staff', { signers: ['fire-chief'], mode: 'parallel', reason: '疏散通道需科长复核' });
    const fires = (await open(caseNo)).filter((x) => x.elementId === 'fire');
    expect(fires.map((x) => x.assignee)).toEqual(['fire-staff', 'fire-chief']);
    expect(fires[1]).toMatchObject({ addedBy: fire.taskId });

    // 委派 of the health task, and 催办 by supervision: neither moves the step's limit.
    const health = await step(caseNo, 'health');
    await ok(task(health.taskId, 'claim'), 'health-staff');
    await ok(task(health.taskId, 'delegate'), 'health-staff', { to: 'health-chief', reason: '请核对卫生设施布局' });
    expect(await step(caseNo, 'health')).toMatchObject({ assignee: 'health-chief', owner: 'health-staff', delegated: true, dueAt: dues.health });
    await ok(task(health.taskId, 'urge'), 'auditor', { note: '卫生许可环节请抓紧办理' });
    expect((await post(task(health.taskId, 'complete'), 'health-chief', { outcome: 'approve' })).statusCode).toBeGreaterThanOrEqual(400);
    const after = await detail(caseNo);
    expect(after.clocks.departments).toEqual(deadlines);
    expect(after.clocks.promised).toEqual(before.clocks.promised);
    expect(after.clocks.statutory).toEqual(before.clocks.statutory);
    expect(Object.fromEntries((after.openTasks as Open[]).filter((x) => !x.addedBy).map((x) => [x.elementId, x.dueAt]))).toEqual(dues);

    // Wednesday 4 March: the co-departments finish; the fire brigade only when both inspectors signed.
    await advance(1);
    await ok(task(health.taskId, 'resolve'), 'health-chief', { opinion: '布局符合要求' });
    await ok(task(health.taskId, 'complete'), 'health-staff', { outcome: 'approve', opinion: '同意' });
    await ok(task(police.taskId, 'complete'), 'police-chief', { outcome: 'approve', opinion: '同意' });
    await ok(task(fire.taskId, 'complete'), 'fire-staff', { outcome: 'approve', opinion: '同意' });
    let s = await detail(caseNo);
    expect(s.decision).toBeUndefined();
    expect(s.coDepartments.map((c: { department: string; completedAt?: string }) => [c.department, !!c.completedAt])).toEqual([[HEALTH, true], [POLICE, true], [FIRE, false]]);
    await ok(task(fires[1]!.taskId, 'complete'), 'fire-chief', { outcome: 'approve', opinion: '复核同意' });
    s = await detail(caseNo);
    expect(s.decision).toMatchObject({ outcome: 'approved', decidedOn: '2026-03-04' });
    expect(s.openTasks.map((x: Open) => x.elementId)).toEqual(['issue']);

    // 驳回 from the issue step back to the registration: the decision stands, so it comes straight back.
    const issue = await step(caseNo, 'issue');
    await ok(task(issue.taskId, 'claim'), 'samr-staff');
    const through = await post(task(issue.taskId, 'reject'), 'samr-staff', { to: 'register', resume: 'through', reason: '登记地址有误' });
    expect(through.json()).toMatchObject({ code: 'REJECT_AFTER_DECISION' });
    await ok(task(issue.taskId, 'reject'), 'samr-staff', { to: 'register', resume: 'back-to-me', reason: '登记地址有误，请更正' });
    const again = await step(caseNo, 'register');
    expect((await open(caseNo)).map((x) => x.elementId)).toEqual(['register']);
    await ok(task(again.taskId, 'claim'), 'samr-staff');
    await ok(task(again.taskId, 'complete'), 'samr-staff', { opinion: '地址已更正' });
    const back = await step(caseNo, 'issue');
    expect(back.prev).toMatchObject({ taskId: again.taskId });

    // 拿回: the registrar takes the registration back while the issue step is untouched, then completes it.
    await ok(task(again.taskId, 'reclaim'), 'samr-staff', { reason: '补充登记备注' });
    const reclaimed = await step(caseNo, 'register');
    expect(reclaimed).toMatchObject({ assignee: 'samr-staff' });
    await ok(task(reclaimed.taskId, 'complete'), 'samr-staff', { opinion: '备注已补充' });
    const last = await step(caseNo, 'issue');
    await ok(task(last.taskId, 'claim'), 'samr-staff');
    await ok(`/api/cases/${caseNo}/certificate`, 'samr-staff');
    await ok(task(last.taskId, 'complete'), 'samr-staff', { opinion: '统一出件' });
    expect(await detail(caseNo)).toMatchObject({ status: 11, decision: { outcome: 'approved', decidedOn: '2026-03-04' }, openTasks: [] });

    // The timeline names every step each operation was done on, and why.
    const timeline = (await inject({ method: 'GET', url: `/api/cases/${caseNo}/timeline`, headers: tokens.auditor })).json() as Array<{ what: string; detail?: string; why?: string; actorId?: string }>;
    const of = (what: string) => timeline.filter((r) => r.what === what);
    expect(of('task.transferred')).toEqual([expect.objectContaining({ actorId: 'police-staff', why: '本人出差，转科长办理', detail: expect.stringContaining('旅馆业特种行业许可') })]);
    expect(of('task.signers-added')).toEqual([expect.objectContaining({ actorId: 'fire-staff', detail: expect.stringContaining('消防安全检查') })]);
    expect(of('task.delegated')[0]).toMatchObject({ actorId: 'health-staff', detail: expect.stringContaining('公共场所卫生许可') });
    expect(of('task.resolved')[0]).toMatchObject({ actorId: 'health-chief' });
    expect(of('task.urged')[0]).toMatchObject({ actorId: 'auditor', detail: expect.stringContaining('公共场所卫生许可') });
    expect(of('task.rejected')[0]).toMatchObject({ actorId: 'samr-staff', why: '登记地址有误，请更正', detail: expect.stringContaining('统一出件') });
    expect(of('task.reclaimed')[0]).toMatchObject({ actorId: 'samr-staff', why: '补充登记备注' });
    expect(of('rejection.resumed').length).toBeGreaterThanOrEqual(1);
    expect(of('case.concluded')).toHaveLength(1);
  });
});
