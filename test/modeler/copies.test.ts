/**
 * 抄送我的 from the console pages only, in headless Chromium against the real server: the reviewer of an
 * ITEM-02 case claims the review in the inbox and copies it from the case page to the section chief; the
 * chief finds the copy unread in 抄送我的, opens the case, and finds it read. The API only deploys the item
 * and brings the case to the review.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood } from '../server/case-support.js';
import { login, T0 } from '../server/helper.js';
import { openModeler, type Harness } from './browser.js';
import { deployShippedItem } from './case-world.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import { consoleLoginAs, openPage, route } from './pages.js';

const PASSWORD = 'demo-password-1';
let h: Harness;
let desk: Page;
let caseNo: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  h = await openModeler();
  const app = h.server.app;
  await deployShippedItem(app, 'ITEM-02', T0);
  caseNo = await applyFood(app, await login(app, 'applicant'));
  const accepted = await app.inject({ method: 'POST', url: `/api/cases/${caseNo}/accept`, headers: await login(app, 'food-staff'), payload: {} });
  expect(accepted.statusCode, accepted.body).toBe(200);
  desk = await openPage(h, '/console/');
  desk.setDefaultTimeout(10_000);
}, 180_000);

afterAll(async () => {
  await desk?.close();
  await h?.close();
});

async function loginAs(id: string): Promise<void> {
  await consoleLoginAs(desk, { username: id, password: PASSWORD });
}

const row = () => desk.locator(`#copies tr[data-case="${caseNo}"]`);

describe('抄送我的, from the console pages', { timeout: 90_000 }, () => {
  it('the reviewer copies the claimed review to the section chief from the case page', async () => {
    await loginAs('food-staff');
    await route(desk, '#/inbox', '/inbox');
    await desk.click(`#inbox tr[data-case="${caseNo}"] button.claim`);
    await desk.waitForFunction(() => document.getElementById('status')?.textContent === '已签收');
    await route(desk, `#/cases/${encodeURIComponent(caseNo)}`, '/cases/:caseNo');
    // The step form names who holds the step, not their user id.
    expect(await desk.locator('.step[data-element="review"] h4 small').textContent()).toContain('办理人 区市场监督管理局 工作人员');
    const review = desk.locator('#task-operations .task-ops[data-element="review"]');
    await review.locator('button[data-op="copies"]').click();
    await review.locator('[data-field="copy-users"] input[value="food-chief"]').check();
    await review.locator('#copy-note').fill('请科长知悉材料审查情况');
    await review.locator('button.op-submit').click();
    await desk.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('已抄送给'));
    expect(await desk.textContent('#status')).toBe('已抄送给 区市场监督管理局 科长（仅供查阅）');
    // The copier is no recipient.
    await route(desk, '#/copies', '/copies');
    expect(await row().count()).toBe(0);
  });

  it('the chief finds it unread in 抄送我的, opens the case, and finds it read', async () => {
    await loginAs('food-chief');
    await desk.click('#nav a[data-nav="copies"]');
    await desk.waitForSelector('#main[data-route="/copies"]:not([aria-busy]) #copies');
    expect(await row().getAttribute('data-read')).toBe('false');
    const cells = (await row().locator('td').allTextContents()).map((s) => s.trim());
    expect(cells).toEqual([caseNo, '材料审查', '区市场监督管理局 工作人员', expect.any(String), '请科长知悉材料审查情况', '未读']);
    expect(await desk.textContent('#copies-page .count')).toBe('共 1 条抄送，1 条未读');
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'console-copies.png'), fullPage: true });
    await row().locator('a.case-link').click();
    await desk.waitForSelector('#main[data-route="/cases/:caseNo"]:not([aria-busy])');
    await route(desk, '#/copies', '/copies');
    expect(await row().getAttribute('data-read')).toBe('true');
    expect((await row().locator('td').last().textContent())?.trim()).toBe('已读');
    expect(await desk.textContent('#copies-page .count')).toBe('共 1 条抄送，0 条未读');
  });

  it('logged no error in the pages', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
