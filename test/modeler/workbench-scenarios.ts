/**
 * The scenarios of the workbench journey (see workbench.test.ts): the applicant on a 375px portal page, the
 * department on a desktop console page, one case of ITEM-02 from application to rectification. Each step
 * asserts what a person sees and that no page shows an English sentence or a raw id.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Harness } from './browser.js';
import { api, APPLICANT, deployShippedItem, FOOD_FACTS, FOOD_STAFF, pdf } from './case-world.js';
import { DEMO_PASSWORD } from '../server/helper.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import { formLogin, openPage, PHONE, rerender, route, type PagesState } from './pages.js';
import { englishOnPage } from './visible-text.js';
import { T0 } from '../server/helper.js';
import { completeStep } from './journey-kit.js';

// Online, the case takes the account's real-name record (the seeded applicant 张三), whatever the form says.
const APPLICANT_NAME = '张三';
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const status = (page: Page) => page.textContent('#status');
const chinese = async (page: Page) => expect(await englishOnPage(page)).toEqual([]);
const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

/** Registers the scenarios; `state` carries the case number and the two pages. */
export function workbenchScenarios(h: () => Harness, state: PagesState): void {
  it('keeps every typed value on the application form, refreshes the materials as answers change, and refuses an incomplete submission', async () => {
    await deployShippedItem(h().server.app, 'ITEM-02', T0);
    const portal = (state.portal = await openPage(h(), '/portal/#/items/ITEM-02/apply', PHONE));
    portal.setDefaultTimeout(10_000);
    await portal.click('#apply-login');
    await formLogin(portal, APPLICANT, '#apply-form #facts');
    for (const [name, value] of Object.entries(FOOD_FACTS)) {
      const select = portal.locator(`select[name="fact:${name}"]`);
      if (await select.count()) await select.selectOption(value);
      else await portal.check(`input[name="fact:${name}"][value="${value}"]`);
    }
    // Answering the last question lists the materials without a click on 「需要哪些材料」
    await portal.waitForSelector('#needed li[data-material="M4"]');
    const listed = () => portal.$$eval('#needed li', (lis) => lis.map((li) => (li as HTMLElement).dataset.material));
    expect(await listed()).toEqual(['M1', 'M2', 'M3', 'M4']);
    await portal.fill('#applicant-phone', '13800138000');
    await portal.setInputFiles('#uploads input[data-material="M1"]', pdf('申请书.pdf'));

    // Online business adds M6; answering back removes it; nothing typed or chosen is lost
    await portal.check('input[name="fact:operatesOnline"][value="true"]');
    await portal.waitForSelector('#needed li[data-material="M6"]');
    await portal.check('input[name="fact:operatesOnline"][value="false"]');
    await portal.waitForSelector('#needed li[data-material="M6"]', { state: 'detached' });
    expect(await listed()).toEqual(['M1', 'M2', 'M3', 'M4']);
    // Online the applicant is the account's real-name record: shown read-only, never asked for
    expect(await portal.textContent('#applicant-name')).toBe(APPLICANT_NAME);
    expect(await portal.textContent('#applicant-id-type')).toBe('居民身份证');
    expect(await portal.textContent('#applicant-id')).toBe('**************1234');
    expect(await portal.textContent('#applicant-identity-source')).toBe('取自您的实名账户');
    expect(await portal.locator('#applicant-own input:not([type="tel"])').count()).toBe(0);
    expect(await portal.inputValue('#applicant-phone')).toBe('13800138000');
    expect(await portal.$eval('#uploads input[data-material="M1"]', (i) => (i as HTMLInputElement).files?.[0]?.name)).toBe('申请书.pdf');

    // Submitting with M3, M4 and the licence number missing is refused in the page, naming them
    await portal.click('#submit-application');
    await expect.poll(() => status(portal)).toContain('以下材料尚未提交');
    expect(await status(portal)).toContain('与食品经营相适应的主要设备设施布局');
    expect(await status(portal)).toContain('营业执照');
    expect(await api(h().server.app, 'applicant', 'GET', '/api/cases')).toMatchObject({ total: 0 });
    await chinese(portal);
    await fitsPhone(portal);
  });

  it('applies with every material, keeps the confirmation in view and shows the receipt in Beijing time', async () => {
    const portal = state.portal!;
    await portal.setInputFiles('#uploads input[data-material="M3"]', pdf('设备布局.pdf'));
    await portal.setInputFiles('#uploads input[data-material="M4"]', pdf('规章制度.pdf'));
    await portal.fill('#shared [data-material="M2"] [name="number"]', '110101199003071234');
    await portal.fill('#shared [data-material="M2"] [name="issuer"]', '区市场监督管理局');
    await shot(portal, 'portal-apply-form');
    await portal.click('#submit-application');
    await portal.waitForSelector('#portal-case[data-case]');
    state.caseNo = (await portal.getAttribute('#portal-case', 'data-case'))!;
    expect(await status(portal)).toBe(`申请已提交，受理编号 ${state.caseNo}`);
    expect(await portal.textContent('#case-status')).toBe('已接件');
    expect(await portal.textContent('#receipt')).toContain(state.caseNo);
    expect(await portal.textContent('#receipt')).toContain('2026-03-02 09:00');
    expect(await portal.textContent('#receipt')).toContain(APPLICANT_NAME);
    await chinese(portal);
    await fitsPhone(portal);
  });

  it('lists the case under 待受理 with its item and applicant names; staff open its materials in the page', async () => {
    const desk = (state.console = await openPage(h(), '/console/#/inbox'));
    desk.setDefaultTimeout(10_000);
    await formLogin(desk, FOOD_STAFF, '#inbox');
    // Staff of a department do not read the monthly report
    expect(await desk.textContent('#nav')).not.toContain('月度报表');
    await desk.selectOption('#filter-status', 'awaiting');
    const row = `#inbox tr[data-case="${state.caseNo}"]`;
    await desk.waitForSelector(row);
    expect(await desk.textContent(row)).toContain('食品经营许可');
    expect(await desk.textContent(row)).toContain(APPLICANT_NAME);
    expect(await desk.textContent(row)).toContain('已接件');
    await chinese(desk);
    await shot(desk, 'console-intake');

    await route(desk, `#/cases?applicant=${encodeURIComponent(APPLICANT_NAME.slice(0, 1))}`, '/cases');
    expect(await desk.$$eval('#cases tr[data-case]', (rows) => rows.map((r) => (r as HTMLElement).dataset.case))).toEqual([state.caseNo]);
    expect(await desk.textContent(`#cases tr[data-case="${state.caseNo}"]`)).toContain(APPLICANT_NAME);
    await route(desk, '#/cases?applicant=nobody', '/cases');
    expect(await desk.$$eval('#cases tr[data-case]', (rows) => rows.length)).toBe(0);

    await route(desk, `#/cases/${state.caseNo}`, '/cases/:caseNo');
    await desk.click('#materials tr[data-material="M3"] button.view-material');
    await desk.waitForSelector('#material-viewer[data-material="M3"] iframe');
    expect(await desk.getAttribute('#material-viewer', 'data-type')).toBe('application/pdf');
    expect(await desk.textContent('#material-viewer')).toContain('设备布局.pdf');
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.click('#materials tr[data-material="M1"] button.download-material')]);
    expect(download.suggestedFilename()).toBe('申请书.pdf');
    await chinese(desk);
  });

  it('sends the correction notice for the materials staff pick, each with a reason, and the applicant uploads exactly those', async () => {
    const desk = state.console!;
    // Everything is on file, so nothing is ticked; staff pick M3 and say why
    expect(await desk.$$eval('#correction-picker input[type="checkbox"]:checked', (c) => c.length)).toBe(0);
    await desk.check('#correction-picker input[type="checkbox"][data-material="M3"]');
    await desk.click('#send-correction');
    await expect.poll(() => status(desk)).toBe('请填写“与食品经营相适应的主要设备设施布局、操作流程等文件”的补正理由');
    await desk.fill('#correction-picker input.correction-reason[data-material="M3"]', '布局图未标注操作流程，请补充完整');
    await desk.click('#send-correction');
    await desk.waitForSelector('#correction-open').catch(async (e) => { console.log('status:', await status(desk)); await shot(desk, 'debug-correction'); throw e; });
    expect(await status(desk)).toBe('发出一次性补正告知：已完成');
    await shot(desk, 'console-correction');
    await chinese(desk);

    const portal = state.portal!;
    await rerender(portal);
    await portal.waitForSelector('#correction');
    expect(await portal.$$eval('#correction-items li', (lis) => lis.map((li) => (li as HTMLElement).dataset.code))).toEqual(['M3']);
    expect(await portal.textContent('#correction-items')).toContain('布局图未标注操作流程，请补充完整');
    expect(await portal.$$eval('#correction input[type="file"]', (inputs) => inputs.map((i) => (i as HTMLElement).dataset.material))).toEqual(['M3']);
    await portal.click('#send-correction');
    await expect.poll(() => status(portal)).toContain('请为每项材料选择文件');
    await portal.setInputFiles('#correction input[data-material="M3"]', pdf('设备布局-补正.pdf'));
    await shot(portal, 'portal-correction');
    await portal.click('#send-correction');
    await portal.waitForSelector('#portal-case:not(:has(#correction))');
    expect(await status(portal)).toBe('补正材料已提交');
    expect(await portal.textContent('#case-status')).toBe('补正（结束）');
    await chinese(portal);
    await fitsPhone(portal);
  });

  it('accepts the corrected case; the applicant gets the 受理回执 with the promised date', async () => {
    const desk = state.console!;
    await rerender(desk);
    await desk.click('#accept');
    await desk.waitForSelector('#step-actions .step[data-element="review"]');
    expect(await status(desk)).toBe('受理：已完成');
    expect(await desk.textContent('#case-status')).toBe('部门开始办理');

    const portal = state.portal!;
    await rerender(portal);
    expect(await portal.textContent('#receipt h2, section:has(#receipt) h2')).toBe('受理回执');
    // Accepted on Monday 2 March 2026; 5 working days on the official calendar: 3, 4, 5, 6 and 9 March
    expect(await portal.textContent('#promised-date')).toBe('2026-03-09');
    expect(await portal.textContent('#accepted-at')).toBe('2026-03-02 09:00');
    await chinese(portal);
  });

  it('shows the review step past its due in red, on the case page, in the inbox and as 环节超期 in the lights', async () => {
    const desk = state.console!;
    // Two days pass with the review (1 working day) untouched
    await api(h().server.app, 'admin', 'POST', '/api/clock', { advanceMs: 2 * 86_400_000 });
    await api(h().server.app, 'admin', 'POST', '/api/supervision/sweep', {});
    await rerender(desk);
    expect(await desk.getAttribute('#step-actions .step[data-element="review"] .light', 'data-light')).toBe('red');
    expect(await desk.textContent('#step-late')).toContain('环节超期：材料审查');
    await route(desk, '#/inbox', '/inbox');
    await desk.waitForSelector(`#inbox tr[data-case="${state.caseNo}"]`);
    expect(await desk.getAttribute(`#inbox tr[data-case="${state.caseNo}"] .light`, 'data-light')).toBe('red');
    await route(desk, '#/lights', '/lights');
    expect(await desk.textContent('#steps-overdue-count')).toBe('共 1 个环节超期');
    expect(await desk.$$eval('#steps-overdue tr[data-case]', (rows) => rows.map((r) => (r as HTMLElement).dataset.case))).toEqual([state.caseNo]);
    await chinese(desk);
    await shot(desk, 'console-step-lights');
  });

  it('completes review, site check, audit and decision on the case page, shows the certificate the decision generated, and records express delivery', async () => {
    const desk = state.console!;
    await route(desk, `#/cases/${state.caseNo}`, '/cases/:caseNo');
    await completeStep(desk, 'review', '材料齐全，符合法定形式', '#step-actions .step[data-element="siteCheck"]');
    await completeStep(desk, 'siteCheck', '现场核查：布局与申报一致', '#step-actions .step[data-element="audit"]');
    await completeStep(desk, 'audit', '同意', '#step-actions .step[data-element="decide"]');
    await completeStep(desk, 'decide', '准予许可', '#certificate-issued');
    expect(await desk.textContent('#case-page')).toContain('准予许可');
    // Decided is not yet 办结: the case clocks stopped in time, but the case concludes with the result handed over
    const promisedReason = () => desk.textContent('#clock-lights tr[data-clock="promised"] .clock-reason');
    expect(await promisedReason()).toBe('已按期作出决定，结果送达后办结');
    expect(await desk.textContent('#clock-lights')).not.toContain('已按期办结');
    // …and the applicant's progress bar has the case in handling, not yet 已办结
    const portal = state.portal!;
    await route(portal, `#/cases/${state.caseNo}`, '/cases/:caseNo');
    await portal.waitForSelector('#progress');
    expect(await portal.getAttribute('#progress [data-step="handling"]', 'class')).toContain('done');
    expect(await portal.getAttribute('#progress [data-step="concluded"]', 'class')).not.toContain('done');

    // The approving decision generated and sealed the certificate (行政许可法 第44条); staff see it in its A4
    // layout, with its number and the department's e-seal, before handing it over at the issue step
    const detail = await api(h().server.app, 'food-staff', 'GET', `/api/cases/${state.caseNo}`);
    expect(detail.certificate.number).toMatch(/\S+/);
    expect(await desk.$('#certificate-actions')).toBeNull();
    expect(await desk.textContent('#certificate-number')).toBe(`证照编号：${detail.certificate.number}`);
    await desk.click('#preview-certificate');
    const preview = desk.frameLocator('#certificate-preview');
    await expect.poll(() => preview.locator('body').textContent()).toContain(APPLICANT_NAME);
    expect(await preview.locator('body').textContent()).toContain(detail.certificate.number);
    expect(await preview.locator('.seal').textContent()).toContain(detail.certificate.seal.keyId);
    await shot(desk, 'console-certificate');

    // The result is handed over after the issue step, not beside it
    expect(await desk.$('#delivery-actions')).toBeNull();
    await completeStep(desk, 'issue', '电子证照已签章', '#delivery-actions');
    await desk.selectOption('#delivery-method', 'express');
    await desk.click('#record-delivery');
    await expect.poll(() => status(desk)).toBe('请填写快递单号');
    await desk.fill('#delivery-tracking', 'EMS1234567890');
    await desk.fill('#delivery-carrier', 'EMS');
    await desk.click('#record-delivery');
    await desk.waitForSelector('#case-page:not(:has(#delivery-actions))');
    expect(await status(desk)).toBe('登记送达：已完成');
    expect(await promisedReason()).toBe('已按期办结');
    // The timeline lists what people did; the engine's bookkeeping (环节开始, 计算时限) waits behind the toggle
    const timelineRows = await desk.locator('#timeline tbody tr').count();
    const visibleKinds = () => desk.$$eval('#timeline tbody tr', (trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => (tr as HTMLElement).dataset.event));
    expect(await visibleKinds()).not.toContain('task.created');
    expect(await visibleKinds()).not.toContain('deadlines.computed');
    expect(await visibleKinds()).toContain('task.completed');
    expect(await desk.isVisible('#timeline tr[data-event="task.created"]')).toBe(false);
    expect(await desk.textContent('#timeline-toggle')).toBe(`显示全部记录（${timelineRows} 条）`);
    await desk.click('#timeline-toggle');
    expect((await visibleKinds()).length).toBe(timelineRows);
    expect(await visibleKinds()).toContain('task.created');
    expect(await desk.textContent('#timeline-toggle')).toBe('只显示主要记录');
    // The engine's own explanations (why the limits were computed, why handling started) read in Chinese
    const whyOf = (event: string) => desk.$$eval(`#timeline tr[data-event="${event}"] td:nth-child(6)`, (tds) => tds.map((td) => td.textContent));
    expect((await whyOf('deadlines.computed'))[0]).toBe('已受理，开始计算办理时限');
    expect(await whyOf('handling.started')).toEqual(['区市场监督管理局开始办理']);
    // and so do those of the application, the certificate and the conclusion, worded from their codes
    expect(await whyOf('case.applied')).toEqual(['收到网上申请']);
    expect(await whyOf('certificate.issued')).toEqual(['作出准予许可决定，同时生成证照']);
    expect(await whyOf('case.concluded')).toEqual(['办结：准予许可']);
    await chinese(desk);
  });

  it('shows the applicant the decision letter, the e-certificate and the delivery, and takes a 差评 with no grade preselected', async () => {
    const portal = state.portal!;
    const detail = await api(h().server.app, 'applicant', 'GET', `/api/cases/${state.caseNo}`);
    await rerender(portal);
    expect(await portal.getAttribute('#progress [data-step="concluded"]', 'class')).toContain('done');
    expect(await portal.textContent('#result')).toContain(detail.certificate.number);
    expect(await portal.textContent('#delivery')).toContain('EMS1234567890');
    await portal.click('#show-certificate');
    await expect.poll(() => portal.frameLocator('#result-frame').locator('body').textContent()).toContain(detail.certificate.number);
    await portal.click('#show-decision');
    await expect.poll(() => portal.frameLocator('#result-frame').locator('body').textContent()).toContain('准予行政许可决定书');
    await fitsPhone(portal);
    await shot(portal, 'portal-result');

    expect(await portal.$$eval('.grades input:checked', (c) => c.length)).toBe(0);
    await portal.click('#send-evaluation');
    await expect.poll(() => status(portal)).toBe('请选择评价等级');
    await portal.check('.grades input[value="5"]');
    await portal.fill('#evaluation-comment', '现场核查等待时间过长');
    await portal.click('#send-evaluation');
    await portal.waitForSelector('#evaluation');
    expect(await status(portal)).toBe('感谢您的评价');
    await chinese(portal);
  });

  it('lets the department complete the rectification the 差评 opened', async () => {
    const desk = state.console!;
    await rerender(desk);
    await desk.waitForSelector('#rectification-actions');
    await desk.fill('#rectification-note', '已调整现场核查排期，并电话回访申请人');
    await desk.click('#complete-rectification');
    await desk.waitForSelector('#case-page:not(:has(#rectification-actions))');
    expect(await status(desk)).toBe('完成整改：已完成');
    const detail = await api(h().server.app, 'food-staff', 'GET', `/api/cases/${state.caseNo}`);
    expect(detail.rectification.completedAt).toBeDefined();
    await chinese(desk);
  });

  it('lets the department admin revoke the licence (行政许可法 第69条), after which the public check says the certificate is authentic but revoked', async () => {
    const desk = state.console!;
    // The clerk is offered no revocation: only the admin of the department that granted it revokes
    expect(await desk.$('#revocation-actions')).toBeNull();
    await desk.click('#logout');
    await desk.waitForSelector('#login');
    await formLogin(desk, { username: 'food-admin', password: DEMO_PASSWORD }, '#nav');
    await route(desk, `#/cases/${state.caseNo}`, '/cases/:caseNo');
    await desk.waitForSelector('#revocation-actions');
    expect(await desk.inputValue('#revocation-basis')).toBe('《中华人民共和国行政许可法》第六十九条');
    await desk.click('#revoke-licence');
    await expect.poll(() => status(desk)).toBe('请填写撤销理由');
    await desk.fill('#revocation-reason', '申请人以提供虚假材料的欺骗手段取得许可');
    await desk.click('#revoke-licence');
    await desk.waitForSelector('#case-page:not(:has(#revocation-actions))');
    expect(await status(desk)).toBe('撤销行政许可：已完成');
    await chinese(desk);
    const { certificate } = await api(h().server.app, 'food-staff', 'GET', `/api/cases/${state.caseNo}`);
    const portal = state.portal!;
    await route(portal, `#/verify?number=${encodeURIComponent(certificate.number)}`, '/verify');
    await portal.click('#verify-submit');
    await expect.poll(() => portal.textContent('#verify-verdict')).toBe('证照真实，但已被撤销');
    await chinese(portal);
  });

  it('refuses the applicant\'s login in the staff console, in Chinese', async () => {
    const page = await openPage(h(), '/console/#/inbox');
    try {
      await page.fill('#login-user', APPLICANT.username);
      await page.fill('#login-password', APPLICANT.password);
      await page.click('#login button[type="submit"]');
      await expect.poll(() => page.textContent('#login-error')).toBe('登录失败：此入口仅供工作人员使用；申请人请登录网上办事大厅。');
      expect(await page.$('#inbox')).toBeNull();
    } finally {
      await page.close();
    }
  });
}
