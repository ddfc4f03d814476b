/**
 * Browser scenarios of the applicant portal on a 375px phone screen: the catalogue and an item's disclosure,
 * the materials computed from the answers, the application with uploads, the correction notice (the
 * department picks the materials in the console) and the re-upload, and the acceptance the applicant then sees.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Harness } from './browser.js';
import { api, APPLICANT, deployShippedItem, FOOD_FACTS, FOOD_STAFF, pdf } from './case-world.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import { formLogin, openPage, PHONE, rerender, route, type PagesState } from './pages.js';
import { T0 } from '../server/helper.js';
import { countRows } from '../../server/queries/cases.js';

/** Registers the portal scenarios; they open the case the console scenarios work on. */
export function portalScenarios(h: () => Harness, state: PagesState): void {
  it('lists the published items in a catalogue that fits a 375px screen, with each item\'s disclosure', async () => {
    for (const code of ['ITEM-01', 'ITEM-02', 'ITEM-03', 'ITEM-04', 'ITEM-05', 'ITEM-06']) await deployShippedItem(h().server.app, code, T0);
    const portal = (state.portal = await openPage(h(), '/portal/', PHONE));
    await portal.waitForSelector('#items [data-item="ITEM-02"]');
    const published = (await api(h().server.app, 'applicant', 'GET', '/api/items')) as { code: string }[];
    expect(await portal.$$eval('#items [data-item]', (cards) => cards.map((c) => (c as HTMLElement).dataset.item))).toEqual(published.map((i) => i.code));
    expect(published.length).toBe(6);
    expect(await portal.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await portal.textContent('#brand')).toBe('网上办事大厅');
    expect(await portal.textContent('#items [data-item="ITEM-02"] .card-title')).toContain('食品经营许可');
    expect(await portal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await portal.screenshot({ path: path.join(SCREENSHOTS, 'portal-catalogue.png'), fullPage: true });

    await portal.click('#items [data-item="ITEM-02"] .card-title');
    await portal.waitForSelector('#item-page #conditions li');
    const disclosure = await api(h().server.app, 'applicant', 'GET', '/api/items/ITEM-02');
    const shown = await portal.$$eval('#conditions li', (lis) => lis.map((li) => li.textContent));
    expect(shown).toEqual(disclosure.conditions.map((c: { text: string }) => c.text));
    expect(await portal.textContent('#item-page')).toContain('食品经营许可申请书');
    expect(await portal.textContent('#contacts')).toContain('12315');
    expect(await portal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('asks for a real-name login, then computes the materials from the answers before applying', async () => {
    const portal = state.portal!;
    await portal.click('#apply-link');
    await portal.click('#apply-login');
    await formLogin(portal, APPLICANT, '#apply-form #facts');
    for (const [name, value] of Object.entries(FOOD_FACTS)) {
      const select = portal.locator(`select[name="fact:${name}"]`);
      if (await select.count()) await select.selectOption(value);
      else await portal.check(`input[name="fact:${name}"][value="${value}"]`);
    }
    await portal.click('#check-materials');
    await portal.waitForSelector('#needed li');
    const listed = await portal.$$eval('#needed li', (lis) => lis.map((li) => (li as HTMLElement).dataset.material));
    expect(listed).toEqual(['M1', 'M2', 'M3', 'M4']);
    expect(await portal.textContent('#needed [data-material="M3"]')).toContain('食品安全法');
    // The uploads are offered for what the applicant provides; the business licence comes from the certificate library
    expect(await portal.$$eval('#uploads input[type="file"]', (inputs) => inputs.map((i) => (i as HTMLElement).dataset.material))).toEqual(['M1', 'M3', 'M4']);
    expect(await portal.getAttribute('#shared fieldset', 'data-material')).toBe('M2');
    await portal.fill('#shared [data-material="M2"] [name="number"]', '91110000MA01ABCD1X');
    await portal.fill('#shared [data-material="M2"] [name="issuer"]', '区市场监督管理局');
    await portal.setInputFiles('#uploads input[data-material="M1"]', pdf('申请书.pdf'));
    await portal.setInputFiles('#uploads input[data-material="M3"]', pdf('设备布局.pdf'));
    await portal.setInputFiles('#uploads input[data-material="M4"]', pdf('规章制度.pdf'));
    expect(await portal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await portal.screenshot({ path: path.join(SCREENSHOTS, 'portal-application.png'), fullPage: true });
  });

  it('applies with every material and gets a case number; the case shows as received', async () => {
    const portal = state.portal!;
    await portal.click('#submit-application');
    await portal.waitForSelector('#portal-case[data-case]');
    state.caseNo = (await portal.getAttribute('#portal-case', 'data-case'))!;
    expect(state.caseNo).toMatch(/\S{6,}/);
    const detail = await api(h().server.app, 'applicant', 'GET', `/api/cases/${state.caseNo}`);
    expect(await portal.getAttribute('#case-status', 'data-status')).toBe(String(detail.status));
    expect(await portal.textContent('#case-status')).toBe('已接件');
  });

  it('receives the one-time correction notice the department sends, re-uploads, and sees the case accepted', async () => {
    const portal = state.portal!;
    // The department sends the notice from the console's case page, picking M3 and M4 with a reason each
    const desk = (state.console = await openPage(h(), `/console/#/cases/${state.caseNo}`));
    await formLogin(desk, FOOD_STAFF, '#case-page');
    for (const [m, why] of [['M3', '布局图不清晰'], ['M4', '缺少进货查验制度']] as const) {
      await desk.check(`#correction-picker input[type="checkbox"][data-material="${m}"]`);
      await desk.fill(`#correction-picker input.correction-reason[data-material="${m}"]`, why);
    }
    await desk.click('#send-correction');
    await desk.waitForSelector('#timeline [data-event="correction.notified"]');

    await rerender(portal);
    await portal.waitForSelector('#correction');
    const asked = await portal.$$eval('#correction-items li', (lis) => lis.map((li) => (li as HTMLElement).dataset.code));
    expect(asked).toEqual(['M3', 'M4']);
    await portal.setInputFiles('#correction input[data-material="M3"]', pdf('设备布局-补正.pdf'));
    await portal.setInputFiles('#correction input[data-material="M4"]', pdf('规章制度-补正.pdf'));
    await portal.click('#send-correction');
    await portal.waitForSelector('#portal-case:not(:has(#correction))');
    expect(await portal.textContent('#case-status')).toBe('补正（结束）');

    // The department sees the materials on file and accepts
    await rerender(desk);
    expect(await desk.getAttribute('#materials [data-material="M3"]', 'data-on-file')).toBe('true');
    await desk.click('#accept');
    await desk.waitForSelector('#timeline [data-event="case.accepted"]');

    // Accepted, the case goes straight to the department's first step (SPGL 8 部门开始办理)
    await rerender(portal);
    const accepted = await api(h().server.app, 'applicant', 'GET', `/api/cases/${state.caseNo}`);
    expect(accepted.acceptance).toBeDefined();
    expect(await portal.getAttribute('#case-status', 'data-status')).toBe(String(accepted.status));
    expect(await portal.textContent('#case-status')).toBe('部门开始办理');
    expect(await portal.getAttribute('#progress [data-step="accepted"]', 'class')).toContain('done');
    expect(await portal.textContent('#portal-case')).toContain(accepted.clocks.promised.date);
    await portal.click('#documents [data-document="acceptance-notice"]');
    await expect.poll(() => portal.frameLocator('#document-frame').locator('body').textContent()).toContain('受理通知书');
    expect(await portal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('answers the public progress query by case number and ID suffix', async () => {
    const portal = state.portal!;
    await route(portal, `#/progress?caseNo=${state.caseNo}&idSuffix=1234`, '/progress');
    expect(await portal.textContent('#progress-status')).toBe('部门开始办理');
    expect(await portal.textContent('#progress-answer')).toContain('食品经营许可');
  });
}

/**
 * An agent's application from the portal alone (行政许可法 第二十九条): the applicant answers 委托代理人办理
 * with yes, the form then asks for the principal's identity beside the power of attorney, refuses to send
 * without it, and applies on the agent channel with the account as the agent. Registered after the console
 * and item scenarios, so the extra case does not change what they count.
 */
export function portalAgentScenarios(h: () => Harness, state: PagesState): void {
  it("applies as an agent: answering 委托代理人办理 yes asks for the principal's name, ID type and number beside the 授权委托书, and applies on the agent channel", async () => {
    const portal = state.portal!;
    await route(portal, '#/items/ITEM-02/apply', '/items/:code/apply');
    await portal.waitForSelector('#apply-form #facts');
    // Not an agent's application yet: the applicant's own section, no principal
    expect(await portal.isVisible('#principal')).toBe(false);
    for (const [name, value] of Object.entries({ ...FOOD_FACTS, byAgent: 'true' })) {
      const select = portal.locator(`select[name="fact:${name}"]`);
      if (await select.count()) await select.selectOption(value);
      else await portal.check(`input[name="fact:${name}"][value="${value}"]`);
    }
    // The materials now include the power of attorney, with an upload of its own
    await portal.waitForSelector('#needed li[data-material="M7"]');
    expect(await portal.$$eval('#needed li', (lis) => lis.map((li) => (li as HTMLElement).dataset.material))).toEqual(['M1', 'M2', 'M3', 'M4', 'M7']);
    expect(await portal.textContent('#needed [data-material="M7"]')).toContain('授权委托书');
    expect(await portal.$$eval('#uploads input[type="file"]', (inputs) => inputs.map((i) => (i as HTMLElement).dataset.material))).toEqual(['M1', 'M3', 'M4', 'M7']);
    // The principal's section replaces the applicant's own; the agent is the account
    expect(await portal.isVisible('#principal')).toBe(true);
    expect(await portal.isVisible('#applicant-own')).toBe(false);
    expect(await portal.textContent('#agent-self')).toBe('张三（取自您的实名账户）');
    expect(await portal.textContent('#principal-hint')).toContain('授权委托书');
    expect(await portal.$$eval('#principal .field-label', (ls) => ls.map((l) => l.textContent))).toEqual(['委托人姓名/名称', '证件类型', '委托人证件号码', '委托人账号（如有）']);
    expect(await portal.$$eval('#principal-id-type option', (os) => os.map((o) => o.textContent))).toContain('居民身份证');

    await portal.fill('#shared [data-material="M2"] [name="number"]', '91330106MA2CDEF01X');
    await portal.fill('#shared [data-material="M2"] [name="issuer"]', '区市场监督管理局');
    await portal.setInputFiles('#uploads input[data-material="M1"]', pdf('申请书.pdf'));
    await portal.setInputFiles('#uploads input[data-material="M3"]', pdf('设备布局.pdf'));
    await portal.setInputFiles('#uploads input[data-material="M4"]', pdf('规章制度.pdf'));
    await portal.setInputFiles('#uploads input[data-material="M7"]', pdf('授权委托书.pdf'));
    // Without the principal's identity the form does not send
    const casesBefore = await countRows(h().server.app.store.knex, 'cases');
    await portal.click('#submit-application');
    await portal.waitForSelector('#status[data-kind="error"]:has-text("请填写委托人姓名/名称")');
    expect(await portal.evaluate(() => document.activeElement?.id)).toBe('principal-name');
    await portal.fill('#principal-name', '王芳');
    await portal.click('#submit-application');
    await portal.waitForSelector('#status[data-kind="error"]:has-text("请填写证件类型")');
    await portal.selectOption('#principal-id-type', 'RESIDENT_ID');
    await portal.fill('#principal-id', '330106198805060021');
    expect(await countRows(h().server.app.store.knex, 'cases')).toBe(casesBefore);
    await portal.screenshot({ path: path.join(SCREENSHOTS, 'portal-agent-application.png'), fullPage: true });

    await portal.click('#submit-application');
    await portal.waitForSelector('#portal-case[data-case]');
    const caseNo = (await portal.getAttribute('#portal-case', 'data-case'))!;
    // The receipt names the principal as the applicant
    expect(await portal.textContent('#receipt')).toContain('王芳');
    const detail = await api(h().server.app, 'food-staff', 'GET', `/api/cases/${caseNo}`);
    expect(detail.applicant).toMatchObject({ name: '王芳', idType: 'RESIDENT_ID', idSuffix: '0021' });
    expect(detail.agent).toMatchObject({ id: 'applicant', name: '张三', idType: 'RESIDENT_ID', idSuffix: '1234', mandate: 'M7' });
    const stored = (await h().server.app.cases.service.getCase(caseNo))!;
    expect(stored.lifecycle.facts).toMatchObject({ byAgent: true });
    const timeline = await api(h().server.app, 'food-staff', 'GET', `/api/cases/${caseNo}/timeline`);
    expect(timeline[0]).toMatchObject({ what: 'case.applied', actorId: 'applicant', why: 'application by agent' });
  });
}
