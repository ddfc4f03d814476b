/**
 * The operations on a step from the console pages only, in headless Chromium against the real server: on an
 * ITEM-03 joint approval, a police officer claims the police step in the inbox and transfers it to the
 * section chief (转办); a fire inspector adds the chief to the fire review in parallel (并加签); the chief of
 * police rejects the case back to the registration (驳回). The API only deploys the item, creates the staff
 * and brings the case to the co-departments; what is asserted is what each person sees.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, T0 } from '../server/helper.js';
import { multipart, pdf } from '../server/case-support.js';
import { openModeler, type Harness } from './browser.js';
import { api, deployShippedItem } from './case-world.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import { consoleLoginAs, openPage, route } from './pages.js';
import { englishOnPage } from './visible-text.js';

const PASSWORD = 'long-enough-pw';
/** Staff by their staff numbers (as the timeline records them) and real names. */
const STAFF = [
  { id: 's4001', name: '周明', department: '区市场监督管理局', groups: ['registrar', 'window-clerk'] },
  { id: 'p1001', name: '李强', department: '区公安分局', groups: ['police-officer'] },
  { id: 'p1002', name: '刘洋', department: '区公安分局', groups: ['police-officer'] },
  { id: 'f2001', name: '陈刚', department: '区消防救援大队', groups: ['fire-inspector'] },
  { id: 'f2002', name: '王磊', department: '区消防救援大队', groups: ['fire-inspector'] },
  { id: 'h3001', name: '赵敏', department: '区卫生健康委员会', groups: ['health-inspector'] },
];

let h: Harness;
let desk: Page;
let caseNo: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  h = await openModeler();
  const app = h.server.app;
  await deployShippedItem(app, 'ITEM-03', T0);
  for (const s of STAFF) await api(app, 'admin', 'POST', '/api/users', { ...s, roles: ['department-staff'], password: PASSWORD });
  const clerk = await login(app, 's4001', PASSWORD);
  const application = {
    itemCode: 'ITEM-03', channel: 'window',
    applicant: { id: 'wang-fang', name: '王芳旅馆有限公司', kind: 'ENTERPRISE', idType: 'RESIDENT_ID', idNumber: '330102199001011234' },
    facts: { applicant: { kind: 'ENTERPRISE' }, rooms: 30, hasCentralAC: false, fireSafetyPath: 'NORMAL', byAgent: false },
    materials: [{ material: 'M2', shared: { type: '居民身份证', number: '3301**********1234', issuer: '公安机关' } }],
  };
  const body = multipart([{ name: 'application', value: JSON.stringify(application) }, ...['M1', 'M3', 'M4', 'M5', 'M8', 'M9'].map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: pdf(m) }))]);
  const applied = await app.inject({ method: 'POST', url: '/api/cases', headers: { ...clerk, ...body.headers }, payload: body.payload });
  expect(applied.statusCode, applied.body).toBe(201);
  caseNo = applied.json().caseNo;
  expect((await app.inject({ method: 'POST', url: `/api/cases/${caseNo}/accept`, headers: clerk, payload: {} })).statusCode).toBe(200);
  const register = (await app.inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}`, headers: clerk })).json()[0];
  for (const op of ['claim', 'complete']) {
    const res = await app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(register.taskId)}/${op}`, headers: clerk, payload: op === 'complete' ? { opinion: '登记信息齐全' } : {} });
    expect(res.statusCode, res.body).toBe(200);
  }
  desk = await openPage(h, '/console/');
  desk.setDefaultTimeout(10_000);
}, 180_000);

afterAll(async () => {
  await desk?.close();
  await h?.close();
});

const block = (element: string, i = 0) => desk.locator(`#task-operations .task-ops[data-element="${element}"]`).nth(i);
const status = () => desk.textContent('#status');

async function loginAs(id: string): Promise<void> {
  await consoleLoginAs(desk, { username: id, password: PASSWORD });
}

async function openCase(): Promise<void> {
  await route(desk, `#/cases/${encodeURIComponent(caseNo)}`, '/cases/:caseNo');
}

/** Claims the open task of the case in the inbox (签收). */
async function claimInInbox(): Promise<void> {
  await route(desk, '#/inbox', '/inbox');
  await desk.click(`#inbox tr[data-case="${caseNo}"] button.claim`);
  await desk.waitForFunction(() => document.getElementById('status')?.textContent === '已签收');
}

describe('the operations on a step, from the console pages', { timeout: 90_000 }, () => {
  it('转办: the police officer transfers the claimed police step to the section chief', async () => {
    await loginAs('p1001');
    await claimInInbox();
    await openCase();
    const police = block('police');
    // The holder is offered every operation of the holder, the other steps' holders none of theirs.
    expect(await police.locator('.op-buttons button').allTextContents()).toEqual(['转办', '委派', '加签', '驳回', '抄送']);
    expect(await desk.locator('#task-operations .task-ops[data-element="fire"]').count()).toBe(0);
    await police.locator('button[data-op="transfer"]').click();
    await police.locator('select#transfer-to').waitFor();
    const options = await police.locator('select#transfer-to option').allTextContents();
    expect(options).toEqual(['请选择人员', '刘洋']);
    await police.locator('select#transfer-to').selectOption({ label: '刘洋' });
    await police.locator('#transfer-reason').fill('本人出差，转刘洋办理');
    await police.locator('button.op-submit').click();
    await desk.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('已转办给'));
    expect(await status()).toBe('已转办给 刘洋，该环节已移出您的待办');
    // The page re-renders after the transfer; the block read before that still names the officer
    await expect.poll(() => block('police').locator('.holder').textContent()).toBe('办理人：刘洋');
    // No longer the holder: only 催办 is left to the officer.
    expect(await block('police').locator('.op-buttons button').allTextContents()).toEqual(['催办']);
    await route(desk, '#/inbox', '/inbox');
    expect(await desk.locator(`#inbox tr[data-case="${caseNo}"] button.claim`).count()).toBe(0);
  });

  it('并加签: the fire inspector adds the section chief to the fire review, which then has two signers', async () => {
    await loginAs('f2001');
    await claimInInbox();
    await openCase();
    const fire = block('fire');
    await fire.locator('button[data-op="signers"]').click();
    await fire.locator('select#signers-mode').waitFor();
    expect(await fire.locator('select#signers-mode option').allTextContents()).toEqual([
      '前加签（加签人先签，再由我办理）', '后加签（我办理后再由加签人签）', '并加签（与本环节会签人员一同签署）',
    ]);
    await fire.locator('select#signers-mode').selectOption('parallel');
    await fire.getByLabel('王磊').check();
    await fire.locator('#signers-reason').fill('疏散通道需王磊复核');
    await fire.locator('button.op-submit').click();
    await desk.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('已加签'));
    expect(await status()).toBe('已加签（并加签（与本环节会签人员一同签署））：王磊');
    await desk.waitForFunction(() => document.querySelectorAll('#step-actions .step[data-element="fire"]').length === 2);
    // The one who added may take the added signer off again (减签) while they have not signed.
    expect(await block('fire').locator('.op-buttons button').allTextContents()).toContain('减签');
    expect(await englishOnPage(desk)).toEqual([]);
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'console-task-operations.png'), fullPage: true });
  });

  it('驳回: the section chief of police rejects the case back to the registration, every branch withdrawn', async () => {
    await loginAs('p1002');
    await openCase();
    const police = block('police');
    await police.locator('button[data-op="reject"]').click();
    await police.locator('select#reject-to').waitFor();
    expect(await police.locator('select#reject-to option').allTextContents()).toEqual(['上一环节', '设立登记', '申请人（补正材料）']);
    await police.locator('select#reject-to').selectOption({ label: '设立登记' });
    await police.locator('select#reject-resume').selectOption('through');
    await police.locator('#reject-reason').fill('经营场所使用证明与登记地址不一致');
    await police.locator('button.op-submit').click();
    await desk.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('已驳回'));
    expect(await status()).toBe('已驳回到“设立登记”；按流程逐步重新流转');
    await desk.waitForSelector('#timeline tr[data-event="task.rejected"]');
    const steps = await desk.locator('#step-actions .step').evaluateAll((els) => els.map((e) => e.getAttribute('data-element')));
    expect(steps).toEqual(['register']);
    const row = desk.locator('#timeline tr[data-event="task.rejected"]');
    expect(await row.textContent()).toContain('驳回');
    expect(await row.textContent()).toContain('经营场所使用证明与登记地址不一致');
    expect(await englishOnPage(desk)).toEqual([]);
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'console-task-reject.png'), fullPage: true });
  });

  it('the timeline says what each operation did in Chinese, people by name, with no English sentence or staff number', async () => {
    // The clerk copies the registration step to the health inspector (抄送), through the API.
    const app = h.server.app;
    const clerk = await login(app, 's4001', PASSWORD);
    const register = (await app.inject({ method: 'GET', url: `/api/tasks?caseNo=${caseNo}`, headers: clerk })).json()[0];
    for (const [op, payload] of [['claim', {}], ['copies', { users: ['h3001'] }]] as const) {
      const res = await app.inject({ method: 'POST', url: `/api/tasks/${encodeURIComponent(register.taskId)}/${op}`, headers: clerk, payload });
      expect(res.statusCode, res.body).toBe(200);
    }
    await loginAs('p1002');
    await openCase();
    await desk.waitForSelector('#timeline tr[data-event="task.copied"]');
    await desk.click('#timeline-toggle');
    const cells = (event: string, column: number) => desk.$$eval(`#timeline tr[data-event="${event}"] td:nth-child(${column})`, (tds) => tds.map((td) => td.textContent ?? ''));
    const detail = (event: string) => cells(event, 5);
    expect(await detail('task.claimed')).toEqual(expect.arrayContaining(['李强签收“旅馆业特种行业许可”', '陈刚签收“消防安全检查”', '周明签收“设立登记”']));
    expect(await detail('task.transferred')).toEqual(['“旅馆业特种行业许可”由李强转办给刘洋']);
    expect(await detail('task.signers-added')).toEqual(['“消防安全检查”会签加签：王磊']);
    expect(await detail('task.rejected')).toEqual(['“旅馆业特种行业许可”驳回至“设立登记”，按流程逐步重新流转']);
    expect(await detail('task.copied')).toEqual(['“设立登记”抄送给赵敏']);
    expect(await cells('task.copied', 6)).toEqual(['抄送 赵敏']);
    expect(await detail('task.created')).toContain('“设立登记”待办已生成，办理部门：区市场监督管理局，办理岗位：登记人员');
    // Every row's detail is Chinese or empty; no staff number and no English record is shown.
    const details = await desk.$$eval('#timeline tbody tr td:nth-child(5)', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(details.filter((d) => d !== '' && !/[\u4e00-\u9fff]/.test(d))).toEqual([]);
    const text = await desk.locator('#timeline').innerText();
    for (const s of STAFF) expect(text, s.id).not.toContain(s.id);
    expect(text).not.toMatch(/\b(task|opened|claimed|transferred|signers|rejected|copied)\b/);
    expect(await englishOnPage(desk)).toEqual([]);
  });

  it('logged no error in the console pages', () => {
    expect(h.pageErrors.filter((e) => /\/console\/|\/api\//.test(e))).toEqual([]);
  });
});
