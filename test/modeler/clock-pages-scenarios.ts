/**
 * The scenarios of clock-pages.test.ts. Dates by hand on the official 2026 calendar (March 2026 has no holiday;
 * weekends 03-07/08 and 03-14/15; late December has none before 元旦):
 *
 * - ITEM-02 with a 2-WD review step, received and accepted Mon 2026-03-02 09:00: review due Wed 03-04 (03-03,
 *   03-04), promised 5 WD Mon 03-09 (03-03..06, 03-09), statutory 10 WD Mon 03-16 (…, 03-10..13, 03-16). Each ends
 *   at 24:00 of its day, which the pages write as `D 24:00`, never as the next day's `00:00`.
 * - Thu 03-05 10:00: review RED (from 00:00 on 03-05); promised 2 of 5 used (03-03, 03-04: 40%) GREEN; statutory
 *   2 of 10 GREEN. Fri 03-13 10:00: promised RED; statutory 8 of 10 used (03-03..06, 03-09..12: 80%) YELLOW.
 * - A local closure on Mon 03-16 moves the statutory deadline to Tue 03-17.
 * - A case accepted Tue 2026-12-22 09:00 under business hours 09:00–17:00: promised 5 WD Tue 12-29 (12-23, 24, 25,
 *   28, 29) at 17:00; statutory 10 WD (…, 12-30, 31; 2027-01-01 元旦 off; 01-04, 05, 06) Wed 2027-01-06 at 17:00,
 *   provisional, since the calendar holds the State Council's arrangements for 2004–2026 only.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Harness } from './browser.js';
import { api, APPLICANT, FOOD_STAFF } from './case-world.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import { formLogin, openPage, PHONE, rerender, route } from './pages.js';
import { englishOnPage } from './visible-text.js';
import { ADMIN_PASSWORD } from '../server/helper.js';
import { foodFacts, LICENCE, multipart } from '../server/case-support.js';
import { itemFiles } from '../items/support.js';
import { completeStep } from './journey-kit.js';

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const status = (page: Page) => page.textContent('#status');
const chinese = async (page: Page) => expect(await englishOnPage(page)).toEqual([]);
const ADMIN = { username: 'admin', password: ADMIN_PASSWORD };

/** What the scenarios share. */
export interface ClockPagesState {
  desk?: Page;
  portal?: Page;
  /** The ITEM-02 case accepted on 2026-03-02. */
  caseNo?: string;
  /** The ITEM-02 case accepted on 2026-12-22. */
  lateCase?: string;
}

/** Pins the business clock to a Beijing date and time. */
async function pin(h: Harness, date: string, time: string): Promise<void> {
  await api(h.server.app, 'admin', 'POST', '/api/clock', { pin: `${date}T${time}:00+08:00` });
}

/** An online ITEM-02 application with every material, as the portal's form sends it (not this file's subject). */
async function applyOnline(h: Harness): Promise<string> {
  const app = h.server.app;
  const token = { authorization: `Bearer ${(await app.inject({ method: 'POST', url: '/api/auth/login', payload: APPLICANT })).json<{ token: string }>().token}` };
  const application = { itemCode: 'ITEM-02', channel: 'online', facts: foodFacts(), applicant: { kind: 'ENTERPRISE', phone: '13800138000' }, materials: [LICENCE] };
  const body = multipart([{ name: 'application', value: JSON.stringify(application) }, ...['M1', 'M3', 'M4'].map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: Buffer.from(`%PDF-1.4 ${m}`) }))]);
  const applied = await app.inject({ method: 'POST', url: '/api/cases', headers: { ...token, ...body.headers }, payload: body.payload });
  expect(applied.statusCode, applied.body).toBe(201);
  return applied.json<{ caseNo: string }>().caseNo;
}

/** The cells of a clock's row in a lights table: [name, light, ends, reason]. */
async function clockRow(page: Page, table: string, clock: string, caseNo?: string): Promise<string[]> {
  const row = `${table} tr[data-clock="${clock}"]${caseNo ? `[data-case="${caseNo}"]` : ''}`;
  return [
    (await page.textContent(`${row} .clock-name`)) ?? '', (await page.getAttribute(`${row} .light`, 'data-light')) ?? '',
    (await page.textContent(`${row} .clock-due`)) ?? '', (await page.textContent(`${row} .clock-reason`)) ?? '',
  ];
}

/** Registers the scenarios. */
export function clockPagesScenarios(h: () => Harness, s: ClockPagesState): void {
  it('shows every clock of the case with its light and reason, the step past its own limit red while the case is green', async () => {
    const app = h().server.app;
    // ITEM-02 with its review step limited to 2 working days (行政许可法 第43条), deployed as the next version
    const files = await itemFiles('ITEM-02');
    const listing = JSON.parse(files['item.json']!);
    listing.stepLimits = [{ step: 'review', limit: { value: 2, unit: 'WD' }, article: '行政许可法第43条' }];
    files['item.json'] = JSON.stringify(listing, null, 2);
    await api(app, 'admin', 'POST', '/api/items/ITEM-02/versions', { files });
    await pin(h(), '2026-03-02', '09:00');
    s.caseNo = await applyOnline(h());

    const desk = (s.desk = await openPage(h(), '/console/#/inbox'));
    desk.setDefaultTimeout(10_000);
    await formLogin(desk, FOOD_STAFF, '#inbox');
    await route(desk, `#/cases/${s.caseNo}`, '/cases/:caseNo');
    await desk.click('#accept');
    await desk.waitForSelector('#step-actions .step[data-element="review"]');

    await pin(h(), '2026-03-05', '10:00');
    await rerender(desk);
    expect(await desk.getAttribute('#case-light .light', 'data-light')).toBe('green');
    expect(await clockRow(desk, '#clock-lights', 'promised')).toEqual(['承诺办结时限', 'green', '2026-03-09 24:00', '已用 2/5 个工作日，未到 80% 预警线']);
    expect(await clockRow(desk, '#clock-lights', 'statutory')).toEqual(['法定办结时限', 'green', '2026-03-16 24:00', '已用 2/10 个工作日，未到 80% 预警线']);
    expect(await clockRow(desk, '#clock-lights', 'step:review')).toEqual(['环节时限：材料审查', 'red', '2026-03-04 24:00', '已于 2026-03-04 24:00 届满，尚未办结']);
    expect(await desk.textContent('#counting-policy')).toBe('计时规则：C1：收件（受理）当日不计入，次日起算');
    // The step reads its own clock: red on the step and as 环节超期 beside the case's green light
    expect(await desk.getAttribute('#step-actions .step[data-element="review"] .light', 'data-light')).toBe('red');
    expect(await desk.textContent('#step-late')).toContain('环节超期：材料审查');
    await chinese(desk);
    await shot(desk, 'console-clock-lights');
  });

  it('writes a limit ending at 24:00 as that day in the case list, the inbox and on the step, never as the next day\'s 00:00', async () => {
    const desk = s.desk!;
    await route(desk, `#/cases?caseNo=${s.caseNo}`, '/cases');
    const row = `#cases tr[data-case="${s.caseNo}"]`;
    expect(await desk.textContent(`${row} td[data-head="承诺办结日期"]`)).toBe('2026-03-09 24:00');
    expect(await desk.textContent(`${row} td[data-head="法定办结日期"]`)).toBe('2026-03-16 24:00');
    // The review task's own BPMN due is 1 working day after its creation on 03-02: the end of Tue 03-03
    await route(desk, '#/inbox', '/inbox');
    await desk.waitForSelector(`#inbox tr[data-case="${s.caseNo}"]`);
    expect(await desk.textContent(`#inbox tr[data-case="${s.caseNo}"] .col-due`)).toBe('2026-03-03 24:00');
    expect(await desk.getAttribute(`#inbox tr[data-case="${s.caseNo}"] .light`, 'data-light')).toBe('red');
    await route(desk, `#/cases/${s.caseNo}`, '/cases/:caseNo');
    expect(await desk.textContent('#step-actions .step[data-element="review"] .step-due')).toBe('2026-03-03 24:00');
    expect(await desk.textContent('#clocks tr[data-clock="promised"] .deadline')).toBe('2026-03-09');
  });

  it('lists every clock needing attention in the lights overview with its reason: the step, then the promise red, the statutory limit yellow', async () => {
    const desk = s.desk!;
    await route(desk, '#/lights', '/lights');
    expect(await desk.$$eval('#steps-overdue tr[data-case]', (rows) => rows.map((r) => [(r as HTMLElement).dataset.case, (r as HTMLElement).dataset.clock]))).toEqual([[s.caseNo, 'step:review']]);
    expect(await desk.textContent('#steps-overdue-count')).toBe('共 1 个环节超期');

    await pin(h(), '2026-03-13', '10:00');
    await rerender(desk);
    expect(await desk.$$eval(`#attention-clocks tr[data-case="${s.caseNo}"]`, (rows) => rows.map((r) => (r as HTMLElement).dataset.clock))).toEqual(['step:review', 'promised', 'statutory']);
    expect(await clockRow(desk, '#attention-clocks', 'promised', s.caseNo)).toEqual(['承诺办结时限', 'red', '2026-03-09 24:00', '已于 2026-03-09 24:00 届满，尚未办结']);
    expect(await clockRow(desk, '#attention-clocks', 'statutory', s.caseNo)).toEqual(['法定办结时限', 'yellow', '2026-03-16 24:00', '已用 8/10 个工作日，已达 80% 预警线']);
    expect(await desk.textContent(`#overdue tr[data-case="${s.caseNo}"]`)).toContain('2026-03-09 24:00');
    await chinese(desk);
    await shot(desk, 'console-clock-overview');
  });

  it('shows the locality settings read-only to a department, and lets the reform office save a version, refusing each bad field by its Chinese name', async () => {
    const desk = s.desk!;
    await route(desk, '#/settings', '/settings');
    expect(await desk.textContent('#settings-current')).toBe('尚未设置，按法定默认规则执行');
    expect(await desk.isVisible('#settings-read-only')).toBe(true);
    expect(await desk.$('#settings-save')).toBeNull();
    await desk.click('#logout');
    await formLogin(desk, ADMIN, '#who-name[data-user="admin"]');
    await route(desk, '#/settings', '/settings');
    expect(await desk.inputValue('#settings-policy')).toBe('C1');
    expect(await desk.inputValue('#settings-response')).toBe('5');
    expect(await desk.inputValue('#settings-warn-percent')).toBe('80');

    // A date written without its leading zeros is refused in the page, naming the field and the line
    await desk.check('#settings-hours-on');
    await desk.fill('#settings-open', '09:00');
    await desk.fill('#settings-close', '17:00');
    await desk.fill('#settings-closures', '2026-3-16');
    await desk.fill('#settings-reason', '3月16日全区停电检修，停止办公');
    await desk.click('#settings-save');
    expect(await desk.textContent('#settings-error')).toBe('本地停止办公日须填写“年-月-日”格式的日期（如 2026-03-10），“2026-3-16”不是');
    // Closing before opening is refused by the server, and the page names the field
    await desk.fill('#settings-closures', '2026-03-16');
    await desk.fill('#settings-open', '17:00');
    await desk.fill('#settings-close', '09:00');
    await desk.click('#settings-save');
    await expect.poll(() => desk.textContent('#settings-error')).toBe('下班时间须晚于上班时间');
    expect(await status(desk)).toBe('地方设置未保存：下班时间须晚于上班时间');
    // The same date as a closure and an extra working day
    await desk.fill('#settings-open', '09:00');
    await desk.fill('#settings-close', '17:00');
    await desk.fill('#settings-extra', '2026-03-16');
    await desk.click('#settings-save');
    await expect.poll(() => desk.textContent('#settings-error')).toBe('本地增加工作日中的 2026-03-16 不能既是停止办公日又是增加工作日');
    await desk.fill('#settings-extra', '');
    await desk.fill('#settings-reason', '');
    await desk.click('#settings-save');
    expect(await desk.textContent('#settings-error')).toBe('变更理由须填写');

    await desk.fill('#settings-reason', '3月16日全区停电检修，停止办公');
    await desk.click('#settings-save');
    await desk.waitForSelector('#settings[data-version="1"]');
    expect(await status(desk)).toBe('已保存为第 1 版，已重新计算 1 件在办件的期限');
    expect(await desk.textContent('#settings-current')).toBe('现行第 1 版，自 2026-03-13 10:00 起施行');
    const v1 = '#settings-history tr[data-version="1"]';
    expect(await desk.textContent(`${v1} td[data-head="修改内容"]`)).toBe('办公时间、本地停止办公日');
    expect(await desk.textContent(`${v1} td[data-head="修改人"]`)).toBe('系统管理员');
    expect(await desk.textContent(`${v1} td[data-head="理由"]`)).toBe('3月16日全区停电检修，停止办公');
    expect(await desk.textContent(`${v1} td[data-head="设置内容"]`)).toBe('C1：收件（受理）当日不计入，次日起算；办公时间 09:00—17:00；停止办公 1 日；增加工作日 0 日；督办 5 个工作日内反馈；用时 80% 起预警');
    await chinese(desk);
    await shot(desk, 'console-settings');

    // The closure moved the open case's statutory deadline by one working day, to Tue 03-17
    await route(desk, `#/cases/${s.caseNo}`, '/cases/:caseNo');
    expect(await desk.textContent('#clocks tr[data-clock="statutory"] .deadline')).toBe('2026-03-17');
    expect(await clockRow(desk, '#clock-lights', 'statutory')).toEqual(['法定办结时限', 'yellow', '2026-03-17 24:00', '已用 8/10 个工作日，已达 80% 预警线']);
    const detail = await api(h().server.app, 'admin', 'GET', `/api/cases/${s.caseNo}`);
    expect(detail.clocks.statutory.date).toBe('2026-03-17');
    // The department goes on working its cases
    await desk.click('#logout');
    await formLogin(desk, FOOD_STAFF, '#who-name[data-user="food-staff"]');
  });

  it('alerts that the 2027 holiday arrangement is missing and lists the case whose deadline is provisional, ending at office closing', async () => {
    const desk = s.desk!;
    await route(desk, '#/calendar', '/calendar');
    expect(await desk.textContent('#calendar-range')).toBe('2004—2026 年');
    expect(await desk.getAttribute('#calendar-alert', 'data-year')).toBe('2027');
    expect(await desk.textContent('#calendar-alert')).toBe('尚未载入国务院办公厅 2027 年部分节假日安排：落在 2027 年的期限为暂定期限，仅按周末和元旦、劳动节、国庆节等固定日期节日计算。');
    expect(await desk.textContent('#provisional-cases')).toContain('暂无期限为暂定的在办件');

    await pin(h(), '2026-12-22', '09:00');
    s.lateCase = await applyOnline(h());
    await route(desk, `#/cases/${s.lateCase}`, '/cases/:caseNo');
    await desk.click('#accept');
    await desk.waitForSelector('#step-actions .step[data-element="review"]');
    // Received under the settings of version 1: its limits end at 17:00, the statutory one provisionally
    expect(await desk.textContent('#clocks tr[data-clock="promised"]')).toContain('2026-12-29 17:00');
    expect(await desk.textContent('#clocks tr[data-clock="statutory"]')).toContain('2027-01-06 17:00');
    expect(await desk.textContent('#clocks tr[data-clock="statutory"]')).toContain('暂定（尚无官方日历）');
    expect(await desk.textContent('#counting-policy')).toBe('计时规则：C1：收件（受理）当日不计入，次日起算 · 地方设置第 1 版');

    await route(desk, '#/calendar', '/calendar');
    expect(await desk.textContent('#provisional-alert')).toBe('有 1 件在办件的期限为暂定期限，请载入节假日安排并重新计算在办件期限。');
    // Every console page says so in its header, linking the calendar page
    await expect.poll(() => desk.isVisible('#ops-notice')).toBe(true);
    expect(await desk.textContent('#ops-notice')).toBe('有 1 件在办件的期限为暂定期限：尚未载入 2027 年节假日安排');
    const row = `#provisional-cases tr[data-case="${s.lateCase}"]`;
    expect(await desk.textContent(`${row} td[data-head="承诺办结日期"]`)).toBe('2026-12-29 17:00');
    expect(await desk.textContent(`${row} td[data-head="法定办结日期"]`)).toBe('2027-01-06 17:00（暂定）');
    await chinese(desk);
    await shot(desk, 'console-calendar');
    // Operations see the same: a warning on /readyz and the metric
    const ready = await h().server.app.inject('/readyz');
    expect(ready.json()).toMatchObject({ status: 'ready', warnings: [{ code: 'CALENDAR_PROVISIONAL', year: 2027, provisionalCases: 1 }] });
    expect((await h().server.app.inject('/metrics')).body).toContain('shenpi_calendar_provisional_cases 1');
  });

  it('lets the reform office load the 2027 arrangement: refused by field in Chinese, previewed, loaded, the provisional deadline confirmed', async () => {
    const desk = s.desk!;
    await desk.click('#logout');
    await formLogin(desk, ADMIN, '#who-name[data-user="admin"]');
    await route(desk, '#/calendar', '/calendar');
    expect(await desk.inputValue('#arrangement-year')).toBe('2027');
    // A test arrangement (the State Council has published none for 2027): 元旦, 春节, 清明, 劳动节, 端午, 中秋 and
    // 国庆, with four make-up Saturdays and Sundays
    const holidays = [
      '2027-01-01', '2027-01-02', '2027-01-03', ...['06', '07', '08', '09', '10', '11', '12'].map((d) => `2027-02-${d}`), '2027-04-03', '2027-04-04', '2027-04-05',
      ...['01', '02', '03', '04', '05'].map((d) => `2027-05-${d}`), '2027-06-09', '2027-09-15', ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2027-10-${d}`),
    ];
    await desk.fill('#arrangement-holidays', holidays.filter((d) => d !== '2027-10-03').join('\n'));
    await desk.fill('#arrangement-make-up', ['2027-02-20', '2027-04-25', '2027-09-26', '2027-10-08'].join('\n'));
    await desk.fill('#arrangement-notice', '测试用 2027 年节假日安排');
    await desk.click('#arrangement-preview');
    await expect.poll(() => desk.textContent('#arrangement-error')).toBe('调休上班日期第 4 行：2027-10-08 是工作日，调休上班日须为周六或周日');
    await desk.fill('#arrangement-make-up', ['2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09'].join('\n'));
    await desk.click('#arrangement-preview');
    await expect.poll(() => desk.textContent('#arrangement-error')).toBe('放假日期缺少法定固定节日 2027-10-03');
    await desk.fill('#arrangement-holidays', holidays.join('\n'));
    await desk.click('#arrangement-preview');
    // 元旦 on Fri 01-01 with the weekend after it: the case's statutory end Wed 2027-01-06 stays, no longer provisional
    const change = `#arrangement-change-list tr[data-case="${s.lateCase}"][data-clock="statutory"]`;
    await desk.waitForSelector(change);
    expect(await desk.$$eval('#arrangement-change-list tr[data-case]', (rows) => rows.map((r) => [(r as HTMLElement).dataset.case, (r as HTMLElement).dataset.clock, (r as HTMLElement).dataset.change]))).toEqual([[s.lateCase, 'statutory', 'confirmed']]);
    expect(await desk.textContent(change)).toBe(`${s.lateCase}法定办结时限2027-01-062027-01-06期限不变，不再暂定`);
    await chinese(desk);
    await shot(desk, 'console-calendar-load');
    await desk.click('#arrangement-load');
    await desk.waitForSelector('#calendar[data-last-year="2027"]');
    expect(await status(desk)).toBe('已载入 2027 年节假日安排，重新计算 1 件在办件，记录 1 项期限变化');
    expect(await desk.textContent('#calendar-range')).toBe('2004—2027 年');
    expect(await desk.$('#calendar-alert')).toBeNull();
    expect(await desk.$('#provisional-alert')).toBeNull();
    await expect.poll(() => desk.isVisible('#ops-notice')).toBe(false);
    expect(await desk.textContent('#provisional-cases')).toContain('暂无期限为暂定的在办件');
    // The case page shows the statutory end as official now, and the recalculation on its timeline
    await route(desk, `#/cases/${s.lateCase}`, '/cases/:caseNo');
    expect(await desk.textContent('#clocks tr[data-clock="statutory"]')).toContain('2027-01-06 17:00');
    expect(await desk.textContent('#clocks tr[data-clock="statutory"]')).not.toContain('暂定');
    expect(await desk.$$eval('#timeline tr[data-event="deadline.recalculated"]', (rows) => rows.length)).toBe(1);
    const ready = (await h().server.app.inject('/readyz')).json();
    expect(ready.warnings).toBeUndefined();
    await desk.click('#logout');
    await formLogin(desk, FOOD_STAFF, '#who-name[data-user="food-staff"]');
  });

  it('lets anyone verify a certificate by its number in the portal, and shows a changed copy as tampered', async () => {
    const desk = s.desk!;
    // The department works the March case to its approving decision from the case page
    await route(desk, `#/cases/${s.caseNo}`, '/cases/:caseNo');
    await completeStep(desk, 'review', '材料齐全，符合法定形式', '#step-actions .step[data-element="siteCheck"]');
    await completeStep(desk, 'siteCheck', '现场核查：布局与申报一致', '#step-actions .step[data-element="audit"]');
    await completeStep(desk, 'audit', '同意', '#step-actions .step[data-element="decide"]');
    await completeStep(desk, 'decide', '准予许可', '#certificate-issued');
    const { certificate } = await api(h().server.app, 'food-staff', 'GET', `/api/cases/${s.caseNo}`);

    // Anyone, without a login, on a phone
    const portal = (s.portal = await openPage(h(), '/portal/#/verify', PHONE));
    portal.setDefaultTimeout(10_000);
    await portal.waitForSelector('#verify-form');
    await portal.fill('#verify-number', certificate.number);
    await portal.click('#verify-submit');
    await portal.waitForSelector('#verify-result[data-verdict="valid"]');
    expect(await portal.textContent('#verify-verdict')).toBe('证照真实有效');
    expect(await portal.textContent('#verify-result')).toContain(certificate.holder);
    expect(await portal.textContent('#verify-result')).toContain(`区市场监督管理局（${certificate.seal.algorithm === 'SM2-SM3' ? 'SM2 国密数字签名' : 'Ed25519 数字签名'}）`);
    await chinese(portal);
    await shot(portal, 'portal-verify');

    // A copy whose holder was changed after sealing fails
    await portal.fill('#verify-presented', JSON.stringify({ ...certificate, holder: '李四餐饮有限公司' }));
    await portal.click('#verify-presented-submit');
    await portal.waitForSelector('#verify-result[data-verdict="tampered"]');
    expect(await portal.textContent('#verify-verdict')).toBe('证照内容已被篡改');
    // The certificate as issued passes
    await portal.fill('#verify-presented', JSON.stringify(certificate));
    await portal.click('#verify-presented-submit');
    await portal.waitForSelector('#verify-result[data-verdict="valid"]');
    // A number nobody issued
    await portal.fill('#verify-number', 'NO-SUCH-CERTIFICATE');
    await portal.click('#verify-submit');
    await portal.waitForSelector('#verify-result[data-verdict="unknown"]');
    expect(await portal.textContent('#verify-verdict')).toBe('查无此证照编号');
    await chinese(portal);

    // The applicant's own case page links to the check; it offers no evaluation before 办结 invites one
    await route(portal, '#/login?next=%2Fmine', '/login');
    await formLogin(portal, APPLICANT, '#mine');
    await route(portal, `#/cases/${s.caseNo}`, '/cases/:caseNo');
    expect(await portal.$('#send-evaluation')).toBeNull();
    await portal.click('#verify-certificate');
    await portal.waitForSelector('#verify-result[data-verdict="valid"]');
    expect(await portal.inputValue('#verify-number')).toBe(certificate.number);
  });
}
