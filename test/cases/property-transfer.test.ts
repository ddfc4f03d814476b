/**
 * ITEM-05 存量房转移登记 end to end: a window application missing the title certificate, one correction notice,
 * acceptance, review, the site check that counts toward the limit, decision, fees computed by the table and
 * refused at recording until paid online, the electronic certificate, express delivery and a poor evaluation
 * opening a rectification; an unfiled contract not accepted; a withdrawal before acceptance.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chineseDate, SPGL } from '../../engine/approval/index.js';
import { bj, pdf, shared, world, type World } from './harness.js';

const D0 = '2026-04-07'; // Tuesday, after 清明 (04-04..06)
const buyer = { id: 'u-buyer', name: '张伟', kind: 'NATURAL_PERSON' };
const clerk = { id: 'clerk-sun', name: '孙丽', department: '市不动产登记中心', roles: ['clerk', 'registration-reviewer', 'registrar', 'recorder'] };
const facts = (over: Record<string, unknown> = {}) => ({
  seller: { kind: 'PERSON', married: false }, buyer: { kind: 'PERSON', isSmallMicroEnterprise: false }, propertyUse: 'RESIDENTIAL',
  certificatesRequested: 2, byAgent: false, contract: { filed: true }, ...over,
});
const identity = shared('M2', '居民身份证', '3301**********2345', '公安机关');
const contract = shared('M4', '网签备案合同', 'HT-2026-0001', '住房和城乡建设局');
const tax = shared('M6', '完税凭证', 'WS-2026-0001', '税务局');

let w: World;
beforeEach(async () => { w = await world(['ITEM-05'], bj(D0, '09:00')); });
afterEach(() => w.dispose());

const complete = (caseNo: string, elementId: string, outcome?: string, opinion?: string) => w.complete(caseNo, elementId, clerk, outcome, opinion);

async function applyTransfer(over: Record<string, unknown> = {}, materials = [pdf('M1'), identity, pdf('M3'), contract, tax]) {
  const result = await w.service.apply({ itemCode: 'ITEM-05', channel: 'window', applicant: buyer, facts: facts(over), materials, actor: clerk });
  if (!result.ok) throw new Error(result.refusal.message);
  return result;
}

describe('ITEM-05 transfer registration of a resale home', () => {
  it('goes from a corrected window application through the site check and payment to the certificate, delivery and evaluation', async () => {
    const applied = await applyTransfer({}, [pdf('M1'), identity, contract, tax]);
    // 80 yuan registration fee (住宅类) + 10 yuan for the second certificate (发改价格规〔2016〕2559号).
    expect(applied).toMatchObject({ status: SPGL.received, fees: 80 + 10 });
    expect(applied.requiredMaterials.map((m) => m.material)).toEqual(['M1', 'M2', 'M3', 'M4', 'M6']);
    const no = applied.caseNo;
    expect(no).toMatch(/^SP20260407-[0-9A-Z]{10}$/);
    expect((await w.service.getCase(no))!.lifecycle.fees.items.map((f) => [f.item, f.amount])).toEqual([['不动产登记费（住宅类）', 80], ['证书工本费', 10]]);

    const review = await w.service.preReview(no);
    expect(review!.corrections.map((c) => c.code)).toEqual(['M3']);
    const notified = await w.service.notifyCorrection(no, { actor: clerk });
    expect(notified).toMatchObject({ ok: true, status: SPGL.correctionStarted });
    if (!notified.ok) return;
    expect(notified.document).toContain('一次性补正告知书');
    expect(notified.document).toContain('请补正：不动产权属证书原件');
    expect(notified.document).toContain('《不动产登记暂行条例》第十六条');
    expect(notified.document).toContain(chineseDate(D0));

    const acceptedOn = '2026-04-09'; // Thu, 2 WD after 04-07
    w.at(acceptedOn, '09:30');
    expect(await w.service.supplyCorrection(no, { actor: { id: buyer.id }, materials: [pdf('M3')] })).toMatchObject({ ok: true, status: SPGL.correctionEnded });
    w.at(acceptedOn, '10:00');
    const accepted = await w.service.accept(no, { actor: clerk });
    expect(accepted).toMatchObject({ ok: true, status: SPGL.handling });
    if (!accepted.ok) return;
    const promised = '2026-04-16'; // 5 WD after Thu 04-09: 10, 13, 14, 15, 16
    expect(accepted.document).toContain(`受理编号：${no}`);
    expect(accepted.document).toContain('<strong data-field="promisedDate">2026年4月16日</strong>');
    // 30 WD after 04-09: 15 in April (10 .. 30), then 05-06, 07, 08, Sat 05-09 (调休), 11..15, 18..22, 25 (劳动节 05-01..05).
    expect(accepted.document).toContain('<span data-field="statutoryDate">2026年5月25日</span>');
    let s = (await w.service.getCase(no))!.lifecycle;
    expect(s.deadlines!.promised.date).toBe(promised);
    expect(s.deadlines!.statutory.date).toBe('2026-05-25');

    // The site check (实地查看) counts toward both limits: status 9 then 10, the dates do not move.
    w.at('2026-04-10');
    expect(await w.service.startSpecialProcedure(no, { id: 'site-1', procedure: 'SITE_CHECK', reason: '核实房屋现状', basis: '《不动产登记暂行条例》第十九条', expectedDuration: { value: 1, unit: 'WD' }, actor: clerk }))
      .toMatchObject({ ok: true, status: SPGL.specialProcedureStarted });
    w.at('2026-04-13');
    expect(await w.service.endSpecialProcedure(no, { id: 'site-1', result: '房屋现状与登记簿一致', actor: clerk })).toMatchObject({ ok: true, status: SPGL.specialProcedureEnded });
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.deadlines!.promised.date).toBe(promised);
    expect(s.deadlines!.statutory.date).toBe('2026-05-25');

    await complete(no, 'review');
    const decidedOn = '2026-04-14'; // Tue, 3 WD after 04-09: 10, 13, 14
    w.at(decidedOn, '11:00');
    await complete(no, 'decide', 'approve');
    // The certificate is refused while the fees are unpaid.
    expect(await w.service.issueCertificate(no, { actor: clerk })).toMatchObject({ ok: false, refusal: { code: 'PAYMENT_MISSING' } });

    // Recording (登簿) needs the fees paid first; a partial payment is not enough.
    expect(await w.service.completeTask(no, { taskId: await w.taskOf(no, 'register'), actor: clerk })).toMatchObject({ ok: false, refusal: { code: 'PAYMENT_MISSING' } });
    expect(await w.service.confirmPayment(no, { amount: 80, reference: 'FS3301-2026-000122', actor: { id: buyer.id } })).toMatchObject({ ok: true });
    expect(await w.service.completeTask(no, { taskId: await w.taskOf(no, 'register'), actor: clerk })).toMatchObject({ ok: false, refusal: { code: 'PAYMENT_MISSING' } });
    expect(await w.service.confirmPayment(no, { amount: 10, reference: 'FS3301-2026-000123', actor: { id: buyer.id } })).toMatchObject({ ok: true });
    expect(await w.service.issueCertificate(no, { actor: clerk })).toMatchObject({ ok: true });
    expect(await complete(no, 'register')).toMatchObject({ status: SPGL.completedApproved });
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.fees.payments.map((p) => p.amount)).toEqual([80, 10]);
    expect(s.decision).toMatchObject({ outcome: 'approved', decidedOn, promised: { onTime: true } });
    expect(s.certificate).toMatchObject({ name: '不动产权证书', issuer: '市不动产登记中心', holder: buyer.name, validFrom: decidedOn });

    const sentOn = '2026-04-15';
    w.at(sentOn);
    expect(await w.service.recordDelivery(no, { method: 'express', trackingNumber: 'SF1234567890123', carrier: '顺丰速运', actor: clerk })).toMatchObject({ ok: true });
    expect(await w.service.evaluate(no, { grade: 4, comment: '缴费页面不清楚', actor: { id: buyer.id } })).toMatchObject({ ok: true });
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.delivery).toMatchObject({ method: 'express', trackingNumber: 'SF1234567890123', carrier: '顺丰速运', onTime: true });
    expect(s.rectification!.due.date).toBe('2026-04-22'); // 5 WD after Wed 04-15: 16, 17, 20, 21, 22

    const timeline = await w.service.timeline(no);
    expect(timeline.filter((t) => t.status !== undefined).map((t) => t.status)).toEqual([1, 6, 7, 3, 8, 9, 10, 11]);
    const { state, replayed } = await w.stored(no);
    expect(replayed).toEqual(state);
  });

  it('charges nothing to a small enterprise buying an office with one certificate: recording needs no payment', async () => {
    const applied = await w.service.apply({
      itemCode: 'ITEM-05', channel: 'online', applicant: { id: 'u-co', name: '小微科技有限公司', kind: 'ENTERPRISE' },
      facts: facts({ buyer: { kind: 'ENTERPRISE', isSmallMicroEnterprise: true }, propertyUse: 'NON_RESIDENTIAL', certificatesRequested: 1 }),
      materials: [pdf('M1'), shared('M2', '营业执照', '91330100MA2ZZZZZ3', '市场监督管理局'), pdf('M3'), contract, tax], actor: { id: 'u-co' },
    });
    expect(applied).toMatchObject({ ok: true, fees: 0 });
    if (!applied.ok) return;
    const no = applied.caseNo;
    await w.service.accept(no, { actor: clerk });
    await complete(no, 'review');
    await complete(no, 'decide', 'approve');
    await w.service.issueCertificate(no, { actor: clerk });
    expect(await complete(no, 'register')).toMatchObject({ status: SPGL.completedApproved });
  });

  it('does not accept a contract that was never filed, with the reason and legal basis in the decision', async () => {
    const { caseNo } = await applyTransfer({ contract: { filed: false } });
    const rejected = await w.service.reject(caseNo, { actor: clerk });
    expect(rejected).toMatchObject({ ok: true, status: SPGL.notAccepted });
    if (!rejected.ok) return;
    expect(rejected.document).toContain('不予受理决定书');
    expect(rejected.document).toContain('存量房买卖合同尚未网签备案');
    expect(rejected.document).toContain('《不动产登记暂行条例实施细则》第三十八条');
    expect(rejected.document).toContain(`不予受理（${caseNo}）`);
    expect(await w.service.document(caseNo, 'non-acceptance')).toBe(rejected.document);
    expect((await w.service.getCase(caseNo))!.summary).toMatchObject({ status: String(SPGL.notAccepted), stage: 'not-accepted' });
  });

  it('lets the buyer withdraw during handling before the fees are paid: status 14, nothing charged, the task cancelled', async () => {
    const { caseNo } = await applyTransfer();
    await w.service.accept(caseNo, { actor: clerk });
    w.at('2026-04-08');
    // Staff other than the one who entered the window application may not withdraw it for the buyer.
    const colleague = { ...clerk, id: `${clerk.id}-colleague` };
    expect(await w.service.withdraw(caseNo, { reason: '买卖双方解除合同', actor: colleague })).toMatchObject({ ok: false, refusal: { code: 'NOT_THE_APPLICANT' } });
    expect(await w.service.withdraw(caseNo, { reason: '买卖双方解除合同', actor: { id: buyer.id } })).toMatchObject({ ok: true, status: SPGL.withdrawn });
    const view = await w.service.getCase(caseNo);
    expect(view!.lifecycle).toMatchObject({ phase: 'withdrawn', withdrawal: { reason: '买卖双方解除合同', by: buyer.id } });
    expect(view!.lifecycle.fees.payments).toEqual([]);
    expect(view!.openTasks).toEqual([]);
    expect((await w.store.cases.listTasks({ caseNo })).map((t) => t.status)).toEqual(['cancelled']);
    expect((await w.service.timeline(caseNo)).filter((t) => t.status !== undefined).map((t) => t.status)).toEqual([1, 3, 8, 14]);
  });
});
