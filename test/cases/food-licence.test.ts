/**
 * ITEM-02 食品经营许可 end to end through the runtime on SQLite: correction, acceptance, the site check that
 * counts toward the limit, decision, certificate, express delivery and evaluation; non-acceptance; withdrawal;
 * deemed acceptance by the timer poller; a disabled item and a new version while a case runs.
 */
import { timelineWhyText } from '../../contracts/messages/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SPGL } from '../../engine/approval/index.js';
import { bj, pdf, shared, world, type World } from './harness.js';

const D0 = '2026-03-02'; // Monday
const applicant = { id: 'u-chen', name: '陈静餐饮有限公司', kind: 'ENTERPRISE' };
const clerk = { id: 'clerk-li', name: '李伟', department: '区市场监督管理局', roles: ['clerk', 'reviewer', 'inspector', 'section-chief', 'deputy-director', 'issuer'] };
const facts = (over: Record<string, unknown> = {}) => ({
  applicant: { kind: 'ENTERPRISE', hasBusinessLicence: true }, onlyPrepackagedFood: false, operatesOnline: false, usesVendingMachine: false, byAgent: false, ...over,
});
const licence = shared('M2', '营业执照', '91330100MA2XXXXX1', '区市场监督管理局');

let w: World;
beforeEach(async () => { w = await world(['ITEM-02'], bj(D0, '09:30')); });
afterEach(() => w.dispose());

const complete = (caseNo: string, elementId: string, outcome?: string, opinion?: string) => w.complete(caseNo, elementId, clerk, outcome, opinion);

async function applyFood(over: Record<string, unknown> = {}, materials = [pdf('M1'), licence, pdf('M3'), pdf('M4')]) {
  const result = await w.service.apply({ itemCode: 'ITEM-02', channel: 'online', applicant, facts: facts(over), materials, actor: { id: applicant.id, name: applicant.name } });
  if (!result.ok) throw new Error(result.refusal.message);
  return result;
}

describe('ITEM-02 food business licence', () => {
  it('goes from a corrected application through the site check to the certificate, delivery and evaluation', async () => {
    const applied = await applyFood({ byAgent: true }, [pdf('M1'), licence, pdf('M3')]);
    expect(applied).toMatchObject({ status: SPGL.received, fees: 0 });
    expect(applied.requiredMaterials.map((m) => m.material)).toEqual(['M1', 'M2', 'M3', 'M4', 'M7']);
    const no = applied.caseNo;
    expect(no).toMatch(/^SP20260302-[0-9A-Z]{10}$/);

    // Pre-review finds everything at once; one correction notice lists it all (行政许可法第32条).
    const review = await w.service.preReview(no);
    expect(review!.corrections.map((c) => c.code)).toEqual(['M4', 'M7']);
    expect(review!.corrections[0]!.basis).toContain('食品安全法');
    w.at('2026-03-03');
    const notified = await w.service.notifyCorrection(no, { actor: clerk });
    expect(notified).toMatchObject({ ok: true, status: SPGL.correctionStarted });
    if (!notified.ok) return;
    expect(notified.document).toContain('一次性补正告知书');
    expect(notified.document).toContain('委托他人办理的，请补正授权委托书及代理人身份证明');

    w.at('2026-03-05');
    expect(await w.service.supplyCorrection(no, { actor: { id: applicant.id }, materials: [pdf('M4'), pdf('M7')] })).toMatchObject({ ok: true, status: SPGL.correctionEnded });
    expect((await w.service.preReview(no))!.acceptable).toBe(true);
    const acceptedOn = '2026-03-05'; // Thu
    w.at(acceptedOn, '15:00');
    const accepted = await w.service.accept(no, { actor: clerk });
    expect(accepted).toMatchObject({ ok: true, status: SPGL.handling });
    if (!accepted.ok) return;
    const promised = '2026-03-12'; // 5 WD after Thu 03-05: 06, 09, 10, 11, 12
    expect(accepted.document).toContain('<strong data-field="promisedDate">2026年3月12日</strong>');
    expect(accepted.document).toContain(no);
    const summary = (await w.service.getCase(no))!.summary;
    expect(summary).toMatchObject({ status: String(SPGL.handling), stage: 'review', department: '区市场监督管理局', light: 'green' });
    // The limit ends at 24:00 of its last day, stored as a UTC instant.
    expect(summary.promisedDeadline).toBe(new Date(Date.parse(bj(promised, '00:00')) + 86_400_000).toISOString());

    w.at('2026-03-06');
    await complete(no, 'review');
    // The site check counts toward the limits: status 9 then 10, the promised date does not move.
    expect(await w.service.startSpecialProcedure(no, { id: 'site-1', procedure: 'SITE_CHECK', reason: '核查经营场所布局', basis: '《食品经营许可和备案管理办法》', expectedDuration: { value: 2, unit: 'WD' }, actor: clerk }))
      .toMatchObject({ ok: true, status: SPGL.specialProcedureStarted });
    w.at('2026-03-09');
    expect(await w.service.endSpecialProcedure(no, { id: 'site-1', result: '场所布局符合要求', actor: clerk })).toMatchObject({ ok: true, status: SPGL.specialProcedureEnded });
    expect((await w.service.getCase(no))!.lifecycle.deadlines!.promised.date).toBe(promised);
    await complete(no, 'siteCheck');
    await complete(no, 'audit');
    w.at('2026-03-10', '11:00');
    await complete(no, 'decide', 'approve', '符合许可条件');
    const issued = await w.service.issueCertificate(no, { actor: clerk });
    expect(issued).toMatchObject({ ok: true });
    const done = await complete(no, 'issue');
    expect(done.status).toBe(SPGL.completedApproved);
    const pushes = (await w.store.outbox.listOutbox({ caseNo: no })).map((m) => (m.payload as { action?: string }).action);
    expect(pushes).toContain('push-certificate');

    w.at('2026-03-11');
    expect(await w.service.recordDelivery(no, { method: 'express', trackingNumber: 'EMS9876543210CN', carrier: 'EMS', actor: clerk })).toMatchObject({ ok: true });
    expect(await w.service.evaluate(no, { grade: 4, comment: '等待时间较长', actor: { id: applicant.id } })).toMatchObject({ ok: true });
    const view = await w.service.getCase(no);
    expect(view!.lifecycle.delivery).toMatchObject({ method: 'express', onTime: true });
    expect(view!.lifecycle.rectification!.due.date).toBe('2026-03-18'); // evaluated Wed 03-11, 5 WD: 12, 13, 16, 17, 18
    expect(view!.lifecycle.decision).toMatchObject({ outcome: 'approved', promised: { onTime: true } });

    const timeline = await w.service.timeline(no);
    expect(timeline.filter((t) => t.status !== undefined).map((t) => t.status)).toEqual([1, 6, 7, 3, 8, 9, 10, 11]);
    expect(timeline.every((t, i) => i === 0 || t.at >= timeline[i - 1]!.at)).toBe(true);
    expect(timeline.find((t) => t.what === 'case.accepted')).toMatchObject({ actor: '李伟', why: 'materials complete and in the legal form' });
    // The engine's own explanation of a light change carries a code the pages word in Chinese.
    const light = timeline.find((t) => t.what === 'light.changed');
    expect(light).toMatchObject({ whyCode: 'light.promised-used', whyParams: { unit: 'WD' } });
    expect(timelineWhyText(light!.whyCode!, light!.whyParams)).toMatch(/^承诺时限已用 \d+\/\d+个工作日$/);
    // Every explanation the engine writes itself on these entries has its code (the pages show no English record).
    const engineWritten = ['handling.started', 'deadlines.computed', 'step-clock.started', 'step-clock.stopped', 'light.changed', 'evaluation.requested'];
    expect(timeline.filter((t) => engineWritten.includes(t.what) && t.why !== undefined && !t.whyCode)).toEqual([]);
    expect(timeline.find((t) => t.what === 'handling.started')).toMatchObject({ whyCode: 'handling.started', whyParams: { department: '区市场监督管理局' } });
    const { state, replayed } = await w.stored(no);
    expect(replayed).toEqual(state);
  });

  it('rejects an application for prepackaged food only, with the reason and basis in the decision', async () => {
    const { caseNo } = await applyFood({ onlyPrepackagedFood: true });
    const rejected = await w.service.reject(caseNo, { actor: clerk });
    expect(rejected).toMatchObject({ ok: true, status: SPGL.notAccepted });
    if (!rejected.ok) return;
    expect(rejected.document).toContain('仅销售预包装食品的，不需要取得食品经营许可，请办理备案');
    expect(rejected.document).toContain('《中华人民共和国食品安全法》第三十五条第一款');
    expect((await w.service.getCase(caseNo))!.summary).toMatchObject({ status: '5', stage: 'not-accepted' });
  });

  it('lets the applicant withdraw during handling: status 14 and the open task cancelled', async () => {
    const { caseNo } = await applyFood();
    await w.service.accept(caseNo, { actor: clerk });
    w.at('2026-03-03');
    expect(await w.service.withdraw(caseNo, { reason: '经营地址变更', actor: clerk })).toMatchObject({ ok: false, refusal: { code: 'NOT_THE_APPLICANT' } });
    expect(await w.service.withdraw(caseNo, { reason: '经营地址变更', actor: { id: applicant.id } })).toMatchObject({ ok: true, status: SPGL.withdrawn });
    expect((await w.store.cases.listTasks({ caseNo })).map((t) => t.status)).toEqual(['cancelled']);
  });

  it('deems the application accepted from its receipt when the timer poller finds the window lapsed', async () => {
    const { caseNo } = await applyFood({}, [pdf('M1'), licence, pdf('M3')]);
    w.clock.pin(new Date(Date.parse(bj('2026-03-10', '00:00')) + 60_000));
    expect(await w.poller.drain()).toMatchObject({ fired: 1, failed: 0 });
    const view = await w.service.getCase(caseNo);
    expect(view!.lifecycle.acceptance).toMatchObject({ acceptedOn: D0, deemed: true, by: 'system:timer' });
    expect(view!.summary.status).toBe(String(SPGL.handling));
    const notice = await w.service.document(caseNo, 'acceptance-notice');
    expect(notice).toContain('第三十二条');
    expect(notice).toContain('2026年3月9日'); // the window's last day, 5 WD after Mon 03-02
    expect(await w.service.notifyCorrection(caseNo, { actor: clerk })).toMatchObject({ ok: false, refusal: { code: 'WRONG_PHASE' } });
  });

  it('refuses unknown facts, and new cases of a disabled item while a running case goes on with its version', async () => {
    const bad = await w.service.apply({ itemCode: 'ITEM-02', channel: 'window', applicant, facts: { ...facts(), seats: 40 }, materials: [], actor: clerk });
    expect(bad).toMatchObject({ ok: false, refusal: { code: 'FACTS_INVALID' } });
    const { caseNo } = await applyFood();
    await w.service.accept(caseNo, { actor: clerk });
    await w.items.setEnabled('ITEM-02', false, new Date().toISOString());
    expect(await w.service.apply({ itemCode: 'ITEM-02', channel: 'online', applicant, facts: facts(), materials: [], actor: clerk })).toMatchObject({ ok: false, refusal: { code: 'ITEM_NOT_AVAILABLE' } });
    await complete(caseNo, 'review');
    expect((await w.service.getCase(caseNo))!.itemVersion).toBe(1);
  });
});
