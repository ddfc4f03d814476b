/**
 * The six shipped items deployed together, and a case of each of ITEM-01, ITEM-04, ITEM-05 and ITEM-06 through
 * the runtime on SQLite: the instant item done the same day, expert review stopping the clock (scenario S5),
 * fees paid online before recording, and the promise path skipping the site check.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SPGL } from '../../engine/approval/index.js';
import type { World } from './harness.js';
import { bj, pdf, shared, world } from './harness.js';

const clerk = { id: 'clerk-1', name: '窗口人员', roles: ['clerk'] };
let w: World;
afterEach(() => w.dispose());

async function run(no: string, elementId: string, extra: Record<string, unknown> = {}) {
  const view = await w.service.getCase(no);
  const t = view!.openTasks.find((x) => x.elementId === elementId);
  if (!t) throw new Error(`no task ${elementId} in ${view!.openTasks.map((x) => x.elementId)}`);
  // The step's own staff: its department and its role.
  return w.service.completeTask(no, { taskId: t.taskId, actor: { ...clerk, department: t.department, roles: [...clerk.roles, t.role!] }, ...extra } as never);
}

describe('the shipped catalogue', () => {
  it('deploys all six items, each with its disclosure', async () => {
    w = await world(['ITEM-01', 'ITEM-02', 'ITEM-03', 'ITEM-04', 'ITEM-05', 'ITEM-06'], bj('2026-03-02'));
    const items = await w.items.list();
    expect(items.map((i) => [i.code, i.latestVersion, i.enabled])).toEqual(['ITEM-01', 'ITEM-02', 'ITEM-03', 'ITEM-04', 'ITEM-05', 'ITEM-06'].map((c) => [c, 1, true]));
    for (const item of items) expect((await w.items.disclosure(item.code))!.flow.length).toBeGreaterThan(1);
  });

  it('ITEM-01: an instant item is accepted, decided and issued the same day', async () => {
    const day = '2026-03-02';
    w = await world(['ITEM-01'], bj(day, '09:00'));
    const applied = await w.service.apply({
      itemCode: 'ITEM-01', channel: 'online', applicant: { id: 'u-liu', name: '刘洋', kind: 'NATURAL_PERSON' },
      facts: { applicant: { kind: 'NATURAL_PERSON', age: 35 }, familyOperated: false, byAgent: false, premisesOwnedByApplicant: true, businessScopeNeedsPriorLicence: false },
      materials: [pdf('M1'), shared('M2', '居民身份证', '1101**********0011', '公安机关')], actor: { id: 'u-liu' },
    });
    if (!applied.ok) throw new Error(applied.refusal.message);
    const accepted = await w.service.accept(applied.caseNo, { actor: clerk });
    expect(accepted.ok && accepted.document).toContain('承诺办结日期');
    await run(applied.caseNo, 'check');
    await run(applied.caseNo, 'approve', { outcome: 'approve' });
    await w.service.issueCertificate(applied.caseNo, { actor: clerk });
    expect(await run(applied.caseNo, 'issue')).toMatchObject({ ok: true, status: SPGL.completedApproved });
    const s = (await w.service.getCase(applied.caseNo))!.lifecycle;
    expect(s.deadlines!.promised.date).toBe(day);
    expect(s.decision).toMatchObject({ decidedOn: day, promised: { onTime: true } });
  });

  it('ITEM-04: the expert review stops both clocks (scenario S5)', async () => {
    const accepted = '2026-06-01';
    w = await world(['ITEM-04'], bj(accepted, '09:00'));
    const applied = await w.service.apply({
      itemCode: 'ITEM-04', channel: 'online', applicant: { id: 'u-dev', name: '某化工有限公司', kind: 'ENTERPRISE' },
      facts: { project: { approvalLevel: 'CITY', sensitive: false }, byAgent: false },
      materials: [pdf('M1'), pdf('M2'), pdf('M3'), pdf('M4'), shared('M5', '营业执照', '9133**', '市场监督管理局')], actor: { id: 'u-dev' },
    });
    if (!applied.ok) throw new Error(applied.refusal.message);
    const no = applied.caseNo;
    await w.service.accept(no, { actor: clerk });
    w.at('2026-06-05');
    expect(await w.service.startSpecialProcedure(no, { id: 'expert-1', procedure: 'EXPERT', reason: '技术评估', basis: '行政许可法第四十五条', actor: clerk }))
      .toMatchObject({ ok: false, refusal: { code: 'SPECIAL_PROCEDURE_NOTICE_INCOMPLETE' } });
    expect(await w.service.startSpecialProcedure(no, { id: 'expert-1', procedure: 'EXPERT', reason: '技术评估', basis: '行政许可法第四十五条', expectedDuration: { value: 15, unit: 'WD' }, actor: clerk }))
      .toMatchObject({ ok: true, status: SPGL.specialProcedureStarted });
    w.at('2026-06-26');
    expect(await w.service.endSpecialProcedure(no, { id: 'expert-1', actor: clerk })).toMatchObject({ ok: true, status: SPGL.specialProcedureEnded });
    const d = (await w.service.getCase(no))!.lifecycle.deadlines!;
    // 14 WD suspended in (06-05, 06-26]: 08-12, 15-18 (06-19 端午), 22-26. 20 WD after 06-01 is 06-30, 60 WD is 08-25;
    // 14 more: 07-01 .. 07-20 and 08-26 .. 09-14 (scenario S5).
    expect(d.promised.date).toBe('2026-07-20');
    expect(d.statutory.date).toBe('2026-09-14');
  });

  it('ITEM-05: fees computed by the table must be paid online before recording', async () => {
    w = await world(['ITEM-05'], bj('2026-04-07', '09:00'));
    const buyer = { id: 'u-buyer', name: '张伟', kind: 'NATURAL_PERSON' };
    const applied = await w.service.apply({
      itemCode: 'ITEM-05', channel: 'window', applicant: buyer,
      facts: { seller: { kind: 'PERSON', married: false }, buyer: { kind: 'PERSON', isSmallMicroEnterprise: false }, propertyUse: 'RESIDENTIAL', certificatesRequested: 2, byAgent: false, contract: { filed: true } },
      materials: [pdf('M1'), shared('M2', '居民身份证', '3301**', '公安机关'), pdf('M3'), shared('M4', '网签合同', 'HT-2026-0001', '住房和城乡建设局'), shared('M6', '完税凭证', 'WS-0001', '税务局')],
      actor: clerk,
    });
    expect(applied).toMatchObject({ ok: true, fees: 90 });
    if (!applied.ok) return;
    const no = applied.caseNo;
    await w.service.accept(no, { actor: clerk });
    await run(no, 'review');
    await run(no, 'decide', { outcome: 'approve' });
    // The certificate waits for the fees, like the recording step.
    expect(await w.service.issueCertificate(no, { actor: clerk })).toMatchObject({ ok: false, refusal: { code: 'PAYMENT_MISSING' } });
    expect(await run(no, 'register')).toMatchObject({ ok: false, refusal: { code: 'PAYMENT_MISSING' } });
    expect(await w.service.confirmPayment(no, { amount: 90, reference: 'FS3301-2026-000123', actor: { id: buyer.id } })).toMatchObject({ ok: true });
    expect(await w.service.issueCertificate(no, { actor: clerk })).toMatchObject({ ok: true });
    expect(await run(no, 'register')).toMatchObject({ ok: true, status: SPGL.completedApproved });
  });

  it('ITEM-06: the promise path skips the site check and the certificate is valid for four years', async () => {
    const day = '2026-05-11';
    w = await world(['ITEM-06'], bj(day, '09:00'));
    const applied = await w.service.apply({
      itemCode: 'ITEM-06', channel: 'online', applicant: { id: 'u-salon', name: '美发工作室', kind: 'INDIVIDUAL_BUSINESS' },
      facts: { applicant: { kind: 'INDIVIDUAL_BUSINESS', hasBusinessLicence: true }, venueType: 'BEAUTY_HAIR', hasCentralAC: false, choosesPromise: true, byAgent: false },
      materials: [pdf('M1'), shared('M2', '居民身份证', '3301**', '公安机关'), pdf('M3'), pdf('M5'), pdf('M8')], actor: { id: 'u-salon' },
    });
    if (!applied.ok) throw new Error(applied.refusal.message);
    const no = applied.caseNo;
    await w.service.accept(no, { actor: clerk });
    await run(no, 'review');
    expect((await w.service.getCase(no))!.openTasks.map((t) => t.elementId)).toEqual(['decide']);
    await run(no, 'decide', { outcome: 'approve' });
    await w.service.issueCertificate(no, { actor: clerk });
    const cert = (await w.service.getCase(no))!.lifecycle.certificate!;
    expect(cert).toMatchObject({ validFrom: day, validUntil: '2030-05-10', name: '公共场所卫生许可证', issuer: '区卫生健康委员会' });
  });
});
