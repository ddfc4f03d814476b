/**
 * ITEM-06 公共场所卫生许可证核发 end to end (scenario S1): a submission on the Mid-Autumn holiday Fri 2026-09-25 17:30
 * accepted at once, the promised date 2026-10-09 across National Day; review, the site check that counts toward the
 * limit, decision, the four-year certificate, express delivery and a poor evaluation opening a rectification; the
 * same due date for an acceptance on Thu 09-24 17:30 (policy C1); a venue outside hygiene supervision not accepted;
 * an overdue case red from 00:00 after its promised date with exactly one supervision record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chineseDate, SPGL } from '../../engine/approval/index.js';
import { bj, pdf, shared, wd, world, type World } from './harness.js';

const S1_SUBMITTED = '2026-09-25'; // Friday, 中秋节 holiday
const S1_DUE = '2026-10-09'; // Friday (scenario S1)
const applicant = { id: 'u-salon', name: '丽人美发工作室', kind: 'INDIVIDUAL_BUSINESS' };
const inspector = { id: 'insp-wu', name: '吴强', department: '区卫生健康委员会', roles: ['health-inspector'] };
const facts = (over: Record<string, unknown> = {}) => ({
  applicant: { kind: 'INDIVIDUAL_BUSINESS', hasBusinessLicence: true }, venueType: 'BEAUTY_HAIR', hasCentralAC: false, choosesPromise: false, byAgent: false, ...over,
});
const materials = () => [pdf('M1'), shared('M2', '居民身份证', '3301**********3456', '公安机关'), pdf('M3'), pdf('M5')];

let w: World;
afterEach(() => w.dispose());

const chief = { id: 'chief-qian', name: '钱红', department: '区卫生健康委员会', roles: ['section-chief'] };
const windowClerk = { id: 'window-sun', name: '孙悦', department: '区卫生健康委员会', roles: ['window-clerk'] };
/** Each step by the staff holding its role: the inspector reviews, the section chief decides, the window issues. */
const STAFF: Record<string, typeof inspector> = { decide: chief, issue: windowClerk };
const complete = (caseNo: string, elementId: string, outcome?: string, opinion?: string) => w.complete(caseNo, elementId, STAFF[elementId] ?? inspector, outcome, opinion);

async function applyHygiene(over: Record<string, unknown> = {}, extra: ReturnType<typeof pdf>[] = []) {
  const result = await w.service.apply({ itemCode: 'ITEM-06', channel: 'online', applicant, facts: facts(over), materials: [...materials(), ...extra], actor: { id: applicant.id, name: applicant.name } });
  if (!result.ok) throw new Error(result.refusal.message);
  return result;
}

describe('ITEM-06 public venue hygiene licence (scenario S1)', () => {
  it('accepts a holiday submission at once, due 2026-10-09, and goes through the site check to the certificate, delivery and evaluation', async () => {
    // ITEM-06 accepts on submission (acceptOnSubmission): pre-review finds nothing, so the system accepts at the submission's own moment.
    w = await world(['ITEM-06'], bj(S1_SUBMITTED, '17:30'));
    const accepted = await applyHygiene();
    expect(accepted).toMatchObject({ ok: true, status: SPGL.handling, fees: 0 });
    expect(accepted.requiredMaterials.map((m) => m.material)).toEqual(['M1', 'M2', 'M3', 'M5']);
    const no = accepted.caseNo;
    expect(no).toMatch(/^SP20260925-[0-9A-Z]{10}$/);
    expect(accepted.events.map((e) => e.type)).toEqual(expect.arrayContaining(['case.applied', 'case.accepted', 'handling.started']));
    expect(accepted.events.find((e) => e.type === 'case.accepted')).toMatchObject({
      at: new Date(bj(S1_SUBMITTED, '17:30')).toISOString(), actor: { id: 'system' }, why: 'accepted on submission as the item is configured',
    });
    expect((await w.service.timeline(no)).filter((t) => t.status !== undefined).map((t) => t.status).slice(0, 2)).toEqual([1, 3]);

    // Counted: 09-28, 09-29, 09-30, 10-08, 10-09; the holidays 09-25..27 and 10-01..07 are skipped.
    const promised = wd(S1_SUBMITTED, 5);
    expect(promised).toBe(S1_DUE);
    expect(accepted.document).toContain(`受理编号：${no}`);
    expect(accepted.document).toContain(`<strong data-field="acceptedOn">${chineseDate(S1_SUBMITTED)}</strong>`);
    expect(accepted.document).toContain(`<strong data-field="promisedDate">${chineseDate(S1_DUE)}</strong>`);
    // Statutory 20 WD: 09-28, 29, 30, 10-08, 09, Sat 10-10 (调休), 12..16, 19..23, 26..29.
    expect(accepted.document).toContain('<span data-field="statutoryDate">2026年10月29日</span>');
    expect(await w.service.document(no, 'acceptance-notice')).toBe(accepted.document);
    let view = await w.service.getCase(no);
    expect(view!.lifecycle.acceptance).toMatchObject({ acceptedOn: S1_SUBMITTED, deemed: false, by: 'system' });
    expect(view!.lifecycle.deadlines!.promised.date).toBe(S1_DUE);
    expect(view!.summary.promisedDeadline).toBe(new Date(Date.parse(bj(S1_DUE, '00:00')) + 86_400_000).toISOString());

    w.at('2026-09-28', '09:00');
    await complete(no, 'review');
    expect((await w.service.getCase(no))!.openTasks.map((t) => t.elementId)).toEqual(['siteCheck']);
    // 现场审核 counts toward both limits (not in 第45条): status 9 then 10, the promised date stays.
    expect(await w.service.startSpecialProcedure(no, { id: 'site-1', procedure: 'SITE_CHECK', reason: '现场审核卫生设施布局', basis: '《公共场所卫生管理条例实施细则》第二十二条', expectedDuration: { value: 1, unit: 'WD' }, actor: inspector }))
      .toMatchObject({ ok: true, status: SPGL.specialProcedureStarted });
    w.at('2026-09-29');
    expect(await w.service.endSpecialProcedure(no, { id: 'site-1', result: '布局符合卫生规范', actor: inspector })).toMatchObject({ ok: true, status: SPGL.specialProcedureEnded });
    expect((await w.service.getCase(no))!.lifecycle.deadlines!.promised.date).toBe(S1_DUE);
    await complete(no, 'siteCheck');
    const decidedOn = '2026-09-30';
    w.at(decidedOn, '11:00');
    // The window clerk and the inspector do not take the section chief's decision (approval:role).
    for (const who of [windowClerk, inspector]) {
      expect(await w.service.completeTask(no, { taskId: await w.taskOf(no, 'decide'), outcome: 'approve', actor: who }))
        .toMatchObject({ ok: false, refusal: { code: 'STEP_ROLE_MISSING', details: { elementId: 'decide', department: '区卫生健康委员会', needs: ['section-chief'] } } });
    }
    // Nor does a section chief of another department, though the group is called the same.
    expect(await w.service.completeTask(no, { taskId: await w.taskOf(no, 'decide'), outcome: 'approve', actor: { ...chief, id: 'chief-market', department: '区市场监督管理局' } }))
      .toMatchObject({ ok: false, refusal: { code: 'STEP_DEPARTMENT_MISMATCH' } });
    await complete(no, 'decide', 'approve');
    expect(await w.service.issueCertificate(no, { actor: inspector })).toMatchObject({ ok: true });
    expect(await complete(no, 'issue')).toMatchObject({ status: SPGL.completedApproved });
    view = await w.service.getCase(no);
    expect(view!.lifecycle.decision).toMatchObject({ outcome: 'approved', decidedOn, promised: { onTime: true }, statutory: { onTime: true } });
    // Valid four years from the decision (validityYears 4).
    expect(view!.lifecycle.certificate).toMatchObject({ name: '公共场所卫生许可证', issuer: '区卫生健康委员会', holder: applicant.name, validFrom: decidedOn, validUntil: '2030-09-29' });
    expect(view!.lifecycle.deadlines!.delivery!.date).toBe('2026-10-20'); // 10 WD after Wed 09-30: 10-08, 09, 10 (Sat), 12..16, 19, 20

    // Sent after National Day, the first working day 10-08.
    const sentOn = '2026-10-08';
    w.at(sentOn);
    expect(await w.service.recordDelivery(no, { method: 'express', trackingNumber: 'EMS1122334455CN', carrier: 'EMS', actor: inspector })).toMatchObject({ ok: true });
    expect(await w.service.evaluate(no, { grade: 4, comment: '节前提交，节后才收到', actor: { id: applicant.id } })).toMatchObject({ ok: true });
    view = await w.service.getCase(no);
    expect(view!.lifecycle.delivery).toMatchObject({ method: 'express', trackingNumber: 'EMS1122334455CN', onTime: true });
    // 10-10 is a 调休 working Saturday: 5 WD after Thu 10-08 are 09, 10, 12, 13, 14.
    expect(view!.lifecycle.rectification!.due.date).toBe('2026-10-14');

    const timeline = await w.service.timeline(no);
    expect(timeline.filter((t) => t.status !== undefined).map((t) => t.status)).toEqual([1, 3, 8, 9, 10, 11]);
    const { state, replayed } = await w.stored(no);
    expect(replayed).toEqual(state);
  });

  it('gives the same due date 2026-10-09 to an acceptance on Thu 2026-09-24 at 17:30 (policy C1)', async () => {
    w = await world(['ITEM-06'], bj('2026-09-24', '17:30'));
    const accepted = await applyHygiene();
    const { caseNo } = accepted;
    expect(accepted.document).toContain(`<strong data-field="promisedDate">${chineseDate(S1_DUE)}</strong>`);
    expect(wd('2026-09-24', 5)).toBe(S1_DUE);
    expect((await w.service.getCase(caseNo))!.lifecycle.deadlines!.promised.date).toBe(S1_DUE);
  });

  it('does not accept on submission a case with something to correct: it waits for the correction', async () => {
    w = await world(['ITEM-06'], bj('2026-05-11', '09:00'));
    const applied = await w.service.apply({
      itemCode: 'ITEM-06', channel: 'online', applicant, facts: facts(), materials: [pdf('M1'), shared('M2', '居民身份证', '3301**********3456', '公安机关'), pdf('M5')],
      actor: { id: applicant.id, name: applicant.name },
    });
    expect(applied).toMatchObject({ ok: true, status: SPGL.received });
    if (!applied.ok) return;
    expect(applied.document).toBeUndefined();
    expect(applied.events.map((e) => e.type)).not.toContain('case.accepted');
    expect((await w.service.preReview(applied.caseNo))!.corrections.map((c) => c.code)).toEqual(['M3']);
    expect((await w.service.getCase(applied.caseNo))!.lifecycle.acceptance).toBeUndefined();
    expect(await w.service.document(applied.caseNo, 'acceptance-notice')).toBeUndefined();
  });

  it('does not accept a venue outside hygiene supervision, with the reason and legal basis in the decision', async () => {
    w = await world(['ITEM-06'], bj('2026-05-11', '09:00'));
    const { caseNo } = await applyHygiene({ venueType: 'OTHER' });
    expect((await w.service.preReview(caseNo))!.rejectionReasons.map((r) => r.code)).toEqual(['AC2']);
    const rejected = await w.service.reject(caseNo, { actor: inspector });
    expect(rejected).toMatchObject({ ok: true, status: SPGL.notAccepted });
    if (!rejected.ok) return;
    expect(rejected.document).toContain('不予受理决定书');
    expect(rejected.document).toContain('场所不属于公共场所卫生监督范围，无需办理卫生许可');
    expect(rejected.document).toContain('《公共场所卫生管理条例》第二条');
    expect(rejected.document).toContain(`不予受理（${caseNo}）`);
    expect(await w.service.document(caseNo, 'non-acceptance')).toBe(rejected.document);
    expect((await w.service.getCase(caseNo))!.summary).toMatchObject({ status: String(SPGL.notAccepted), stage: 'not-accepted' });
  });

  it('turns red from 00:00 after the promised date and records exactly one supervision record however often it is evaluated', async () => {
    const D = '2026-05-11'; // Monday
    w = await world(['ITEM-06'], bj(D, '09:00'));
    const { caseNo, status } = await applyHygiene({ choosesPromise: true }, [pdf('M8', '告知承诺书')]);
    expect(status).toBe(SPGL.handling);
    const promised = '2026-05-18'; // 5 WD after Mon 05-11: 12, 13, 14, 15, 18
    expect((await w.service.getCase(caseNo))!.lifecycle.deadlines!.promised.date).toBe(promised);
    await complete(caseNo, 'review');
    // The decide task (1 WD) is left open past its own due: supervised on its own, beside the case.
    const decide = (await w.service.getCase(caseNo))!.openTasks.find((t) => t.elementId === 'decide')!.taskId;
    const caseOverdue = (records: readonly { rule: string }[]) => records.filter((r) => r.rule === 'case-overdue');
    // On its last day the case is not red yet.
    w.at(promised, '23:50');
    await w.service.evaluateSupervision(caseNo);
    let s = (await w.service.getCase(caseNo))!.lifecycle;
    expect(s.light).not.toBe('red');
    expect(caseOverdue(s.supervision)).toEqual([]);
    w.at('2026-05-19', '00:10');
    await w.service.evaluateSupervision(caseNo);
    await w.service.evaluateSupervision(caseNo);
    w.at('2026-05-19', '09:00');
    await w.service.evaluateSupervision(caseNo);
    s = (await w.service.getCase(caseNo))!.lifecycle;
    expect(s.light).toBe('red');
    expect(caseOverdue(s.supervision)).toHaveLength(1);
    expect(caseOverdue(s.supervision)).toMatchObject([{ rule: 'case-overdue', caseNo: caseNo, issuedOn: '2026-05-19' }]);
    expect(s.supervision.filter((r) => r.rule === 'step-overdue').map((r) => r.stepId)).toEqual([`task:${decide}`]);
    expect(s.supervision).toHaveLength(2);
    // Decided late: recorded as overdue against the promised limit, still within the statutory one.
    await complete(caseNo, 'decide', 'approve');
    s = (await w.service.getCase(caseNo))!.lifecycle;
    expect(s.decision).toMatchObject({ promised: { onTime: false }, statutory: { onTime: true } });
  });
});
