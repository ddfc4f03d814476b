/**
 * ITEM-01 个体工商户设立登记 (an instant item, promised 0 WD): a missing prior licence corrected, acceptance, check,
 * approval, the business licence issued and picked up the same day, and a good evaluation opening no rectification;
 * an enterprise as operator not accepted; a case left undone red from 00:00 the next day with one supervision record;
 * a withdrawal by the applicant.
 */
import { addCalendarDays } from '../../engine/calendar/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chineseDate, SPGL } from '../../engine/approval/index.js';
import { bj, pdf, shared, world, type World } from './harness.js';

const D0 = '2026-03-02'; // Monday
const applicant = { id: 'u-liu', name: '刘洋', kind: 'NATURAL_PERSON' };
const clerk = { id: 'clerk-he', name: '何静', department: '区市场监督管理局', roles: ['clerk', 'registrar', 'registration-approver', 'window-clerk'] };
const identity = shared('M2', '居民身份证', '1101**********0011', '公安机关');
const facts = (over: Record<string, unknown> = {}) => ({
  applicant: { kind: 'NATURAL_PERSON', age: 35 }, familyOperated: false, byAgent: false, premisesOwnedByApplicant: true, businessScopeNeedsPriorLicence: false, ...over,
});

let w: World;
beforeEach(async () => { w = await world(['ITEM-01'], bj(D0, '09:00')); });
afterEach(() => w.dispose());

const complete = (caseNo: string, elementId: string, outcome?: string, opinion?: string) => w.complete(caseNo, elementId, clerk, outcome, opinion);

async function applyRegistration(over: Record<string, unknown> = {}, materials = [pdf('M1'), identity]) {
  const result = await w.service.apply({ itemCode: 'ITEM-01', channel: 'online', applicant, facts: facts(over), materials, actor: { id: applicant.id, name: applicant.name } });
  if (!result.ok) throw new Error(result.refusal.message);
  return result;
}

describe('ITEM-01 sole trader registration (instant)', () => {
  it('corrects a missing prior licence, then accepts, approves, issues and delivers the licence the same day', async () => {
    const applied = await applyRegistration({ businessScopeNeedsPriorLicence: true });
    expect(applied).toMatchObject({ status: SPGL.received, fees: 0 });
    expect(applied.requiredMaterials.map((m) => m.material)).toEqual(['M1', 'M2', 'M6']);
    const no = applied.caseNo;
    expect(no).toMatch(/^SP20260302-[0-9A-Z]{10}$/);

    const review = await w.service.preReview(no);
    expect(review!.corrections.map((c) => c.code)).toContain('AC2');
    w.at(D0, '09:20');
    const notified = await w.service.notifyCorrection(no, { actor: clerk });
    expect(notified).toMatchObject({ ok: true, status: SPGL.correctionStarted });
    if (!notified.ok) return;
    expect(notified.document).toContain('一次性补正告知书');
    expect(notified.document).toContain('经营范围涉及登记前置许可的，请补正前置许可文件');
    expect(notified.document).toContain('《中华人民共和国市场主体登记管理条例》第十六条');
    expect(notified.document).toContain(chineseDate(D0));

    w.at(D0, '10:30');
    expect(await w.service.supplyCorrection(no, { actor: { id: applicant.id }, materials: [pdf('M6', '食品经营许可证')] })).toMatchObject({ ok: true, status: SPGL.correctionEnded });
    expect((await w.service.preReview(no))!.acceptable).toBe(true);
    w.at(D0, '11:00');
    const accepted = await w.service.accept(no, { actor: clerk });
    expect(accepted).toMatchObject({ ok: true, status: SPGL.handling });
    if (!accepted.ok) return;
    // 当场办结: promised 0 WD is the day of acceptance; statutory 3 WD.
    expect(accepted.document).toContain(`受理编号：${no}`);
    expect(accepted.document).toContain(`<strong data-field="promisedDate">${chineseDate(D0)}</strong>`);
    expect(accepted.document).toContain('<span data-field="statutoryDate">2026年3月5日</span>'); // 3 WD after Mon 03-02: 03, 04, 05
    let s = (await w.service.getCase(no))!.lifecycle;
    expect(s.deadlines!.promised.date).toBe(D0);
    expect(s.deadlines!.statutory.date).toBe('2026-03-05');

    w.at(D0, '11:20');
    await complete(no, 'check');
    await complete(no, 'approve', 'approve');
    expect(await w.service.issueCertificate(no, { actor: clerk })).toMatchObject({ ok: true });
    expect(await complete(no, 'issue')).toMatchObject({ status: SPGL.completedApproved });
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.decision).toMatchObject({ outcome: 'approved', decidedOn: D0, promised: { onTime: true }, statutory: { onTime: true } });
    expect(s.certificate).toMatchObject({ name: '营业执照（个体工商户）', issuer: '区市场监督管理局', holder: applicant.name, validFrom: D0 });

    w.at(D0, '15:00');
    expect(await w.service.recordDelivery(no, { method: 'pickup', actor: clerk })).toMatchObject({ ok: true });
    expect(await w.service.evaluate(no, { grade: 1, comment: '当天拿照', actor: { id: applicant.id } })).toMatchObject({ ok: true });
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.delivery).toMatchObject({ method: 'pickup', onTime: true });
    expect(s.evaluation).toMatchObject({ grade: 1 });
    expect(s.rectification).toBeUndefined();

    const timeline = await w.service.timeline(no);
    expect(timeline.filter((t) => t.status !== undefined).map((t) => t.status)).toEqual([1, 6, 7, 3, 8, 11]);
    const { state, replayed } = await w.stored(no);
    expect(replayed).toEqual(state);
  });

  it('does not accept an enterprise as the operator, with the reason and legal basis in the decision', async () => {
    const { caseNo } = await applyRegistration({ applicant: { kind: 'ENTERPRISE', age: 0 } });
    expect((await w.service.preReview(caseNo))!.rejectionReasons.map((r) => r.code)).toEqual(['AC1']);
    const rejected = await w.service.reject(caseNo, { actor: clerk });
    expect(rejected).toMatchObject({ ok: true, status: SPGL.notAccepted });
    if (!rejected.ok) return;
    expect(rejected.document).toContain('不予受理决定书');
    expect(rejected.document).toContain('个体工商户的经营者应当为自然人');
    expect(rejected.document).toContain('《促进个体工商户发展条例》第二条');
    expect(rejected.document).toContain(`不予受理（${caseNo}）`);
    expect(await w.service.document(caseNo, 'non-acceptance')).toBe(rejected.document);
    expect((await w.service.getCase(caseNo))!.summary).toMatchObject({ status: String(SPGL.notAccepted), stage: 'not-accepted' });
  });

  it('is red from 00:00 the day after an undone instant case, with exactly one supervision record, and decided one day late', async () => {
    const { caseNo } = await applyRegistration();
    await w.service.accept(caseNo, { actor: clerk });
    await complete(caseNo, 'check');
    w.at(D0, '23:50');
    await w.service.evaluateSupervision(caseNo);
    expect((await w.service.getCase(caseNo))!.lifecycle.supervision).toEqual([]);
    w.at(addCalendarDays(D0, 1), '00:10');
    await w.service.evaluateSupervision(caseNo);
    await w.service.evaluateSupervision(caseNo);
    let s = (await w.service.getCase(caseNo))!.lifecycle;
    expect(s.light).toBe('red');
    expect(s.supervision).toHaveLength(1);
    expect(s.supervision).toMatchObject([{ rule: 'case-overdue', caseNo: caseNo, issuedOn: addCalendarDays(D0, 1) }]);
    w.at(addCalendarDays(D0, 1), '10:00');
    await complete(caseNo, 'approve', 'approve');
    s = (await w.service.getCase(caseNo))!.lifecycle;
    expect(s.decision).toMatchObject({ decidedOn: addCalendarDays(D0, 1), promised: { onTime: false, lateDays: 1 }, statutory: { onTime: true } });
    expect(s.supervision).toHaveLength(1);
  });

  it('lets the applicant withdraw an accepted case: status 14 and the open task cancelled', async () => {
    const { caseNo } = await applyRegistration();
    await w.service.accept(caseNo, { actor: clerk });
    w.at(D0, '11:00');
    expect(await w.service.withdraw(caseNo, { reason: '经营场所未落实', actor: clerk })).toMatchObject({ ok: false, refusal: { code: 'NOT_THE_APPLICANT' } });
    expect(await w.service.withdraw(caseNo, { reason: '经营场所未落实', actor: { id: applicant.id } })).toMatchObject({ ok: true, status: SPGL.withdrawn });
    const view = await w.service.getCase(caseNo);
    expect(view!.lifecycle).toMatchObject({ phase: 'withdrawn', withdrawal: { reason: '经营场所未落实' } });
    expect(view!.openTasks).toEqual([]);
    expect((await w.store.cases.listTasks({ caseNo })).map((t) => t.status)).toEqual(['cancelled']);
    expect((await w.service.timeline(caseNo)).filter((t) => t.status !== undefined).map((t) => t.status)).toEqual([1, 3, 8, 14]);
  });
});
