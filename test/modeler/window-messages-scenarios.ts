/**
 * The scenarios of window-messages.test.ts: the applicant's notification centre after a correction notice
 * sent from the console; window intake of ITEM-01 (即办件) registered, accepted, approved, issued and picked
 * up the same day from the console pages; the queues 已办, 抄送我的 and 我发起的 with their filters. Each step
 * asserts what a person sees in Chinese and that no page shows an English sentence or a raw id.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Harness } from './browser.js';
import { api, APPLICANT, deployShippedItem, FOOD_STAFF, pdf } from './case-world.js';
import { SCREENSHOTS } from './modeler-scenarios.js';
import { formLogin, openPage, PHONE, route } from './pages.js';
import { englishOnPage } from './visible-text.js';
import { DEMO_PASSWORD, T0 } from '../server/helper.js';
import { foodFacts, LICENCE, multipart } from '../server/case-support.js';
import { completeStep } from './journey-kit.js';

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const status = (page: Page) => page.textContent('#status');
const chinese = async (page: Page) => expect(await englishOnPage(page)).toEqual([]);
const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
const rows = (page: Page, table: string) => page.$$eval(`${table} tr[data-case]`, (trs) => trs.map((r) => (r as HTMLElement).dataset.case));
const FOOD_ADMIN = { username: 'food-admin', password: DEMO_PASSWORD };
const ITEM_02 = '食品经营许可（新办，餐饮服务—热食类食品制售）';

/** What the scenarios share. */
export interface WindowState {
  portal?: Page;
  desk?: Page;
  /** The online ITEM-02 case the correction notice goes to. */
  onlineCase?: string;
  /** The ITEM-01 case registered at the window. */
  windowCase?: string;
}

/** Registers the scenarios. */
export function windowMessagesScenarios(h: () => Harness, s: WindowState): void {
  it('shows the applicant the correction notice in 站内消息 with an unread badge, and marks it read', async () => {
    const app = h().server.app;
    await deployShippedItem(app, 'ITEM-02', T0);
    await deployShippedItem(app, 'ITEM-01', T0);
    // The application itself is the workbench journey's subject; here it only gives the department a case
    // with M3 missing (applied through the API as the applicant's portal form would send it).
    const token = { authorization: `Bearer ${(await app.inject({ method: 'POST', url: '/api/auth/login', payload: APPLICANT })).json<{ token: string }>().token}` };
    const application = { itemCode: 'ITEM-02', channel: 'online', facts: foodFacts(), applicant: { kind: 'ENTERPRISE', phone: '13800138000' }, materials: [LICENCE] };
    const body = multipart([{ name: 'application', value: JSON.stringify(application) }, ...['M1', 'M4'].map((m) => ({ name: m, filename: `${m}.pdf`, type: 'application/pdf', bytes: Buffer.from(`%PDF-1.4 ${m}`) }))]);
    const applied = await app.inject({ method: 'POST', url: '/api/cases', headers: { ...token, ...body.headers }, payload: body.payload });
    expect(applied.statusCode, applied.body).toBe(201);
    s.onlineCase = applied.json<{ caseNo: string }>().caseNo;

    // The department sends the correction notice from the case page, M3 ticked with its reason
    const desk = (s.desk = await openPage(h(), '/console/#/inbox'));
    desk.setDefaultTimeout(10_000);
    await formLogin(desk, FOOD_STAFF, '#inbox');
    await route(desk, `#/cases/${s.onlineCase}`, '/cases/:caseNo');
    await desk.fill('#correction-picker input.correction-reason[data-material="M3"]', '请提交设备设施布局图及操作流程');
    await desk.click('#send-correction');
    await desk.waitForSelector('#correction-open');

    // The applicant, on a phone, sees the badge and the message
    const portal = (s.portal = await openPage(h(), '/portal/#/login?next=%2Fmine', PHONE));
    portal.setDefaultTimeout(10_000);
    await formLogin(portal, APPLICANT, '#mine');
    await portal.waitForSelector('#unread-badge:not([hidden])');
    expect(await portal.textContent('#messages-link')).toBe('站内消息1');
    await portal.click('#messages-link');
    await portal.waitForSelector('#notice-list li.notice');
    const notice = '#notice-list li.notice[data-kind="correction"]';
    expect(await portal.textContent(`${notice} .notice-title`)).toBe('补正材料通知');
    expect(await portal.textContent(`${notice} .notice-state`)).toBe('未读');
    expect(await portal.textContent(`${notice} .notice-time`)).toBe('2026-03-02 09:00');
    expect(await portal.textContent(`${notice} .notice-text`)).toBe(
      `您申请的“${ITEM_02}”（受理编号 ${s.onlineCase}）需要补正材料：与食品经营相适应的主要设备设施布局、操作流程等文件（请提交设备设施布局图及操作流程）。请一次性补齐后在网上办事大厅提交。`);
    expect(await portal.textContent('#notice-count')).toBe('共 1 条消息，1 条未读');
    await chinese(portal);
    await fitsPhone(portal);
    await shot(portal, 'portal-messages');

    await portal.click(`${notice} .mark-read`);
    await portal.waitForSelector(`${notice}:not(.unread)`);
    expect(await portal.textContent(`${notice} .notice-state`)).toBe('已读');
    expect(await portal.isHidden('#unread-badge')).toBe(true);
    expect(await portal.textContent('#notice-count')).toBe('共 1 条消息，0 条未读');
    // The message leads to the case's correction page
    await portal.click(`${notice} .open-case`);
    await portal.waitForSelector('#correction');
    expect(await portal.$$eval('#correction input[type="file"]', (inputs) => inputs.map((i) => (i as HTMLElement).dataset.material))).toEqual(['M3']);
    await chinese(portal);
  });

  it('registers a walk-in applicant\'s ITEM-01 application at the window with both identities and the materials brought', async () => {
    const desk = s.desk!;
    expect(await desk.textContent('#nav')).toContain('窗口受理');
    await desk.click('#nav a[data-nav="window"]');
    await desk.waitForSelector('#window-intake');
    expect(await desk.textContent('#intake-clerk')).toBe('登记人：区市场监督管理局 工作人员（作为本申请的窗口登记人员记录）');
    await desk.selectOption('#intake-item', 'ITEM-01');
    await desk.waitForSelector('#intake-form #facts');
    await desk.fill('#intake-applicant-name', '李四');
    await desk.selectOption('#intake-applicant-kind', 'NATURAL_PERSON');
    await desk.selectOption('#intake-applicant-id-type', 'RESIDENT_ID');
    await desk.fill('#intake-applicant-id-number', '110101198805050011');
    await desk.fill('#intake-applicant-phone', '13900139000');
    await desk.selectOption('select[name="fact:applicant.kind"]', 'NATURAL_PERSON');
    await desk.fill('input[name="fact:applicant.age"]', '35');
    for (const [name, value] of [['familyOperated', 'false'], ['byAgent', 'false'], ['premisesOwnedByApplicant', 'true'], ['businessScopeNeedsPriorLicence', 'false']]) {
      await desk.check(`input[name="fact:${name}"][value="${value}"]`);
    }
    await desk.waitForSelector('#needed li[data-material="M2"]');
    expect(await desk.$$eval('#needed li', (lis) => lis.map((li) => (li as HTMLElement).dataset.material))).toEqual(['M1', 'M2']);
    // Submitting without the application form is refused in the page, naming it
    await desk.click('#intake-submit');
    await expect.poll(() => status(desk)).toContain('以下材料尚未提交：个体工商户登记（备案）申请书');
    await desk.setInputFiles('#uploads input[data-material="M1"]', pdf('登记申请书.pdf'));
    await desk.fill('#shared [data-material="M2"] [name="number"]', '110101198805050011');
    await desk.fill('#shared [data-material="M2"] [name="issuer"]', '北京市公安局东城分局');
    await chinese(desk);
    await shot(desk, 'console-window-intake');
    await desk.click('#intake-submit');
    await desk.waitForSelector('#case-page[data-case]');
    s.windowCase = (await desk.getAttribute('#case-page', 'data-case'))!;
    expect(await status(desk)).toBe(`窗口登记成功，受理编号 ${s.windowCase}，请在办件页当场受理`);
    expect(await desk.textContent('#case-status')).toBe('已接件');
    expect(await desk.textContent('#case-applicant')).toBe('李四（居民身份证 尾号 0011）');
    expect(await desk.textContent('#case-page')).toContain('窗口申报');
    // The server recorded the clerk as who registered it, and the applicant from the document presented
    const detail = await api(h().server.app, 'food-staff', 'GET', `/api/cases/${s.windowCase}`);
    expect(detail).toMatchObject({ channel: 'window', applicant: { name: '李四', idType: 'RESIDENT_ID', idSuffix: '0011', phone: '13900139000' } });
    const timeline = await api(h().server.app, 'food-staff', 'GET', `/api/cases/${s.windowCase}/timeline`);
    expect((Array.isArray(timeline) ? timeline : timeline.timeline)[0]).toMatchObject({ actorId: 'food-staff' });
    await chinese(desk);
  });

  it('accepts it on the spot and finishes it the same day: check, approval, the licence issued and picked up', async () => {
    const desk = s.desk!;
    await desk.click('#accept');
    await desk.waitForSelector('#step-actions .step[data-element="check"]');
    expect(await status(desk)).toBe('受理：已完成');
    await completeStep(desk, 'check', '材料齐全，当场审查通过', '#step-actions .step[data-element="approve"]');
    await completeStep(desk, 'approve', '准予登记', '#step-actions .step[data-element="issue"]');
    // The approving decision generated the licence (营业执照); the clerk hands it over at the issue step
    expect(await desk.$('#certificate-actions')).toBeNull();
    expect((await api(h().server.app, 'food-staff', 'GET', `/api/cases/${s.windowCase}`)).certificate).toMatchObject({ name: '营业执照（个体工商户）', holder: '李四' });
    await completeStep(desk, 'issue', '营业执照已当场发放', '#delivery-actions');
    await desk.selectOption('#delivery-method', 'pickup');
    await desk.click('#record-delivery');
    await desk.waitForSelector('#case-page:not(:has(#delivery-actions))');
    expect(await status(desk)).toBe('登记送达：已完成');
    expect(await desk.textContent('#case-status')).toBe('办结（通过）');
    const detail = await api(h().server.app, 'food-staff', 'GET', `/api/cases/${s.windowCase}`);
    // 即办件: promised 0 working days, so the promised date is the day of acceptance, Monday 2 March 2026
    expect(detail.clocks.promised.date).toBe('2026-03-02');
    // The statutory 3 working days: Tuesday 3, Wednesday 4 and Thursday 5 March
    expect(detail.clocks.statutory.date).toBe('2026-03-05');
    expect(detail.acceptance.acceptedOn).toBe('2026-03-02');
    expect(detail.decision).toMatchObject({ outcome: 'approved', decidedOn: '2026-03-02', promised: { onTime: true } });
    expect(detail.certificate).toMatchObject({ name: '营业执照（个体工商户）', holder: '李四', validFrom: '2026-03-02' });
    expect(detail.delivery).toMatchObject({ method: 'pickup', onTime: true });
    // Every step of the timeline on the same day, in Beijing time
    const whens = await desk.$$eval('#timeline tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(whens.length).toBeGreaterThan(5);
    expect(new Set(whens)).toEqual(new Set(['2026-03-02 09:00']));
    // The first entry is the application, recorded with the clerk who registered it
    expect(await desk.textContent('#timeline tbody tr:first-child td:nth-child(3)')).toBe('区市场监督管理局 工作人员');
    await chinese(desk);
    await shot(desk, 'console-window-concluded');
  });

  it('lists 我发起的, 已办 and 抄送我的 with filters by case number, applicant, item, light and status', async () => {
    const desk = s.desk!;
    await route(desk, '#/queues/started', '/queues/:queue');
    expect(await desk.textContent('#queue-tabs')).toBe('待受理待办已办抄送我的我发起的');
    expect(await desk.textContent('#queue-tabs a.active')).toBe('我发起的');
    expect(await rows(desk, '#queue')).toEqual([s.windowCase]);
    expect(await desk.textContent(`#queue tr[data-case="${s.windowCase}"]`)).toContain('个体工商户设立登记');
    expect(await desk.textContent(`#queue tr[data-case="${s.windowCase}"]`)).toContain('李四');
    expect(await desk.textContent(`#queue tr[data-case="${s.windowCase}"]`)).toContain('窗口申报');
    // The promised date is the last day of the limit (当场办结: the day of acceptance), not the instant after it
    expect(await desk.textContent(`#queue tr[data-case="${s.windowCase}"] td[data-head="承诺办结日期"]`)).toBe('2026-03-02');
    await chinese(desk);
    await shot(desk, 'console-queue-started');

    // 已办: the correction notice of the online case and every step of the window case
    await desk.click('#queue-tabs a[data-queue="done"]');
    await desk.waitForSelector('#queue[data-queue="done"]');
    expect((await rows(desk, '#queue')).sort()).toEqual([s.onlineCase, s.windowCase].sort());
    await desk.fill('#queue-applicant', '李四');
    await desk.click('#queue-filters button[type="submit"]');
    await desk.waitForSelector('#main[data-route="/queues/:queue"]:not([aria-busy])');
    await expect.poll(() => rows(desk, '#queue')).toEqual([s.windowCase]);
    await route(desk, '#/queues/done?item=ITEM-02', '/queues/:queue');
    expect(await rows(desk, '#queue')).toEqual([s.onlineCase]);
    expect(await desk.inputValue('#queue-item')).toBe('ITEM-02');
    await route(desk, `#/queues/done?caseNo=${s.windowCase!.slice(-6)}`, '/queues/:queue');
    expect(await rows(desk, '#queue')).toEqual([s.windowCase]);
    await route(desk, '#/queues/done?status=11', '/queues/:queue');
    expect(await rows(desk, '#queue')).toEqual([s.windowCase]);
    await route(desk, '#/queues/done?status=6', '/queues/:queue');
    expect(await rows(desk, '#queue')).toEqual([s.onlineCase]);
    await route(desk, '#/queues/done?light=red', '/queues/:queue');
    expect(await rows(desk, '#queue')).toEqual([]);
    expect(await desk.textContent('#queue tbody')).toBe('暂无您办理过的办件');
    await chinese(desk);

    // The pre-review queue and the inbox carry the same tabs
    await desk.click('#queue-tabs a[data-queue="awaiting"]');
    await desk.waitForSelector(`#inbox tr[data-case="${s.onlineCase}"]`);
    expect(await desk.inputValue('#filter-status')).toBe('awaiting');
    expect(await desk.textContent('#queue-tabs a.active')).toBe('待受理');
  });

  it('lists a copied case under 抄送我的 for the colleague it was copied to', async () => {
    const app = h().server.app;
    // The copy is the task operation's own (抄送, on the case page of the task operations); here it is made through
    // the API on a new window case waiting at its first step, so that the copied colleague has a case to find.
    const desk = s.desk!;
    await route(desk, '#/window?item=ITEM-01', '/window');
    await desk.waitForSelector('#intake-form #facts');
    await desk.fill('#intake-applicant-name', '王五');
    await desk.fill('#intake-applicant-id-number', '110101197501010022');
    await desk.selectOption('select[name="fact:applicant.kind"]', 'NATURAL_PERSON');
    await desk.fill('input[name="fact:applicant.age"]', '50');
    for (const [name, value] of [['familyOperated', 'false'], ['byAgent', 'false'], ['premisesOwnedByApplicant', 'true'], ['businessScopeNeedsPriorLicence', 'false']]) {
      await desk.check(`input[name="fact:${name}"][value="${value}"]`);
    }
    await desk.waitForSelector('#needed li[data-material="M2"]');
    await desk.setInputFiles('#uploads input[data-material="M1"]', pdf('申请书.pdf'));
    await desk.fill('#shared [data-material="M2"] [name="number"]', '110101197501010022');
    await desk.fill('#shared [data-material="M2"] [name="issuer"]', '北京市公安局东城分局');
    await desk.click('#intake-submit');
    await desk.waitForSelector('#case-page[data-case]');
    const copied = (await desk.getAttribute('#case-page', 'data-case'))!;
    await desk.click('#accept');
    await desk.waitForSelector('#step-actions .step[data-element="check"]');
    const task = (await api(app, 'food-staff', 'GET', `/api/tasks?caseNo=${copied}`))[0];
    await api(app, 'food-staff', 'POST', `/api/tasks/${encodeURIComponent(task.taskId)}/claim`, {});
    await api(app, 'food-staff', 'POST', `/api/tasks/${encodeURIComponent(task.taskId)}/copies`, { users: ['food-admin'], note: '请知悉' });

    const other = await openPage(h(), '/console/#/queues/copied');
    try {
      other.setDefaultTimeout(10_000);
      await formLogin(other, FOOD_ADMIN, '#queue[data-queue="copied"]');
      expect(await rows(other, '#queue')).toEqual([copied]);
      expect(await other.textContent(`#queue tr[data-case="${copied}"]`)).toContain('王五');
      await route(other, '#/queues/copied?applicant=李四', '/queues/:queue');
      expect(await rows(other, '#queue')).toEqual([]);
      expect(await other.textContent('#queue tbody')).toBe('暂无抄送给您的办件');
      await route(other, '#/queues/copied', '/queues/:queue');
      await chinese(other);
      await shot(other, 'console-queue-copied');
    } finally {
      await other.close();
    }
    // The clerk's own 抄送我的 stays empty
    await route(desk, '#/queues/copied', '/queues/:queue');
    expect(await rows(desk, '#queue')).toEqual([]);
  });
}
