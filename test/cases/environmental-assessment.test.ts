/**
 * ITEM-04 建设项目环境影响报告书审批 end to end (scenario S5): a correction for the missing public version, acceptance
 * on Mon 2026-06-01, acceptance publicity, the expert review (技术评估) stopping both clocks from 06-05 to 06-26,
 * examination, decision, the written approval, pickup and a poor evaluation opening a rectification; a project
 * outside the city's approval level not accepted, with the reason and legal basis.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chineseDate, SPGL } from '../../engine/approval/index.js';
import { bj, calendar, pdf, shared, wd, world, type World } from './harness.js';

const D0 = '2026-05-27'; // Wednesday: the application
const S5_ACCEPTED = '2026-06-01'; // Monday (scenario S5)
const applicant = { id: 'u-dev', name: '某化工有限公司', kind: 'ENTERPRISE' };
const clerk = { id: 'clerk-zhao', name: '赵敏', department: '市生态环境局', roles: ['clerk', 'approval-section', 'assessment-centre', 'section-chief', 'deputy-director', 'office'] };
const licence = shared('M5', '营业执照', '91330100MA2YYYYY2', '市场监督管理局');
const facts = (over: Record<string, unknown> = {}) => ({ project: { approvalLevel: 'CITY', sensitive: false }, byAgent: false, ...over });

let w: World;
beforeEach(async () => { w = await world(['ITEM-04'], bj(D0, '09:30')); });
afterEach(() => w.dispose());

const complete = (caseNo: string, elementId: string, outcome?: string, opinion?: string) => w.complete(caseNo, elementId, clerk, outcome, opinion);

async function applyEia(over: Record<string, unknown> = {}, materials = [pdf('M1'), pdf('M2'), pdf('M3'), pdf('M4'), licence]) {
  const result = await w.service.apply({ itemCode: 'ITEM-04', channel: 'online', applicant, facts: facts(over), materials, actor: { id: applicant.id, name: applicant.name } });
  if (!result.ok) throw new Error(result.refusal.message);
  return result;
}

describe('ITEM-04 environmental impact report approval (scenario S5)', () => {
  it('goes from a corrected application through publicity and the expert review to the approval, pickup and evaluation', async () => {
    const applied = await applyEia({}, [pdf('M1'), pdf('M2'), pdf('M4'), licence]);
    expect(applied).toMatchObject({ status: SPGL.received, fees: 0 });
    expect(applied.requiredMaterials.map((m) => m.material)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
    const no = applied.caseNo;
    expect(no).toMatch(/^SP20260527-[0-9A-Z]{10}$/);

    // The public version is missing: one correction notice, with its basis.
    const review = await w.service.preReview(no);
    expect(review!.corrections.map((c) => c.code)).toEqual(['M3']);
    w.at('2026-05-28');
    const notified = await w.service.notifyCorrection(no, { actor: clerk });
    expect(notified).toMatchObject({ ok: true, status: SPGL.correctionStarted });
    if (!notified.ok) return;
    expect(notified.document).toContain('一次性补正告知书');
    expect(notified.document).toContain('环境影响报告书（公开版）及删除说明');
    expect(notified.document).toContain(`补正告知第1号（${no}）`);
    expect(await w.service.document(no, 'correction-notice')).toBe(notified.document);

    // Supplied and accepted on the scenario's day.
    expect(wd(D0, 3)).toBe(S5_ACCEPTED);
    w.at(S5_ACCEPTED, '09:00');
    expect(await w.service.supplyCorrection(no, { actor: { id: applicant.id }, materials: [pdf('M3')] })).toMatchObject({ ok: true, status: SPGL.correctionEnded });
    expect((await w.service.preReview(no))!.acceptable).toBe(true);
    w.at(S5_ACCEPTED, '10:00');
    const accepted = await w.service.accept(no, { actor: clerk });
    expect(accepted).toMatchObject({ ok: true, status: SPGL.handling });
    if (!accepted.ok) return;
    // Without suspension: promised 2026-06-30, statutory 2026-08-25 (S5).
    expect(wd(S5_ACCEPTED, 20)).toBe('2026-06-30');
    expect(wd(S5_ACCEPTED, 60)).toBe('2026-08-25');
    expect(accepted.document).toContain('受理通知书');
    expect(accepted.document).toContain(`受理编号：${no}`);
    expect(accepted.document).toContain(`<strong data-field="acceptedOn">${chineseDate(S5_ACCEPTED)}</strong>`);
    expect(accepted.document).toContain(`<strong data-field="promisedDate">${chineseDate('2026-06-30')}</strong>`);
    expect(accepted.document).toContain(`<span data-field="statutoryDate">${chineseDate('2026-08-25')}</span>`);
    let s = (await w.service.getCase(no))!.lifecycle;
    expect(s.deadlines!.promised.date).toBe('2026-06-30'); // 20 WD after Mon 06-01 (06-19 端午 skipped)
    expect(s.deadlines!.statutory.date).toBe('2026-08-25'); // 60 WD after Mon 06-01

    // Acceptance publicity (受理公示) as the first step.
    w.at('2026-06-04');
    expect((await w.service.getCase(no))!.openTasks.map((t) => t.elementId)).toEqual(['publicity']);
    await complete(no, 'publicity');

    // 技术评估 from Fri 06-05 (status 9) to Fri 06-26 (status 10): refused without an expected duration (第45条).
    w.at('2026-06-05');
    expect(await w.service.startSpecialProcedure(no, { id: 'expert-1', procedure: 'EXPERT', reason: '技术评估', basis: '行政许可法第四十五条', actor: clerk }))
      .toMatchObject({ ok: false, refusal: { code: 'SPECIAL_PROCEDURE_NOTICE_INCOMPLETE' } });
    expect(await w.service.startSpecialProcedure(no, { id: 'expert-1', procedure: 'EXPERT', reason: '技术评估', basis: '行政许可法第四十五条', expectedDuration: { value: 15, unit: 'WD' }, actor: clerk }))
      .toMatchObject({ ok: true, status: SPGL.specialProcedureStarted });
    // The start day itself still counts (S < d ≤ E); from the next working day the light is paused.
    expect((await w.service.getCase(no))!.summary.light).toBe('green');
    w.at('2026-06-08');
    expect(await w.service.evaluateSupervision(no)).toMatchObject({ ok: true });
    expect((await w.service.getCase(no))!.lifecycle.light).toBe('paused');
    w.at('2026-06-26');
    expect(await w.service.endSpecialProcedure(no, { id: 'expert-1', result: '专家组原则通过，按意见修改', actor: clerk })).toMatchObject({ ok: true, status: SPGL.specialProcedureEnded });
    expect(calendar.countWorkingDays('2026-06-05', '2026-06-26')).toBe(14); // 08-12, 15-18 (06-19 端午), 22-26
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.deadlines!.promised.date).toBe('2026-07-20'); // 06-30 moved by the 14 suspended WD: 07-01 .. 07-20
    expect(s.deadlines!.statutory.date).toBe('2026-09-14'); // 08-25 moved by 14 WD: 08-26 .. 09-14
    // Cross-check: 4 WD used before the pause, 16 remain after it.
    expect(calendar.countWorkingDays(S5_ACCEPTED, '2026-06-05')).toBe(4);
    expect(wd('2026-06-26', 16)).toBe('2026-07-20');

    await complete(no, 'expertReview');
    w.at('2026-07-03'); // 5 WD after Fri 06-26: 29, 30, 07-01, 02, 03
    await complete(no, 'examine');
    const decidedOn = '2026-07-08'; // Wed, 8 WD after 06-26: 29, 30, 07-01, 02, 03, 06, 07, 08
    w.at(decidedOn, '11:00');
    await complete(no, 'decide', 'approve', '同意该项目按报告书所列性质、规模、地点建设');
    expect(await w.service.issueCertificate(no, { actor: clerk })).toMatchObject({ ok: true });
    expect(await complete(no, 'issue')).toMatchObject({ status: SPGL.completedApproved });
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.decision).toMatchObject({ outcome: 'approved', decidedOn, promised: { onTime: true }, statutory: { onTime: true } });
    expect(s.certificate).toMatchObject({ name: '关于建设项目环境影响报告书的批复', issuer: '市生态环境局', holder: applicant.name, validFrom: decidedOn });
    expect(s.deadlines!.delivery!.date).toBe('2026-07-22'); // 10 WD after Wed 07-08: 09, 10, 13..17, 20, 21, 22

    const pickedUp = '2026-07-10'; // Fri, 2 WD after 07-08
    w.at(pickedUp);
    expect(await w.service.recordDelivery(no, { method: 'pickup', actor: clerk })).toMatchObject({ ok: true });
    expect(await w.service.evaluate(no, { grade: 5, comment: '专家评审期间无人告知进度', actor: { id: applicant.id } })).toMatchObject({ ok: true });
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.delivery).toMatchObject({ method: 'pickup', onTime: true });
    expect(s.evaluation).toMatchObject({ grade: 5 });
    expect(s.rectification!.due.date).toBe('2026-07-17'); // 5 WD after Fri 07-10: 13, 14, 15, 16, 17
    w.at('2026-07-14');
    expect(await w.service.completeRectification(no, { note: '建立技术评估进度短信告知', actor: clerk })).toMatchObject({ ok: true });
    expect((await w.service.getCase(no))!.lifecycle.rectification!.completedAt).toBeDefined();

    const timeline = await w.service.timeline(no);
    expect(timeline.filter((t) => t.status !== undefined).map((t) => t.status)).toEqual([1, 6, 7, 3, 8, 9, 10, 11]);
    const { state, replayed } = await w.stored(no);
    expect(replayed).toEqual(state);
  });

  it('does not accept a project of the provincial approval level, with the reason and legal basis in the decision', async () => {
    const { caseNo } = await applyEia({ project: { approvalLevel: 'PROVINCE', sensitive: true } });
    expect((await w.service.preReview(caseNo))!.rejectionReasons.map((r) => r.code)).toEqual(['AC1']);
    w.at(D0, '15:00');
    const rejected = await w.service.reject(caseNo, { actor: clerk });
    expect(rejected).toMatchObject({ ok: true, status: SPGL.notAccepted });
    if (!rejected.ok) return;
    expect(rejected.document).toContain('不予受理决定书');
    expect(rejected.document).toContain(`不予受理（${caseNo}）`);
    expect(rejected.document).toContain('项目不属于本机关审批权限，请向有审批权的生态环境主管部门申请');
    expect(rejected.document).toContain('《中华人民共和国环境影响评价法》第二十三条');
    expect(rejected.document).toContain(chineseDate(D0));
    expect(await w.service.document(caseNo, 'non-acceptance')).toBe(rejected.document);
    expect(await w.service.document(caseNo, 'acceptance-notice')).toBeUndefined();
    const view = await w.service.getCase(caseNo);
    expect(view!.summary).toMatchObject({ status: String(SPGL.notAccepted), stage: 'not-accepted' });
    expect(view!.openTasks).toEqual([]);
    expect((await w.service.timeline(caseNo)).filter((t) => t.status !== undefined).map((t) => t.status)).toEqual([1, 5]);
  });
});
