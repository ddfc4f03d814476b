/**
 * The reform office keeps the organisation from the console's 组织机构 page only, in headless Chromium against
 * the real server: a county under the city and a street under it, a department of the county, a 科长 and a
 * 科员 reporting to it, two staff holding them; an edit of each kind and a disable. Every refusal is read
 * as the person sees it: in Chinese, naming the field. No API call moves anything on.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood } from '../server/case-support.js';
import { ADMIN_PASSWORD, login, T0 } from '../server/helper.js';
import { openModeler, type Harness } from './browser.js';
import { deployShippedItem, FOOD_DEPARTMENT } from './case-world.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import { formLogin, openPage, route } from './pages.js';
import { englishOnPage } from './visible-text.js';

let h: Harness;
let desk: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  h = await openModeler();
  // One ITEM-02 case in handling at 区市场监督管理局, a department of 西湖区 (the county), for the lights.
  const app = h.server.app;
  await deployShippedItem(app, 'ITEM-02', T0);
  const caseNo = await applyFood(app, await login(app, 'applicant'));
  const accepted = await app.inject({ method: 'POST', url: `/api/cases/${caseNo}/accept`, headers: await login(app, 'food-staff'), payload: {} });
  expect(accepted.statusCode, accepted.body).toBe(200);
  desk = await openPage(h, '/console/');
  desk.setDefaultTimeout(10_000);
  await formLogin(desk, { username: 'admin', password: ADMIN_PASSWORD }, '#nav a[data-nav="org"]');
  await desk.click('#nav a[data-nav="org"]');
  await desk.waitForSelector('#main[data-route="/org"]:not([aria-busy]) #organisation');
}, 180_000);

afterAll(async () => {
  await desk?.close();
  await h?.close();
});

const formError = (form: string) => desk.textContent(`#${form} .form-error`);

/** Submits `form` and waits until the page re-rendered with `ready` (success) or the form shows its refusal. */
async function submit(form: string, ready?: string): Promise<void> {
  await desk.click(`#${form}-submit`);
  if (ready) await desk.waitForSelector(ready);
  else await desk.waitForFunction((id) => !!document.querySelector(`#${id} .form-error`)?.textContent, form);
}

const cells = async (selector: string) => (await desk.locator(`${selector} td`).allTextContents()).map((s) => s.trim());

describe('the organisation page of the reform office', { timeout: 90_000 }, () => {
  it('lists the three sample levels, their departments, positions and staff by name', async () => {
    expect(await cells('#regions tr[data-region="330106001"]')).toEqual(expect.arrayContaining(['330106001', '北山街道', '乡镇（街道）', '西湖区', '北山街道便民服务中心', '使用中']));
    expect(await cells('#positions tr[data-position="market.clerk"]')).toEqual(expect.arrayContaining(['market.clerk', '科员', 'market-supervision 科长']));
    const staff = await cells('#org-users tr[data-user="market-staff"]');
    expect(staff.slice(0, 5)).toEqual(['market-staff', 'market-supervision 工作人员', 'market-supervision', '科员', '科长：market-supervision 科长']);
  });

  it('creates a county and a street, each refusal naming the field in Chinese', async () => {
    await desk.click('#region-new');
    await desk.fill('#region-code', '330206');
    await desk.fill('#region-name', '滨江区');
    await desk.selectOption('#region-parent', '330100');
    await desk.fill('#region-centre', '滨江区政务服务中心');
    await submit('region-form');
    expect(await formError('region-form')).toBe('新增区划失败：「行政区划代码」行政区划代码无效：330206（市、县为六位 GB/T 2260 代码，乡镇街道为九位，且须以上级代码开头）');
    await desk.fill('#region-code', '330108');
    await desk.fill('#region-name', '');
    await submit('region-form');
    expect(await formError('region-form')).toBe('新增区划失败：提交的内容不符合要求：「区划名称」 缺少必填项');
    await desk.fill('#region-name', '滨江区');
    await submit('region-form', '#regions tr[data-region="330108"]');
    expect(await desk.textContent('#status')).toBe('区划已新增');
    expect(await cells('#regions tr[data-region="330108"]')).toEqual(expect.arrayContaining(['滨江区', '县（区）', '杭州市', '滨江区政务服务中心']));

    await desk.click('#region-new');
    await desk.fill('#region-code', '330106001');
    await desk.fill('#region-name', '长河街道');
    await desk.selectOption('#region-parent', '330108');
    await desk.fill('#region-centre', '长河街道便民服务中心');
    await submit('region-form');
    expect(await formError('region-form')).toContain('「行政区划代码」');
    await desk.fill('#region-code', '330108001');
    await submit('region-form', '#regions tr[data-region="330108001"]');
    expect(await cells('#regions tr[data-region="330108001"]')).toEqual(expect.arrayContaining(['长河街道', '乡镇（街道）', '滨江区']));
  });

  it('creates a department of the county, refusing a missing region and a taken code', async () => {
    await desk.click('#department-new');
    await desk.fill('#department-id', 'binjiang-market');
    await desk.fill('#department-name', '滨江区市场监督管理局');
    await submit('department-form');
    expect(await formError('department-form')).toBe('新增部门失败：提交的内容不符合要求：「所属区划」 缺少必填项');
    await desk.selectOption('#department-region', '330108');
    await desk.fill('#department-id', 'market-supervision');
    await submit('department-form');
    expect(await formError('department-form')).toBe('新增部门失败：「部门编码」该编码已被使用，请换一个：market-supervision');
    await desk.fill('#department-id', 'binjiang-market');
    await submit('department-form', '#departments tr[data-department="binjiang-market"]');
    expect(await cells('#departments tr[data-department="binjiang-market"]')).toEqual(expect.arrayContaining(['滨江区市场监督管理局', '滨江区', '使用中']));
  });

  it('creates a 科长 and a 科员 reporting to it', async () => {
    await desk.click('#position-new');
    await desk.fill('#position-id', 'bj.chief');
    await desk.selectOption('#position-department', 'binjiang-market');
    await submit('position-form');
    expect(await formError('position-form')).toBe('新增岗位失败：提交的内容不符合要求：「岗位类别」 缺少必填项');
    await desk.selectOption('#position-kind', 'section-chief');
    await submit('position-form', '#positions tr[data-position="bj.chief"]');
    await desk.click('#position-new');
    await desk.fill('#position-id', 'bj.clerk');
    await desk.selectOption('#position-department', 'binjiang-market');
    await desk.selectOption('#position-kind', 'clerk');
    await desk.fill('#position-name', '登记科科员');
    await desk.selectOption('#position-leader', 'bj.chief');
    await submit('position-form', '#positions tr[data-position="bj.clerk"]');
    expect(await cells('#positions tr[data-position="bj.clerk"]')).toEqual(expect.arrayContaining(['滨江区市场监督管理局', '登记科科员', '滨江区市场监督管理局 科长', '—']));
  });

  it('creates two staff holding the positions; the clerk\'s leader is the chief by name', async () => {
    const person = async (id: string, name: string, position: string, password: string) => {
      await desk.click('#user-new');
      await desk.fill('#user-id', id);
      await desk.fill('#user-name', name);
      await desk.selectOption('#user-department', 'binjiang-market');
      await desk.selectOption('#user-position', position);
      await desk.fill('#user-password', password);
    };
    await person('bj-chen', '陈静', 'bj.chief', 'short');
    await submit('user-form');
    expect(await formError('user-form')).toBe('新增人员失败：密码不符合要求：至少 12 个字符，不能包含用户名，不能是常用密码');
    await desk.fill('#user-password', 'Binjiang-river-2026');
    await submit('user-form', '#org-users tr[data-user="bj-chen"]');
    await person('market-staff', '重名', 'bj.clerk', 'Binjiang-river-2026');
    await submit('user-form');
    expect(await formError('user-form')).toBe('新增人员失败：「用户名」该编码已被使用，请换一个：market-staff');
    await desk.fill('#user-id', 'bj-li');
    await desk.fill('#user-name', '李娜');
    await submit('user-form', '#org-users tr[data-user="bj-li"]');
    expect((await cells('#org-users tr[data-user="bj-li"]')).slice(0, 5)).toEqual(['bj-li', '李娜', '滨江区市场监督管理局', '登记科科员', '科长：陈静']);
    expect(await cells('#positions tr[data-position="bj.chief"]')).toContain('陈静');
  });

  it('edits a region, a position and a user, refusing an empty name by its field', async () => {
    await desk.click('#regions tr[data-region="330108001"] button.edit');
    await desk.fill('#region-edit-name', '');
    await submit('region-edit');
    expect(await formError('region-edit')).toBe('保存区划失败：提交的内容不符合要求：「区划名称」 内容过短，至少 1 个字符');
    await desk.fill('#region-edit-name', '长河街道办事处');
    await submit('region-edit', '#regions tr[data-region="330108001"] td:has-text("长河街道办事处")');

    await desk.click('#positions tr[data-position="bj.clerk"] button.edit');
    await desk.fill('#position-edit-name', '科员');
    await submit('position-edit', '#positions tr[data-position="bj.clerk"] td:text-is("科员")');

    // 李娜 moves from 科员 to 科长 (two holders of the chief's position now) and is renamed.
    await desk.click('#org-users tr[data-user="bj-li"] button.edit');
    await desk.fill('#user-edit-name', '李娜娜');
    await desk.selectOption('#user-edit-position', 'bj.chief');
    await submit('user-edit', '#org-users tr[data-user="bj-li"] td:text-is("李娜娜")');
    expect((await cells('#org-users tr[data-user="bj-li"]')).slice(0, 4)).toEqual(['bj-li', '李娜娜', '滨江区市场监督管理局', '科长']);
    expect(await cells('#positions tr[data-position="bj.chief"]')).toContain('陈静、李娜娜');
  });

  it('disables a department and a user; a disabled department takes no new position, in Chinese', async () => {
    await desk.click('#departments tr[data-department="binjiang-market"] button.toggle');
    await desk.waitForSelector('#departments tr[data-department="binjiang-market"][data-disabled="true"]');
    expect(await desk.textContent('#status')).toBe('已停用：滨江区市场监督管理局');
    // The form offers departments in use only.
    await desk.click('#position-new');
    expect(await desk.locator('#position-department option[value="binjiang-market"]').count()).toBe(0);
    await desk.click('#position-form button[type="button"]');
    await desk.click('#org-users tr[data-user="bj-chen"] button.toggle');
    await desk.waitForSelector('#org-users tr[data-user="bj-chen"][data-disabled="true"]');
    expect(await cells('#org-users tr[data-user="bj-chen"]')).toContain('已停用');
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'console-organisation.png'), fullPage: true });
    // Codes and user ids are lowercase ASCII by design; no English sentence may show.
    expect((await englishOnPage(desk)).filter((s) => s.includes(' '))).toEqual([]);
  });

  it('gives a county centre the lights of its county and townships, narrowed by region and level', async () => {
    const centre = async (id: string, name: string, region: string) => {
      await desk.click('#user-new');
      await desk.fill('#user-id', id);
      await desk.fill('#user-name', name);
      await desk.selectOption('#user-role', 'reform-office-admin');
      await desk.selectOption('#user-region', region);
      await desk.fill('#user-password', 'Centre-of-xihu-2026');
      await submit('user-form', `#org-users tr[data-user="${id}"]`);
    };
    await centre('xihu-office', '西湖区审改办', '330106');
    await centre('beishan-office', '北山街道审改办', '330106001');
    await desk.click('#logout');
    await desk.waitForSelector('#login');
    await formLogin(desk, { username: 'xihu-office', password: 'Centre-of-xihu-2026' }, '#nav a[data-nav="lights"]');
    await route(desk, '#/lights', '/lights');
    // The county centre is offered its county and the townships below, not the city.
    expect(await desk.locator('#lights-region option').allTextContents()).toEqual(['本级及下级全部区划', '\u3000西湖区（县（区））', '\u3000\u3000北山街道（乡镇（街道））']);
    expect(await desk.locator(`#light-counts tr[data-department="${FOOD_DEPARTMENT}"]`).count()).toBe(1);
    await desk.selectOption('#lights-region', '330106001');
    await desk.click('#lights-filters button[type="submit"]');
    await desk.waitForSelector('#main[data-route="/lights"]:not([aria-busy]) #light-counts tr.empty');
    expect(await desk.evaluate(() => location.hash)).toBe('#/lights?region=330106001');
    await desk.selectOption('#lights-region', '');
    await desk.selectOption('#lights-level', 'county');
    await desk.click('#lights-filters button[type="submit"]');
    await desk.waitForSelector(`#main[data-route="/lights"]:not([aria-busy]) #light-counts tr[data-department="${FOOD_DEPARTMENT}"]`);
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'console-lights-level.png'), fullPage: true });

    await desk.click('#logout');
    await desk.waitForSelector('#login');
    await formLogin(desk, { username: 'beishan-office', password: 'Centre-of-xihu-2026' }, '#nav a[data-nav="lights"]');
    await route(desk, '#/lights', '/lights');
    expect(await desk.locator('#lights-region option').allTextContents()).toEqual(['本级及下级全部区划', '\u3000\u3000北山街道（乡镇（街道））']);
    expect(await desk.locator('#light-counts tr.empty').count()).toBe(1);
    expect(await desk.locator('#light-totals li strong').allTextContents()).toEqual(['0', '0', '0', '0']);
    // Asking for the county above it is refused in Chinese.
    await route(desk, '#/lights?region=330106', '/lights');
    expect(await desk.textContent('#main')).toContain('您没有权限执行此操作');
  });

  it('is offered to the reform office only', async () => {
    await desk.click('#logout');
    await desk.waitForSelector('#login');
    await formLogin(desk, { username: 'market-admin', password: 'demo-password-1' }, '#nav a[data-nav="inbox"]');
    expect(await desk.locator('#nav a[data-nav="org"]').count()).toBe(0);
    await route(desk, '#/org', '/org');
    expect(await desk.textContent('#organisation .form-error')).toBe('组织机构由审改办管理，您没有权限');
  });

  it('logged no error in the pages', () => {
    expect(h.pageErrors.filter((e) => !/^4\d\d (POST|PATCH|GET) /.test(e))).toEqual([]);
  });
});
