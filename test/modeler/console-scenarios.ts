/**
 * Browser scenarios of the supervision console on the case the portal scenarios opened: a department user
 * completes a task from the inbox, reads the case page, the lights (compared with the API's counts), answers a
 * supervision notice once the case ran late, and reads the monthly report with its CSV.
 */
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Harness } from './browser.js';
import { api, FOOD_DEPARTMENT } from './case-world.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import { formLogin, openPage, route, type PagesState } from './pages.js';
import { DEMO_PASSWORD } from '../server/helper.js';

/** Registers the console scenarios; `state.console` is the console page the portal scenarios logged in. */
export function consoleScenarios(h: () => Harness, state: PagesState): void {
  it('shows the department\'s task with its light and due date in the inbox, and claims and completes it', async () => {
    const desk = state.console!;
    await route(desk, '#/inbox', '/inbox');
    const row = `#inbox tr[data-case="${state.caseNo}"]`;
    await desk.waitForSelector(row);
    const [task] = (await api(h().server.app, 'food-staff', 'GET', `/api/tasks?caseNo=${state.caseNo}`)) as { taskId: string; dueAt?: string }[];
    expect(await desk.getAttribute(row, 'data-task')).toBe(task!.taskId);
    expect(await desk.getAttribute(`${row} .light`, 'data-light')).toBe('green');
    expect(await desk.textContent(`${row} .col-due`)).toMatch(/^2026-03-\d\d \d\d:\d\d$/);
    expect(await desk.textContent('#nav')).toContain('流程建模');
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'console-inbox.png') });

    await desk.click(`${row} button.claim`);
    // The inbox names who holds the task by their real name, not their user id.
    await desk.waitForSelector(`${row} td:has-text("${FOOD_DEPARTMENT} 工作人员")`);
    await desk.click(`${row} button.complete`);
    await desk.selectOption('#complete-outcome', 'approve');
    await desk.fill('#complete-opinion', '材料齐全，符合条件');
    await desk.click('#complete-submit');
    await desk.waitForSelector(`#inbox tr[data-task="${task!.taskId}"]`, { state: 'detached' });
    const done = await api(h().server.app, 'food-staff', 'GET', `/api/tasks/${task!.taskId}`);
    expect(done.status).toBe('completed');
  });

  it('shows the case page with the timeline (who, what, why), the clocks the API computed, materials and documents', async () => {
    const desk = state.console!;
    await route(desk, `#/cases/${state.caseNo}`, '/cases/:caseNo');
    const completed = desk.locator('#timeline tr[data-event="task.completed"]').first();
    expect(await completed.textContent()).toContain('材料齐全，符合条件');
    const detail = await api(h().server.app, 'food-staff', 'GET', `/api/cases/${state.caseNo}`);
    expect(await desk.textContent('#clocks tr[data-clock="statutory"] .deadline')).toBe(detail.clocks.statutory.date);
    expect(await desk.textContent('#clocks tr[data-clock="promised"] .deadline')).toBe(detail.clocks.promised.date);
    expect(await desk.$$eval('#materials tr[data-on-file="true"]', (rows) => rows.map((r) => (r as HTMLElement).dataset.material))).toEqual(expect.arrayContaining(['M1', 'M3', 'M4']));
    await desk.click('#documents [data-document="correction-notice"]');
    await expect.poll(() => desk.frameLocator('#document-frame').locator('body').textContent()).toContain('补正');
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'console-case.png'), fullPage: true });
  });

  it('shows per department the light counts GET /api/supervision/lights reports, as a table and an SVG chart', async () => {
    const desk = state.console!;
    await route(desk, '#/lights', '/lights');
    const reported = await api(h().server.app, 'food-staff', 'GET', '/api/supervision/lights');
    const counts = (reported.departments as Record<string, number | string>[]).find((r) => r.department === FOOD_DEPARTMENT)!;
    for (const light of ['green', 'yellow', 'red', 'paused']) {
      expect(await desk.textContent(`#light-counts tr[data-department="${FOOD_DEPARTMENT}"] [data-count="${light}"]`)).toBe(String(counts[light] ?? 0));
      expect(await desk.getAttribute(`#lights-chart rect.bar[data-category="${FOOD_DEPARTMENT}"][data-series="${light}"]`, 'data-value')).toBe(String(counts[light] ?? 0));
    }
    expect(Number(counts.green)).toBeGreaterThanOrEqual(1);
    // 红黄绿灯: the early warning is the yellow light, as the page's title and the 电子监察 exchange name it
    const page = (await desk.textContent('body'))!;
    expect(page).toContain('黄灯（预警）');
    expect(page).not.toContain('蓝灯');
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'console-lights.png'), fullPage: true });
  });

  it('lists the case as overdue once its promised limit passed, and answers the supervision notice', async () => {
    const desk = state.console!;
    await api(h().server.app, 'admin', 'POST', '/api/clock', { advanceMs: 20 * 86_400_000 });
    await route(desk, '#/lights', '/lights');
    await desk.waitForSelector(`#overdue tr[data-case="${state.caseNo}"]`);
    await route(desk, '#/notices', '/notices');
    const notice = desk.locator(`#notices tr:has(a:has-text("${state.caseNo}"))`).first();
    await notice.locator('button.respond').click();
    await desk.fill('#response-text', '已督促承办人当日办结');
    await desk.click('#response-form button[type="submit"]');
    await desk.waitForSelector(`#notices tr[data-answered="true"]:has(a:has-text("${state.caseNo}"))`);
    expect(await desk.textContent('#notices')).toContain('已督促承办人当日办结');
  });

  it('shows the monthly report to supervision, with charts, and downloads the same figures as CSV and as an Excel workbook', async () => {
    const desk = state.console!;
    // The monthly figures are for the reform office and supervision, not for a department's staff
    await desk.click('#logout');
    await formLogin(desk, { username: 'auditor', password: DEMO_PASSWORD }, '#who-name[data-user="auditor"]');
    await route(desk, '#/report?month=2026-03', '/report');
    const { rows } = await api(h().server.app, 'auditor', 'GET', '/api/reports/monthly?month=2026-03');
    const food = (rows as { itemCode: string; received: number }[]).find((r) => r.itemCode === 'ITEM-02')!;
    expect(await desk.textContent(`#report tr[data-item="ITEM-02"] td:nth-child(3)`)).toBe(String(food.received));
    expect(await desk.getAttribute(`#report-charts rect.bar[data-category="${FOOD_DEPARTMENT}"][data-series="received"]`, 'data-value')).toBe(String(food.received));
    expect(food.received).toBeGreaterThanOrEqual(1);
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.click('#report-csv')]);
    expect(download.suggestedFilename()).toBe('shenpi-report-2026-03.csv');
    const bytes = readFileSync((await download.path())!);
    // The saved file keeps the byte-order mark, so a spreadsheet opens the Chinese headers correctly
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv).toContain('实施部门,事项编码,事项名称,收件数');
    expect(csv).toContain(FOOD_DEPARTMENT);
    const [workbook] = await Promise.all([desk.waitForEvent('download'), desk.click('#report-xlsx')]);
    expect(workbook.suggestedFilename()).toBe('shenpi-report-2026-03.xlsx');
    const [sheet] = await readXlsxFile(readFileSync((await workbook.path())!));
    expect(sheet!.data[0]!.slice(0, 2)).toEqual(['实施部门', '事项编码']);
    expect(sheet!.data.find((r) => r[1] === 'ITEM-02')?.[3]).toBe(food.received);
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'console-report.png'), fullPage: true });
  });

  it('falls back to the English texts with ?lang=en in the console and the portal', async () => {
    const page = await openPage(h(), '/console/?lang=en#/lights');
    try {
      await page.waitForSelector('#login');
      expect(await page.textContent('#brand')).toBe('Approval console');
      expect(await page.textContent('#login h2')).toBe('Staff login');
      await page.goto(`${h().baseUrl}/portal/?lang=en`);
      await page.waitForSelector('#items [data-item="ITEM-02"]');
      expect(await page.textContent('#nav')).toContain('Service guide');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await page.close();
    }
  });
}
