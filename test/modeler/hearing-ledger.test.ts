/**
 * The hearing on the case page, in headless Chromium against the real server: an ITEM-02 case whose applicant
 * (张三) asks for the hearing after being told of the right. The special procedure it starts names its reason
 * in Chinese (张三要求听证) in the 特别程序 table, and the timeline's hearing rows read in Chinese with no
 * English sentence. The API brings the case there; what is asserted is what the clerk sees.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFiles } from '../items/support.js';
import { withHearing } from '../server/case-fixtures.js';
import { applyFood } from '../server/case-support.js';
import { DEMO_PASSWORD, login } from '../server/helper.js';
import { openModeler, type Harness } from './browser.js';
import { consoleLoginAs, openPage, route } from './pages.js';
import { englishOnPage } from './visible-text.js';

let h: Harness;
let desk: Page;
let caseNo: string;

beforeAll(async () => {
  h = await openModeler();
  const app = h.server.app;
  const admin = await login(app, 'admin');
  const deployed = await app.inject({ method: 'POST', url: '/api/items/ITEM-02/versions', headers: admin, payload: { files: withHearing(await itemFiles('ITEM-02')) } });
  expect(deployed.statusCode, deployed.body).toBe(201);
  const applicant = await login(app, 'applicant');
  const clerk = await login(app, 'food-staff');
  caseNo = await applyFood(app, applicant);
  const post = async (path: string, who: Record<string, string>, payload: object = {}) => {
    const res = await app.inject({ method: 'POST', url: `/api/cases/${caseNo}/${path}`, headers: who, payload });
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
  };
  await post('accept', clerk);
  await post('hearing/notify', clerk, { reason: '涉及相邻住户重大利益', basis: '行政许可法第47条' });
  await post('hearing/request', applicant);
  desk = await openPage(h, '/console/');
  desk.setDefaultTimeout(10_000);
}, 180_000);

afterAll(async () => {
  await desk?.close();
  await h?.close();
});

describe('a requested hearing on the case page', { timeout: 60_000 }, () => {
  it('names the reason of the hearing procedure in Chinese, the party by name, and its timeline rows without English', async () => {
    await consoleLoginAs(desk, { username: 'food-staff', password: DEMO_PASSWORD });
    await route(desk, `#/cases/${encodeURIComponent(caseNo)}`, '/cases/:caseNo');
    const row = desk.locator('#suspensions tr[data-procedure="hearing"]');
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('张三要求听证');
    expect(await row.textContent()).not.toContain('requested');
    const why = (event: string) => desk.$$eval(`#timeline tr[data-event="${event}"] td:nth-child(6)`, (tds) => tds.map((td) => td.textContent ?? ''));
    expect(await why('special-procedure.started')).toEqual(['张三要求听证']);
    expect(await why('hearing.notified')).toEqual([expect.stringMatching(/^涉及相邻住户重大利益；可于 \d{4}-\d{2}-\d{2} 前要求听证/)]);
    expect(await englishOnPage(desk)).toEqual([]);
    expect(h.pageErrors.filter((e) => /\/console\/|\/api\//.test(e))).toEqual([]);
  });
});
