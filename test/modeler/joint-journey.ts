/**
 * ITEM-03 开办旅馆“一件事” from the pages (scenario S7): the applicant applies once online; the lead department
 * accepts and registers; health, police and fire work their steps in parallel, each in its own console, each on
 * its own limit; the late police step is red; the case is decided when the last branch ends and the result is
 * handed out once (统一出件) by the lead department's window. A second case: the police refuse with their
 * reasons, the others approve, and the case ends 部分不予许可 with each department's result told to the applicant.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Harness } from './browser.js';
import { applyOnline, chinese, clockAt, completeStep, createStaff, deskLogin, fitsPhone, openCase, openDesk, rerender, route, shot, status, text } from './journey-kit.js';

const HEALTH = '区卫生健康委员会';
const POLICE = '区公安分局';
const FIRE = '区消防救援大队';
/** The lead department's clerk, one officer of each co-department. */
const STAFF = [
  { id: 'j4001', name: '周明', department: '区市场监督管理局', groups: ['registrar', 'window-clerk'] },
  { id: 'j3001', name: '赵敏', department: HEALTH, groups: ['health-inspector'] },
  { id: 'j1001', name: '李强', department: POLICE, groups: ['police-officer'] },
  { id: 'j2001', name: '陈刚', department: FIRE, groups: ['fire-inspector'] },
  // The head of the same-level government approves the joint extension (行政许可法 第42条第2款), on the lead
  // department's case
  { id: 'j0001', name: '王建国', department: '区市场监督管理局', groups: ['government-head'] },
];
const FACTS = { 'applicant.kind': 'ENTERPRISE', rooms: '30', hasCentralAC: 'false', fireSafetyPath: 'NORMAL', byAgent: 'false' };
const FILES = { M1: '一件事综合申请表.pdf', M3: '场所使用证明.pdf', M4: '平面布局图.pdf', M5: '卫生管理制度.pdf', M8: '治安保卫制度.pdf', M9: '消防安全制度.pdf' };

/** What the joint journey keeps between its steps. */
interface Joint { portal?: Page; desk?: Page; caseNo?: string }

/** The co-department rows of the joint section: department, due date, state. */
const coRows = (desk: Page) => desk.$$eval('#joint-departments tr[data-department]', (rows) => rows.map((r) => [
  (r as HTMLElement).dataset.department, (r as HTMLElement).dataset.state, r.querySelector('.co-due')?.textContent, r.querySelector('.light')?.getAttribute('data-light'),
]));

/** Registers the ITEM-03 journey. */
export function jointJourney(h: () => Harness): void {
  const s: Joint = {};

  it('ITEM-03: the applicant applies once for the four licences; the lead department accepts, with the joint limits', async () => {
    await createStaff(h(), STAFF);
    await clockAt(h(), '2026-09-01 09:00');
    const applied = await applyOnline(h(), { item: 'ITEM-03', facts: FACTS, files: FILES, shared: { M2: ['110101199003071234', '公安机关'] }, shot: 'portal-joint-apply' });
    s.portal = applied.portal;
    s.caseNo = applied.caseNo;

    const desk = (s.desk = await openDesk(h()));
    await deskLogin(desk, 'j4001');
    await clockAt(h(), '2026-09-01 10:00');
    await openCase(desk, s.caseNo);
    await desk.click('#accept');
    await desk.waitForSelector('#step-actions .step[data-element="register"]');
    expect(await status(desk)).toBe('受理：已完成');
    // 10 WD promised (09-02 … 09-15), 45 WD statutory for joint handling (行政许可法 第42条第2款): 2026-11-09
    expect(await text(desk, '#clocks tr[data-clock="promised"] .deadline')).toBe('2026-09-15');
    expect(await text(desk, '#clocks tr[data-clock="statutory"] .deadline')).toBe('2026-11-09');
    expect(await text(desk, '#step-actions .step[data-element="register"] .step-due')).toBe('2026-09-02 24:00');
    // The clerk may not extend the joint limit: only the head of the government may
    expect(await desk.$('#extension-actions')).toBeNull();
    await chinese(desk);
  });

  it('ITEM-03: registration starts the three co-departments in parallel, each with its own due date', async () => {
    const desk = s.desk!;
    await clockAt(h(), '2026-09-02 11:00');
    await rerender(desk);
    await completeStep(desk, 'register', '营业执照已核准登记', '#joint-departments');
    expect(await status(desk)).toBe('设立登记：已办理');
    expect(await coRows(desk)).toEqual([
      [HEALTH, 'open', '2026-09-09', 'green'],
      [POLICE, 'open', '2026-09-11', 'green'],
      [FIRE, 'open', '2026-09-11', 'green'],
    ]);
    expect(await text(desk, '#joint-progress')).toBe('协办部门已办结 0/3');
    // The lead department's clerk works none of the co-departments' steps
    expect(await desk.$$eval('#step-actions .step .step-complete', (b) => b.length)).toBe(0);
    // The special procedure suspends the whole case: the lead department's, offered to its clerk
    expect(await desk.isVisible('#procedure-actions #start-procedure')).toBe(true);
    await chinese(desk);
  });

  it('ITEM-03: health and fire finish on their own pages; the case waits for police at 2/3', async () => {
    const desk = s.desk!;
    await clockAt(h(), '2026-09-08 10:00');
    await deskLogin(desk, 'j3001');
    await route(desk, '#/inbox', '/inbox');
    await desk.waitForSelector(`#inbox tr[data-case="${s.caseNo}"]`);
    await openCase(desk, s.caseNo!);
    expect(await desk.$$eval('#step-actions .step[data-element] .step-complete', (b) => b.map((x) => x.closest('.step')!.getAttribute('data-element')))).toEqual(['health']);
    await completeStep(desk, 'health', '卫生设施符合要求，准予许可', '#joint-departments tr[data-department="区卫生健康委员会"][data-state="approved"]');

    await clockAt(h(), '2026-09-10 10:00');
    await deskLogin(desk, 'j2001');
    await openCase(desk, s.caseNo!);
    await completeStep(desk, 'fire', '消防安全检查合格', '#joint-departments tr[data-department="区消防救援大队"][data-state="approved"]');
    expect(await text(desk, '#joint-progress')).toBe('协办部门已办结 2/3');
    expect(await text(desk, '#case-status')).toBe('部门开始办理');
    expect(await desk.$('#certificate-issued')).toBeNull();
    await chinese(desk);
  });

  it('ITEM-03: the police step is red after its own due 09-11 and the whole case after 09-15; police finishes on 09-16', async () => {
    const desk = s.desk!;
    await clockAt(h(), '2026-09-16 09:00');
    await deskLogin(desk, 'j1001');
    await route(desk, '#/inbox', '/inbox');
    await desk.waitForSelector(`#inbox tr[data-case="${s.caseNo}"]`);
    expect(await desk.getAttribute(`#inbox tr[data-case="${s.caseNo}"] .light`, 'data-light')).toBe('red');
    await openCase(desk, s.caseNo!);
    expect(await desk.getAttribute('#case-light .light', 'data-light')).toBe('red');
    expect(await coRows(desk)).toEqual([
      [HEALTH, 'approved', '2026-09-09', 'green'],
      [POLICE, 'open', '2026-09-11', 'red'],
      [FIRE, 'approved', '2026-09-11', 'green'],
    ]);
    await shot(desk, 'console-joint');
    expect(await desk.$('#extension-actions')).toBeNull();
    // A co-department's officer is offered only what the server lets them do: no special procedure (the lead
    // department's) and no 催办 of their own department's unclaimed step, which they claim and complete instead
    expect(await desk.$('#procedure-actions')).toBeNull();
    expect(await desk.$$eval('#step-actions .step[data-element="police"] [data-op="urge"]', (b) => b.length)).toBe(0);
    expect(await desk.isVisible('#step-actions .step[data-element="police"] .step-complete')).toBe(true);

    // The head of the government extends the statutory limit by 15 WD: 2026-11-09 becomes 2026-11-30; the
    // promised date stays (the listing's extension does not move it)
    await deskLogin(desk, 'j0001');
    await openCase(desk, s.caseNo!);
    await desk.fill('#extension-days', '15');
    await desk.fill('#extension-reason', '特种行业许可需补充核查');
    await desk.click('#extend');
    await desk.waitForSelector('#case-page:not(:has(#extension-actions))');
    expect(await text(desk, '#clocks tr[data-clock="statutory"] .deadline')).toBe('2026-11-30');
    expect(await text(desk, '#clocks tr[data-clock="promised"] .deadline')).toBe('2026-09-15');
    expect(await text(desk, '#extension')).toContain('特种行业许可需补充核查');
    await chinese(desk);

    await deskLogin(desk, 'j1001');
    await clockAt(h(), '2026-09-16 16:00');
    await openCase(desk, s.caseNo!);
    await completeStep(desk, 'police', '旅客信息登记系统已接入，准予许可', '#joint-departments tr[data-department="区公安分局"][data-state="approved"]');
    expect(await text(desk, '#joint-progress')).toBe('协办部门已办结 3/3');
    await chinese(desk);
  });

  it('ITEM-03: the lead department hands out the result once (统一出件) and records the pickup', async () => {
    const desk = s.desk!;
    await clockAt(h(), '2026-09-17 09:30');
    await deskLogin(desk, 'j4001');
    await openCase(desk, s.caseNo!);
    expect(await text(desk, '#case-page')).toContain('准予许可');
    await completeStep(desk, 'issue', '四证已归集，统一出件', '#delivery-actions');
    await desk.selectOption('#delivery-method', 'pickup');
    await desk.click('#record-delivery');
    await desk.waitForSelector('#case-page:not(:has(#delivery-actions))');
    expect(await status(desk)).toBe('登记送达：已完成');
    await chinese(desk);
    await shot(desk, 'console-joint-issued');

    const portal = s.portal!;
    await rerender(portal);
    expect(await text(portal, '#result')).toContain('准予许可');
    expect(await text(portal, '#delivery')).toContain('窗口领取');
    expect(await portal.$$eval('#joint-results li', (lis) => lis.map((li) => (li as HTMLElement).dataset.department))).toEqual([HEALTH, POLICE, FIRE]);
    await chinese(portal);
    await fitsPhone(portal);
    await shot(portal, 'portal-joint-result');
  });
  it('ITEM-03: a co-department\'s refusal ends its branch with its reasons; the case ends 部分不予许可 and the applicant sees each result', async () => {
    await clockAt(h(), '2026-09-21 09:00');
    const { portal, caseNo } = await applyOnline(h(), { item: 'ITEM-03', facts: FACTS, files: FILES, shared: { M2: ['110101199003071234', '公安机关'] } });
    const desk = s.desk!;
    await deskLogin(desk, 'j4001');
    await openCase(desk, caseNo);
    await desk.click('#accept');
    await completeStep(desk, 'register', '营业执照已核准登记', '#joint-departments');
    await deskLogin(desk, 'j1001');
    await openCase(desk, caseNo);
    // The refusal carries its reasons (行政许可法 第38条), shown in the police row
    await desk.selectOption('#step-actions .step[data-element="police"] select.step-outcome', 'refuse');
    await desk.fill('#step-actions .step[data-element="police"] .step-opinion', '旅客信息登记系统未接入公安平台（《旅馆业治安管理办法》第六条）');
    await desk.click('#step-actions .step[data-element="police"] .step-complete');
    await desk.waitForSelector('#joint-departments tr[data-department="区公安分局"][data-state="refused"]');
    expect(await text(desk, '#joint-departments tr[data-department="区公安分局"]')).toContain('第六条');
    for (const [who, element, department, opinion] of [['j3001', 'health', HEALTH, '卫生设施符合要求'], ['j2001', 'fire', FIRE, '消防安全检查合格']] as const) {
      await deskLogin(desk, who);
      await openCase(desk, caseNo);
      await completeStep(desk, element, opinion, `#joint-departments tr[data-department="${department}"][data-state="approved"]`);
    }
    await expect.poll(() => text(desk, '#case-page')).toContain('部分不予许可');
    expect(await text(desk, '#joint-progress')).toBe('协办部门已办结 3/3');
    await chinese(desk);

    await rerender(portal);
    expect(await text(portal, '#result')).toContain('部分不予许可');
    expect(await portal.$$eval('#joint-results li', (lis) => lis.map((li) => [(li as HTMLElement).dataset.department, (li as HTMLElement).dataset.outcome]))).toEqual([
      [HEALTH, 'approved'], [POLICE, 'refused'], [FIRE, 'approved'],
    ]);
    expect(await text(portal, `#joint-results li[data-department="${POLICE}"]`)).toContain('不予许可');
    await chinese(portal);
    await portal.close();
  });
}
