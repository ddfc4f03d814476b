/** Handling: special procedures, extension, decision, certificate, delivery, evaluation (ITEM-02 process). */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../engine/core/index.js';
import { approvalReplay, certificateText, SPGL, upcastLogEvent, type ItemSnapshot } from '../../engine/approval/index.js';
import { applicant, applyCommand, at, Case, clerk, foodItem, foodProcess, head, types } from './support.js';

const D0 = '2026-03-02'; // Monday
// Working days after Mon 03-02 (no holiday in March 2026): 03, 04, 05, 06, 09, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23.

async function accepted(item: ItemSnapshot = foodItem, day = D0): Promise<Case> {
  const c = new Case(await foodProcess());
  c.when(applyCommand('SP-TEST-2', [], item), at(day, '09:00'));
  c.when({ type: 'case.accept', actor: clerk }, at(day, '11:00'));
  return c;
}

const siteCheck = { type: 'special-procedure.start' as const, id: 'sp-1', procedure: 'SITE_CHECK' as const, reason: '核查经营场所', basis: '《食品经营许可和备案管理办法》', expectedDuration: { value: 2, unit: 'WD' as const }, actor: clerk };

describe('a food business licence from acceptance to evaluation', () => {
  it('runs the site check without moving the deadline, decides, issues, delivers and rectifies', async () => {
    const c = await accepted();
    const promised = '2026-03-09'; // 5 WD after Mon 03-02: 03, 04, 05, 06, 09
    expect(c.state.approval!.deadlines!.promised.date).toBe(promised);
    c.complete('review', at('2026-03-03'));

    // The site check counts toward both limits (not in 行政许可法第45条): status 9 and 10, no new deadline.
    c.when(siteCheck, at('2026-03-04'));
    expect(c.state.approval!.status).toBe(SPGL.specialProcedureStarted);
    expect(c.refused({ type: 'task.complete', taskId: c.task('siteCheck'), actor: clerk }, at('2026-03-04', '15:00')).code).toBe('CASE_SUSPENDED');
    c.when({ type: 'special-procedure.end', id: 'sp-1', result: '现场符合要求', actor: clerk }, at('2026-03-05'));
    expect(c.state.approval!.status).toBe(SPGL.specialProcedureEnded);
    expect(c.state.approval!.deadlines!.promised.date).toBe(promised);
    expect(c.state.approval!.ledger[0]).toMatchObject({ type: 'SITE_CHECK', pauses: { statutory: false, promised: false } });

    c.complete('siteCheck', at('2026-03-05', '15:00'));
    c.complete('audit', at('2026-03-06'));
    expect(c.refused({ type: 'task.complete', taskId: c.task('decide'), outcome: 'refuse', actor: clerk }, at('2026-03-06')).code).toBe('REFUSAL_WITHOUT_REASONS');
    expect(c.refused({ type: 'task.complete', taskId: c.task('decide'), outcome: 'maybe', actor: clerk }, at('2026-03-06')).code).toBe('INVALID_OUTCOME');
    const decideDay = '2026-03-06';
    // The approving decision generates the certificate, sealed by the issuer's key through the runtime's port.
    const signed: string[] = [];
    c.sealer = { seal: (signer, text) => (signed.push(text), { algorithm: 'SM2-SM3', signer, keyId: 'k1', signature: 'c2ln' }) };
    const decided = c.complete('decide', at(decideDay, '15:00'), 'approve', '符合条件，准予许可');
    const s = c.state.approval!;
    expect(s.decision).toMatchObject({ outcome: 'approved', decidedOn: decideDay, promised: { onTime: true, lateDays: 0 } });
    expect(s.deadlines!.delivery!.date).toBe('2026-03-13'); // 5 WD after Fri 03-06: 09, 10, 11, 12, 13
    expect(types(decided.events)).toContain('certificate.issued');
    expect(decided.effects).toMatchObject([{ type: 'action.run', action: 'push-certificate', input: { number: `ITEM-02-${decideDay.slice(0, 4)}-${s.caseNo.slice(-8)}` } }]);
    expect(c.state.approval!.certificate).toMatchObject({
      holder: applicant.name, issuer: foodItem.department, validFrom: decideDay, validUntil: '2031-03-05',
      seal: { kind: 'e-seal', algorithm: 'SM2-SM3', signer: foodItem.department, keyId: 'k1', signature: 'c2ln', signedAt: at(decideDay, '15:00') },
    });
    expect(signed).toEqual([certificateText(c.state.approval!.certificate!, { caseNo: s.caseNo, itemCode: 'ITEM-02' })]);
    expect(c.refused({ type: 'certificate.issue', number: 'JY13301020000001', holder: applicant.name, issuer: foodItem.department, actor: clerk }, at(decideDay, '16:00')).code).toBe('CERTIFICATE_NOT_ALLOWED');
    const done = c.complete('issue', at(decideDay, '16:30'));
    expect(types(done.events)).toEqual(expect.arrayContaining(['case.concluded', 'evaluation.requested']));
    expect(done.effects).toMatchObject([{ type: 'action.run', action: 'request-evaluation', input: { caseNo: s.caseNo, grades: [1, 2, 3, 4, 5] } }]);
    expect(c.state.approval!.evaluationRequest!.grades.map((g) => g.name)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(c.state.approval).toMatchObject({ status: SPGL.completedApproved, phase: 'concluded' });

    expect(c.refused({ type: 'delivery.record', method: 'express', actor: clerk }, at('2026-03-09')).code).toBe('DELIVERY_INVALID');
    c.when({ type: 'delivery.record', method: 'express', trackingNumber: 'EMS1234567890', carrier: 'EMS', actor: clerk }, at('2026-03-09'));
    expect(c.state.approval!.delivery).toMatchObject({ method: 'express', onTime: true });

    expect(c.refused({ type: 'case.evaluate', grade: 5, actor: clerk }, at('2026-03-10')).code).toBe('NOT_THE_APPLICANT');
    c.when({ type: 'case.evaluate', grade: 5, comment: '现场核查人员迟到', actor: { id: applicant.id } }, at('2026-03-10'));
    expect(c.state.approval!.rectification!.due.date).toBe('2026-03-17'); // a 差评 on Tue 03-10: 03-11, 12, 13, 16, 17
    expect(c.refused({ type: 'case.evaluate', grade: 1, actor: { id: applicant.id } }, at('2026-03-10')).code).toBe('EVALUATION_INVALID');
    c.when({ type: 'rectification.complete', note: '已约谈核查人员并改进预约制度', actor: clerk }, at('2026-03-11'));
    expect(c.state.approval!.rectification!.completedAt).toBe(at('2026-03-11'));
    expect(c.replayed()).toEqual(c.state);
  });

  it('ends a refused case with status 13 and no certificate', async () => {
    const c = await accepted();
    c.complete('review', at('2026-03-03'));
    c.complete('siteCheck', at('2026-03-03', '15:00'));
    c.complete('audit', at('2026-03-04'));
    c.complete('decide', at('2026-03-04', '15:00'), 'refuse', '布局不能防止交叉污染（食品安全法第三十三条）');
    expect(c.state.approval).toMatchObject({ status: SPGL.completedRefused, phase: 'concluded', decision: { outcome: 'refused' } });
    expect(c.refused({ type: 'certificate.issue', number: 'x', holder: 'y', issuer: 'z', actor: clerk }, at('2026-03-05')).code).toBe('CERTIFICATE_NOT_ALLOWED');
  });
});

describe('special procedures that stop the clock (行政许可法第45条)', () => {
  const reviewItem: ItemSnapshot = { ...foodItem, statutoryLimit: { value: 60, unit: 'WD' }, promisedLimit: { value: 20, unit: 'WD' }, specialProcedures: ['EXPERT', 'SITE_CHECK'] };

  it('moves both deadlines by the suspended working days and pauses the light (scenario S5)', async () => {
    const c = await accepted(reviewItem, '2026-06-01');
    const expert = { ...siteCheck, id: 'sp-expert', procedure: 'EXPERT' as const, reason: '技术评估', basis: '行政许可法第四十五条', expectedDuration: { value: 15, unit: 'WD' as const } };
    c.when(expert, at('2026-06-05'));
    c.when({ type: 'supervision.evaluate', actor: { id: 'system' } }, at('2026-06-10'));
    expect(c.state.approval!.light).toBe('paused');
    c.when({ type: 'special-procedure.end', id: 'sp-expert', actor: clerk }, at('2026-06-26'));
    const suspended = 14; // WD in (06-05, 06-26]: 08-12, 15-18 (06-19 端午), 22-26
    const d = c.state.approval!.deadlines!;
    expect(d.promised.date).toBe('2026-07-20'); // 20 WD after 06-01 is 06-30, then 14 more: 07-01 .. 07-20 (scenario S5)
    expect(d.statutory.date).toBe('2026-09-14'); // 60 WD after 06-01 is 08-25, then 14 more: 08-26 .. 09-14 (scenario S5)
    expect(d.promised.basis.suspendedDays).toBe(suspended);
  });

  it('refuses a procedure the item does not run, one without notice details, and two at once', async () => {
    const c = await accepted(reviewItem, '2026-06-01');
    expect(c.refused({ ...siteCheck, procedure: 'HEARING' }, at('2026-06-02')).code).toBe('SPECIAL_PROCEDURE_NOT_ALLOWED');
    const { expectedDuration: _omit, ...noDuration } = { ...siteCheck, procedure: 'EXPERT' as const };
    expect(c.refused(noDuration, at('2026-06-02')).code).toBe('SPECIAL_PROCEDURE_NOTICE_INCOMPLETE');
    c.when(siteCheck, at('2026-06-02'));
    expect(c.refused({ ...siteCheck, id: 'sp-2' }, at('2026-06-03')).code).toBe('SPECIAL_PROCEDURE_OPEN');
  });
});

describe('extension (行政许可法第42条)', () => {
  it('extends the statutory limit once, by the agency head, within the cap and before the limit ran out', async () => {
    const c = await accepted();
    const ext = (value: number, actor = head) => ({ type: 'extension.approve' as const, requested: { value, unit: 'WD' as const }, reason: '需要补充核查', actor });
    expect(c.refused(ext(5, clerk), at('2026-03-04')).code).toBe('EXTENSION_APPROVER_ROLE');
    expect(c.refused(ext(6), at('2026-03-04')).code).toBe('EXTENSION_OVER_CAP');
    c.when(ext(5), at('2026-03-04'));
    expect(c.state.approval!.deadlines!.statutory.date).toBe('2026-03-23'); // 10 + 5 WD after 03-02: ..., 16, 17, 18, 19, 20, 23
    // The promise moves by the same days unless the item says otherwise (extensionMovesPromised).
    expect(c.state.approval!.deadlines!.promised.date).toBe('2026-03-16'); // 5 + 5 WD after 03-02: ..., 09, 10, 11, 12, 13, 16
    expect(c.refused(ext(1), at('2026-03-05')).code).toBe('EXTENSION_ALREADY_GRANTED');

    const late = await accepted();
    expect(late.refused(ext(5), at('2026-03-17')).code).toBe('EXTENSION_LIMIT_EXPIRED');
  });
});

describe('fees before the step that needs them', () => {
  it('refuses the decision until the fees are paid, and refuses a payment over what is due', async () => {
    const charged: ItemSnapshot = { ...foodItem, payBefore: 'decide' };
    const c = new Case(await foodProcess());
    c.when({ ...applyCommand('SP-FEE', [], charged), fees: { total: 80, items: [{ item: '登记费', amount: 80, basis: '发改价格规〔2016〕2559号' }] } } as never, at(D0));
    c.when({ type: 'case.accept', actor: clerk }, at(D0, '11:00'));
    c.complete('review', at(D0, '12:00'));
    c.complete('siteCheck', at(D0, '13:00'));
    c.complete('audit', at(D0, '14:00'));
    const refusal = c.refused({ type: 'task.complete', taskId: c.task('decide'), outcome: 'approve', actor: clerk }, at(D0, '15:00'));
    expect(refusal).toMatchObject({ code: 'PAYMENT_MISSING', message: "Expected the fees of 80 yuan paid before step 'decide', but 0 was paid" });
    expect(c.refused({ type: 'payment.confirm', amount: 100, reference: 'FS-1', actor: { id: applicant.id } }, at(D0, '15:00')).code).toBe('PAYMENT_INVALID');
    c.when({ type: 'payment.confirm', amount: 80, reference: 'FS-1', actor: { id: applicant.id } }, at(D0, '15:10'));
    c.complete('decide', at(D0, '15:20'), 'approve');
    expect(c.state.approval!.decision!.outcome).toBe('approved');
  });
});

describe('the certificate generated by itself', () => {
  it('waits for unpaid fees at the decision and is generated when they are paid', async () => {
    const charged: ItemSnapshot = { ...foodItem, payBefore: 'issue' };
    const c = new Case(await foodProcess());
    c.when({ ...applyCommand('SP-CERT', [], charged), fees: { total: 80, items: [{ item: '登记费', amount: 80, basis: '发改价格规〔2016〕2559号' }] } } as never, at(D0));
    c.when({ type: 'case.accept', actor: clerk }, at(D0, '11:00'));
    for (const step of ['review', 'siteCheck', 'audit']) c.complete(step, at(D0, '12:00'));
    const decided = c.complete('decide', at(D0, '15:00'), 'approve');
    expect(types(decided.events)).not.toContain('certificate.issued');
    expect(c.refused({ type: 'certificate.issue', number: 'N-1', holder: applicant.name, issuer: foodItem.department, actor: clerk }, at(D0, '15:05')).code).toBe('PAYMENT_MISSING');
    const paid = c.when({ type: 'payment.confirm', amount: 80, reference: 'FS-1', actor: { id: applicant.id } }, at(D0, '15:10'));
    expect(types(paid.events)).toEqual(['payment.confirmed', 'certificate.issued']);
    expect(c.state.approval!.certificate).toMatchObject({ issuedAt: at(D0, '15:10'), seal: { kind: 'unsealed' } });
  });

  it('is generated when the step the item names starts, not at the decision', async () => {
    const atIssue: ItemSnapshot = { ...foodItem, result: { ...foodItem.result, issueAt: 'audit' } };
    const c = new Case(await foodProcess());
    c.when(applyCommand('SP-STEP', [], atIssue), at(D0));
    c.when({ type: 'case.accept', actor: clerk }, at(D0, '11:00'));
    c.complete('review', at(D0, '12:00'));
    expect(c.state.approval!.certificate).toBeUndefined();
    // A named step that opens before the decision generates nothing: there is no approving decision to certify.
    c.complete('siteCheck', at(D0, '13:00'));
    expect(c.state.approval!.certificate).toBeUndefined();
    c.complete('audit', at(D0, '14:00'));
    const decided = c.complete('decide', at(D0, '15:00'), 'approve');
    expect(types(decided.events)).not.toContain('certificate.issued');
    const manual = { ...foodItem, result: { ...foodItem.result, issueAt: 'issue' } };
    const m = new Case(await foodProcess());
    m.when(applyCommand('SP-ISSUE', [], manual), at(D0));
    m.when({ type: 'case.accept', actor: clerk }, at(D0, '11:00'));
    for (const step of ['review', 'siteCheck', 'audit']) m.complete(step, at(D0, '12:00'));
    const byStep = m.complete('decide', at(D0, '15:00'), 'approve');
    expect(types(byStep.events).indexOf('certificate.issued')).toBeGreaterThan(types(byStep.events).indexOf('case.decided'));
    expect(m.state.approval!.certificate).toMatchObject({ issuedAt: at(D0, '15:00') });
  });
});

describe('lights and supervision', () => {
  it('turns yellow at 80% and red after the promised deadline, recording one supervision record (scenario S8)', async () => {
    const tenDays: ItemSnapshot = { ...foodItem, promisedLimit: { value: 10, unit: 'WD' } };
    const c = await accepted(tenDays, D0);
    const sweep = (day: string) => c.when({ type: 'supervision.evaluate', actor: { id: 'system' } }, at(day, '00:10'));
    const due = '2026-03-16'; // 10 WD after Mon 03-02 (scenario S8)
    sweep('2026-03-11');
    expect(c.state.approval!.light).toBe('green');
    const warned = sweep('2026-03-13');
    expect(c.state.approval!.light).toBe('yellow');
    expect(warned.events.find((e) => e.type === 'light.changed')).toMatchObject({ v: 2, from: 'green', to: 'yellow' });
    const red = sweep('2026-03-17');
    expect(c.state.approval!.light).toBe('red');
    expect(types(red.events)).toEqual(['light.changed', 'supervision.recorded']);
    const caseRecords = c.state.approval!.supervision.filter((r) => r.rule === 'case-overdue');
    expect(caseRecords).toHaveLength(1);
    expect(caseRecords[0]).toMatchObject({ rule: 'case-overdue', department: foodItem.department, warningType: 'overdue' });
    // The review task (1 WD, left open throughout) is supervised on its own limit, once, beside the case.
    expect(c.state.approval!.supervision.filter((r) => r.rule === 'step-overdue').map((r) => r.stepId)).toEqual([`task:${c.task('review')}`]);
    expect(sweep('2026-03-18').events).toEqual([]);
    expect(c.state.approval!.supervision).toHaveLength(2);
  });
});

describe('the early-warning light under its former name', () => {
  it('reads a light.changed event of v1 (blue) as the yellow light, in the log and in the state replayed from it', async () => {
    const c = await accepted(foodItem, D0);
    const log = [...c.log];
    const v1 = { type: 'light.changed', v: 1, seq: log.length + 1, at: at('2026-03-06', '00:10'), from: 'green', to: 'blue', on: at('2026-03-06', '00:10'), elapsed: 4, limit: 5 } as unknown as CaseEvent;
    expect(upcastLogEvent(v1)).toMatchObject({ v: 2, from: 'green', to: 'yellow' });
    expect(approvalReplay([...log, v1]).approval!.light).toBe('yellow');
  });
});

describe('supervision records under their former names', () => {
  it('reads a supervision.recorded event of v1 (caseId, responseDueInstant) under the names of v2', () => {
    const v1 = {
      type: 'supervision.recorded', v: 1, seq: 40, at: '2026-03-17T00:10:00+08:00',
      record: { caseId: 'C1', rule: 'case-overdue', key: 'C1|case-overdue|-', responseDue: '2026-03-24', responseDueInstant: '2026-03-24T24:00:00+08:00' },
    } as unknown as CaseEvent;
    const raised = upcastLogEvent(v1) as unknown as { v: number; record: Record<string, unknown> };
    expect(raised.v).toBe(2);
    expect(raised.record).toEqual({ caseNo: 'C1', rule: 'case-overdue', key: 'C1|case-overdue|-', responseDue: '2026-03-24', responseDueAt: '2026-03-24T24:00:00+08:00' });
  });
});

/** A food-licence case accepted on D0, refused at the decision four working days later and concluded. */
async function refusedAtDecision() {
  const c = await accepted(foodItem, D0);
  c.complete('review', at('2026-03-03'));
  c.complete('siteCheck', at('2026-03-04'));
  c.complete('audit', at('2026-03-05'));
  c.complete('decide', at('2026-03-06'), 'refuse', '经营场所不符合要求，不予许可');
  return c;
}

describe('revoking a licence (行政许可法 第69条)', () => {
  it('has nothing to revoke on a refused application', async () => {
    const c = await refusedAtDecision();
    expect(c.state.approval!.phase).toBe('concluded');
    const revoke = { type: 'case.revoke' as const, reason: '以欺骗手段取得许可', basis: '行政许可法第69条', actor: clerk };
    expect(c.refused(revoke, at('2026-03-09')).code).toBe('NOTHING_TO_REVOKE');
    expect(c.state.approval!.phase).toBe('concluded');
  });
});

describe('evaluating only a case its conclusion invited (好差评, 一事一评)', () => {
  const grade = { type: 'case.evaluate' as const, grade: 4, actor: { id: applicant.id } };

  it('refuses an evaluation of a case still open or rejected at acceptance (不予受理)', async () => {
    const open = new Case(await foodProcess());
    open.when(applyCommand('SP-TEST-2', [], foodItem), at(D0, '09:00'));
    expect(open.refused(grade, at(D0, '10:00')).code).toBe('WRONG_PHASE');
    const rejected = new Case(await foodProcess());
    rejected.when(applyCommand('SP-TEST-2', [], foodItem), at(D0, '09:00'));
    rejected.when({ type: 'case.reject', reasons: [{ code: 'AC0', reason: '不属于本机关职权范围', basis: '行政许可法第三十二条' }], actor: clerk }, at(D0, '15:00'));
    expect(rejected.state.approval!.phase).toBe('rejected');
    expect(rejected.refused(grade, at('2026-03-03')).code).toBe('EVALUATION_NOT_INVITED');
    expect(rejected.state.approval!.evaluation).toBeUndefined();
  });

  it('takes the evaluation of a case concluded after acceptance, even a refused one', async () => {
    const c = await refusedAtDecision();
    c.when(grade, at('2026-03-09'));
    expect(c.state.approval!.evaluation).toMatchObject({ grade: 4, by: applicant.id });
  });
});
