/**
 * ITEM-04 环评报告书审批 from the pages (scenario S5): accepted on Mon 2026-06-01, the acceptance publicity,
 * then the expert review (技术评估) started from the case page on Fri 06-05 with its reason, basis and expected
 * duration, the clock shown paused while it runs, ended on Fri 06-26; the deadlines move by the 14 suspended
 * working days (promised 06-30 → 07-20, statutory 08-25 → 09-14); examination, decision and the written
 * approval follow, and the applicant sees the paused clock and the moved date in the portal.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Harness } from './browser.js';
import { applyOnline, chinese, clockAt, completeStep, createStaff, deskLogin, fitsPhone, openCase, openDesk, rerender, shot, status, text } from './journey-kit.js';

const ECOLOGY = '市生态环境局';
/** The approval section, the assessment centre, the section chief and the deputy director of the bureau. */
const STAFF = [
  { id: 'e5001', name: '孙丽', department: ECOLOGY, groups: ['approval-section', 'assessment-centre', 'office'] },
  { id: 'e5002', name: '钱伟', department: ECOLOGY, groups: ['section-chief'] },
  { id: 'e5003', name: '吴刚', department: ECOLOGY, groups: ['deputy-director'] },
];
const FACTS = { 'project.approvalLevel': 'CITY', 'project.sensitive': 'false', byAgent: 'false' };
const FILES = { M1: '审批申请函.pdf', M2: '环境影响报告书全本.pdf', M3: '环境影响报告书公开版.pdf', M4: '公众参与说明.pdf' };

interface Expert { portal?: Page; desk?: Page; caseNo?: string }

/** Registers the ITEM-04 journey. */
export function expertJourney(h: () => Harness): void {
  const s: Expert = {};

  it('ITEM-04: accepted on Mon 2026-06-01 with promised 2026-06-30 and statutory 2026-08-25; the publicity is done', async () => {
    await createStaff(h(), STAFF);
    await clockAt(h(), '2026-06-01 09:00');
    const applied = await applyOnline(h(), { item: 'ITEM-04', facts: FACTS, files: FILES, shared: { M5: ['91330100MA2YYYYY2X', '市场监督管理局'] } });
    s.portal = applied.portal;
    s.caseNo = applied.caseNo;
    const desk = (s.desk = await openDesk(h()));
    await deskLogin(desk, 'e5001');
    await clockAt(h(), '2026-06-01 10:00');
    await openCase(desk, s.caseNo);
    await desk.click('#accept');
    await desk.waitForSelector('#step-actions .step[data-element="publicity"]');
    expect(await text(desk, '#clocks tr[data-clock="promised"] .deadline')).toBe('2026-06-30');
    expect(await text(desk, '#clocks tr[data-clock="statutory"] .deadline')).toBe('2026-08-25');
    await clockAt(h(), '2026-06-04 15:00');
    await rerender(desk);
    await completeStep(desk, 'publicity', '受理公示期满，无异议', '#step-actions .step[data-element="expertReview"]');
    await chinese(desk);
  });

  it('ITEM-04: the expert review is started from the case page with the kinds the item allows, its reason, basis and expected duration', async () => {
    const desk = s.desk!;
    await clockAt(h(), '2026-06-05 10:00');
    await rerender(desk);
    // The item's own special procedures; the applicant's correction is asked by 驳回, not here
    expect(await desk.$$eval('#procedure-type option', (os) => os.map((o) => o.textContent))).toEqual(['公示', '专家评审', '听证']);
    // The publicity's basis is the item's own regulation; expert review is one of art. 45's procedures
    expect(await desk.inputValue('#procedure-basis')).toBe('');
    await desk.selectOption('#procedure-type', 'EXPERT');
    expect(await desk.inputValue('#procedure-basis')).toBe('《中华人民共和国行政许可法》第四十五条');
    // The approval section may not extend the limit (the agency head does)
    expect(await desk.$('#extension-actions')).toBeNull();
    await desk.click('#start-procedure');
    await expect.poll(() => status(desk)).toBe('请填写告知申请人的理由');
    await desk.fill('#procedure-reason', '组织专家对环境影响报告书进行技术评估');
    await desk.fill('#procedure-days', '14');
    await desk.click('#start-procedure');
    await desk.waitForSelector('#procedure-actions .running');
    expect(await text(desk, '#case-status')).toBe('特别程序（开始）');
    // 14 working days from Fri 06-05: 06-08 … 06-26 (06-19 is the 端午 holiday)
    expect(await text(desk, '#suspensions tr[data-procedure] td:nth-child(4)')).toBe('进行中（预计 2026-06-26）');
    // A suspended case takes no step's completion (行政许可法 第45条: the review runs outside the limit)
    expect(await desk.$$eval('#step-actions .step-complete', (b) => b.length)).toBe(0);
    expect(await desk.$('#task-operations')).toBeNull();
    await chinese(desk);
  });

  it('ITEM-04: while the expert review runs the clock shows paused, on the case page and in the portal', async () => {
    const desk = s.desk!;
    await clockAt(h(), '2026-06-08 09:00');
    await rerender(desk);
    expect(await desk.getAttribute('#case-light .light', 'data-light')).toBe('paused');
    expect(await text(desk, '#case-light')).toContain('暂停计时');
    expect(await text(desk, '#clock-paused')).toBe('计时暂停中：专家评审自 2026-06-05 起，预计 2026-06-26 结束；暂停期间不计入法定办结时限、承诺办结时限，结束后期限顺延。');
    await shot(desk, 'console-expert-paused');
    await chinese(desk);

    const portal = s.portal!;
    await rerender(portal);
    expect(await text(portal, '#clock-paused')).toBe('计时暂停中：专家评审自 2026-06-05 起，预计 2026-06-26 结束；暂停期间不计入法定办结时限、承诺办结时限，结束后期限顺延。');
    await chinese(portal);
    await fitsPhone(portal);
    await shot(portal, 'portal-expert-paused');
  });

  it('ITEM-04: ending the review on Fri 06-26 moves the deadlines by the 14 suspended working days', async () => {
    const desk = s.desk!;
    await clockAt(h(), '2026-06-26 16:00');
    await rerender(desk);
    await desk.click('#procedure-actions .running button');
    await desk.waitForSelector('#procedure-actions:not(:has(.running)), #case-page:not(:has(#procedure-actions .running))');
    expect(await text(desk, '#case-status')).toBe('特别程序（结束）');
    // Suspended working days in (06-05, 06-26]: 14 (06-19 is a holiday); 06-30 + 14 WD = 07-20, 08-25 + 14 WD = 09-14
    expect(await text(desk, '#clocks tr[data-clock="promised"] .deadline')).toBe('2026-07-20');
    expect(await text(desk, '#clocks tr[data-clock="statutory"] .deadline')).toBe('2026-09-14');
    expect(await text(desk, '#clocks tr[data-clock="promised"] td:nth-child(4)')).toContain('暂停 14 个工作日');
    expect(await text(desk, '#suspensions tr[data-procedure] td:nth-child(3)')).toBe('2026-06-05');
    expect(await text(desk, '#suspensions tr[data-procedure] td:nth-child(4)')).toBe('2026-06-26');
    expect(await desk.$('#clock-paused')).toBeNull();
    await shot(desk, 'console-expert-resumed');
    await chinese(desk);
  });

  it('ITEM-04: the review, examination and decision finish the case; the applicant sees the moved date and the approval', async () => {
    const desk = s.desk!;
    await completeStep(desk, 'expertReview', '专家组原则通过，按意见修改', '#step-actions .step[data-element="examine"]');
    await clockAt(h(), '2026-07-03 10:00');
    await deskLogin(desk, 'e5002');
    await openCase(desk, s.caseNo!);
    await completeStep(desk, 'examine', '报告书修改到位，建议批准', '#step-actions .step[data-element="decide"]');
    await clockAt(h(), '2026-07-08 11:00');
    await deskLogin(desk, 'e5003');
    await openCase(desk, s.caseNo!);
    await completeStep(desk, 'decide', '同意该项目按报告书所列性质、规模、地点建设', '#step-actions .step[data-element="issue"]');
    await deskLogin(desk, 'e5001');
    await openCase(desk, s.caseNo!);
    await completeStep(desk, 'issue', '批复文件已印发', '#delivery-actions');
    await desk.selectOption('#delivery-method', 'online');
    await desk.click('#record-delivery');
    await desk.waitForSelector('#case-page:not(:has(#delivery-actions))');
    expect(await status(desk)).toBe('登记送达：已完成');
    await chinese(desk);

    const portal = s.portal!;
    await rerender(portal);
    expect(await text(portal, '#promised-date')).toBe('2026-07-20');
    expect(await text(portal, '#result')).toContain('准予许可');
    await chinese(portal);
  });
}
