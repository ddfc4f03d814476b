/**
 * Lights for every clock over HTTP on a controlled clock: the promised and statutory limits, a step's own limit
 * (行政许可法 第43条 / the listing's step limit) and each co-department's limit in a joint approval (第26条), each
 * readable on the case, on the task and in the lights overview, each with its reason. Dates by hand on the
 * official 2026 calendar (March 2026 has no holiday; weekends 03-07/08, 03-14/15):
 *
 * - ITEM-02 with a 2-WD review step, accepted Mon 03-02: review due Wed 03-04 (03-03, 03-04), promised 5 WD Mon
 *   03-09, statutory 10 WD Mon 03-16. On Thu 03-05 the review is RED (from 00:00 on 03-05) while the case has
 *   used 2 of 5 WD (03-03, 03-04: 40%, GREEN) and 2 of 10 statutory (GREEN). On Fri 03-13 the promise is RED
 *   and the statutory limit YELLOW: 8 of 10 used (03-03..06, 03-09..12), 80%.
 * - ITEM-03, accepted Mon 03-02, the co-departments started Tue 03-03: health 5 WD due Tue 03-10, police and fire
 *   7 WD due Thu 03-12. On Wed 03-11 health is RED; police has used 5 of 7 (03-04..06, 03-09, 03-10: 71%, GREEN).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFiles } from '../items/support.js';
import { applyFood, CASE_DEPARTMENTS, multipart, pdf, pinClock, SAMR } from './case-support.js';
import { caseDetail, deployEdited } from './clock-support.js';
import { buildTestApp, login, type TestApp } from './helper.js';

const HEALTH = '区卫生健康委员会';
const POLICE = '区公安分局';
const FIRE = '区消防救援大队';
const DEPARTMENTS = [
  CASE_DEPARTMENTS[0]!,
  { ...CASE_DEPARTMENTS[1]!, groups: [...CASE_DEPARTMENTS[1]!.groups, 'registrar', 'window-clerk'] },
  { department: HEALTH, slug: 'health', groups: ['health-inspector'] },
  { department: POLICE, slug: 'police', groups: ['police-officer'] },
  { department: FIRE, slug: 'fire', groups: ['fire-inspector'] },
];

let t: TestApp;
const tokens: Record<string, Record<string, string>> = {};
let food: string;
let joint: string;

beforeAll(async () => {
  t = await buildTestApp({ SHENPI_LOGIN_RATE_LIMIT: '1000' }, { demoDepartments: DEPARTMENTS });
  for (const who of ['admin', 'auditor', 'applicant', 'samr-staff', 'samr-admin', 'health-staff', 'police-staff']) tokens[who] = await login(t.app, who);
  const deployed = await t.app.inject({ method: 'POST', url: '/api/items/ITEM-03/versions', headers: tokens.admin, payload: { files: await itemFiles('ITEM-03') } });
  expect(deployed.statusCode, deployed.body).toBe(201);
  await deployEdited(t.app, tokens.admin!, 'ITEM-02', (l) => { l.stepLimits = [{ step: 'review', limit: { value: 2, unit: 'WD' }, article: '行政许可法第43条' }]; });
  await pinClock(t.app, tokens.admin!, '2026-03-02', '09:00');
  food = await applyFood(t.app, tokens.applicant!);
  expect((await t.app.inject({ method: 'POST', url: `/api/cases/${food}/accept`, headers: tokens['samr-staff'] })).statusCode).toBe(200);
  joint = await jointCase();
}, 120_000);
afterAll(() => t.close());

async function jointCase(): Promise<string> {
  const application = {
    itemCode: 'ITEM-03', channel: 'window',
    applicant: { id: 'wang-fang', name: '王芳旅馆有限公司', kind: 'ENTERPRISE', idType: 'RESIDENT_ID', idNumber: '330102199001011234' },
    facts: { applicant: { kind: 'ENTERPRISE' }, rooms: 30, hasCentralAC: false, fireSafetyPath: 'NORMAL', byAgent: false },
    materials: [{ material: 'M2', shared: { type: '居民身份证', number: '3301**********1234', issuer: '公安机关' } }],
  };
  const files = ['M1', 'M3', 'M4', 'M5', 'M8', 'M9'];
  const body = multipart([{ name: 'application', value: JSON.stringify(application) }, ...files.map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: pdf(m) }))]);
  const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { ...tokens['samr-staff'], ...body.headers }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  const caseNo = res.json().caseNo as string;
  expect((await t.app.inject({ method: 'POST', url: `/api/cases/${caseNo}/accept`, headers: tokens['samr-staff'] })).statusCode).toBe(200);
  await pinClock(t.app, tokens.admin!, '2026-03-03', '09:00');
  const register = (await caseDetail(t.app, tokens.auditor!, caseNo)).openTasks.find((x: any) => x.elementId === 'register');
  for (const op of ['claim', 'complete']) {
    const r = await t.app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(register.taskId)}/${op}`, headers: tokens['samr-staff'], payload: op === 'complete' ? { opinion: '登记信息齐全' } : {} });
    expect(r.statusCode, r.body).toBe(200);
  }
  return caseNo;
}

const lightsOf = (c: any) => Object.fromEntries(c.lights.map((l: any) => [l.clock, [l.light, l.due, l.reason.code]]));
const overview = async (who = 'auditor') => (await t.app.inject({ method: 'GET', url: '/api/supervision/lights', headers: tokens[who] })).json();

describe('lights for every clock', () => {
  it('a step past its own limit is RED on the case, the task and the overview while the case is GREEN', async () => {
    await pinClock(t.app, tokens.admin!, '2026-03-05', '10:00');
    const c = await caseDetail(t.app, tokens.auditor!, food);
    expect(c.light).toBe('green');
    expect(lightsOf(c)).toMatchObject({
      promised: ['green', '2026-03-09', 'within'],
      statutory: ['green', '2026-03-16', 'within'],
      'step:review': ['red', '2026-03-04', 'overdue'],
    });
    const review = c.lights.find((l: any) => l.clock === 'step:review');
    expect(review).toMatchObject({ kind: 'step', department: SAMR, elapsed: 2, limit: 2, article: '行政许可法第43条', reason: { endsAt: '2026-03-04T16:00:00.000Z' } });
    const open = c.openTasks.find((x: any) => x.elementId === 'review');
    expect(open.light).toMatchObject({ clock: 'step:review', light: 'red' });

    const tasks = (await t.app.inject({ method: 'GET', url: `/api/tasks?caseNo=${food}`, headers: tokens['samr-staff'] })).json();
    expect(tasks.map((x: any) => [x.elementId, x.light?.clock, x.light?.light])).toEqual([['review', 'step:review', 'red']]);
    const one = (await t.app.inject({ method: 'GET', url: `/api/tasks/${encodeURIComponent(open.taskId)}`, headers: tokens['samr-staff'] })).json();
    expect(one.light).toMatchObject({ clock: 'step:review', light: 'red', reason: { code: 'overdue' } });

    const o = await overview();
    expect(o.clocks.filter((x: any) => x.caseNo === food).map((x: any) => [x.clock, x.light, x.due])).toEqual([['step:review', 'red', '2026-03-04']]);
    const notices = (await t.app.inject({ method: 'GET', url: `/api/supervision/notices?caseNo=${food}`, headers: tokens.auditor })).json();
    expect(notices.map((n: any) => [n.rule, n.stepId])).toEqual([['step-overdue', 'step:review']]);
  });

  it('a co-department past its limit is RED on its own light and its task; the others keep theirs', async () => {
    await pinClock(t.app, tokens.admin!, '2026-03-11', '10:00');
    const c = await caseDetail(t.app, tokens.auditor!, joint);
    expect(lightsOf(c)).toMatchObject({
      [`co-department:${HEALTH}`]: ['red', '2026-03-10', 'overdue'],
      [`co-department:${POLICE}`]: ['green', '2026-03-12', 'within'],
      [`co-department:${FIRE}`]: ['green', '2026-03-12', 'within'],
      promised: ['green', '2026-03-16', 'within'],
    });
    expect(c.lights.find((l: any) => l.clock === `co-department:${POLICE}`)).toMatchObject({ elapsed: 5, limit: 7, department: POLICE });
    const health = (await t.app.inject({ method: 'GET', url: `/api/tasks?caseNo=${joint}`, headers: tokens['health-staff'] })).json();
    expect(health.map((x: any) => [x.elementId, x.light?.clock, x.light?.light])).toEqual([['health', `co-department:${HEALTH}`, 'red']]);
    const police = (await t.app.inject({ method: 'GET', url: `/api/tasks?caseNo=${joint}`, headers: tokens['police-staff'] })).json();
    expect(police.map((x: any) => [x.elementId, x.light?.light])).toEqual([['police', 'green']]);
    // The health department sees its own clock in the overview, not the lead department's.
    const own = await overview('health-staff');
    expect(own.clocks.map((x: any) => [x.caseNo, x.clock, x.light])).toEqual([[joint, `co-department:${HEALTH}`, 'red']]);
  });

  it('the statutory limit has its own light: YELLOW at 80% while the promise is RED', async () => {
    await pinClock(t.app, tokens.admin!, '2026-03-13', '10:00');
    const c = await caseDetail(t.app, tokens.auditor!, food);
    expect(lightsOf(c)).toMatchObject({ promised: ['red', '2026-03-09', 'overdue'], statutory: ['yellow', '2026-03-16', 'warn-percent'] });
    expect(c.lights.find((l: any) => l.clock === 'statutory')).toMatchObject({ elapsed: 8, limit: 10, reason: { warnAtPercent: 80 } });
    const o = await overview();
    expect(o.clocks.filter((x: any) => x.caseNo === food).map((x: any) => [x.clock, x.light])).toEqual([['step:review', 'red'], ['promised', 'red'], ['statutory', 'yellow']]);
  });
});
