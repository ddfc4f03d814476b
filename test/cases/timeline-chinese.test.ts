/**
 * What a zh-CN user reads in the 理由 column of a case's full timeline: every explanation the engine wrote
 * itself is worded from its code in Chinese; what a person typed (a reason, an opinion) is shown as typed, and
 * here everything typed is Chinese. An ITEM-02 case through correction, acceptance, a site check, decision,
 * payment-free certificate, delivery and a poor evaluation; an ITEM-03 joint case with a late co-department,
 * supervision records and an extension.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { timelineDetailText, timelineWhyText } from '../../contracts/messages/index.js';
import type { TimelineEntry } from '../../engine/approval/timeline.js';
import { addCalendarDays } from '../../engine/calendar/index.js';
import { bj, pdf, shared, wd, world, type World } from './harness.js';

let w: World | undefined;
afterEach(() => w?.dispose());

/** The 理由 cell as the case page words it: by code, else as written. */
function shown(t: TimelineEntry): string | undefined {
  return (t.whyCode ? timelineWhyText(t.whyCode, t.whyParams) : undefined) ?? t.why;
}

/**
 * Every explanation reads as a Chinese sentence: it has Chinese characters, and once the values it quotes
 * (names, numbers, dates, case and certificate numbers) are taken out no Latin letter is left. An explanation
 * without a code is one of the texts a person typed.
 */
function expectChinese(timeline: readonly TimelineEntry[], typed: readonly string[]): void {
  const english = timeline.flatMap((t) => {
    const text = shown(t);
    if (text === undefined) return [];
    if (t.why !== undefined && !t.whyCode && !typed.includes(t.why)) return [`${t.what}: uncoded "${t.why}"`];
    if (t.whyCode && timelineWhyText(t.whyCode, t.whyParams) === undefined) return [`${t.what}: unknown code ${t.whyCode}`];
    const quoted = Object.values(t.whyParams ?? {}).map(String).filter((v) => v !== '').sort((a, b) => b.length - a.length);
    const rest = quoted.reduce((s, v) => s.split(v).join(''), text);
    return /[\u4e00-\u9fff]/.test(text) && !/[A-Za-z]/.test(rest) ? [] : [`${t.what}: "${text}"`];
  });
  expect(english).toEqual([]);
  // The detail of every task event is worded from its code: Chinese, and no Latin letter once its values are out.
  const details = timeline.filter((t) => TASK_EVENTS.includes(t.what)).flatMap((t) => {
    if (!t.detailCode) return [`${t.what}: no detail code`];
    const text = timelineDetailText(t.detailCode, t.detailParams);
    if (text === undefined) return [`${t.what}: unknown detail code ${t.detailCode}`];
    const quoted = Object.values(t.detailParams ?? {}).flat().map(String).filter((v) => v !== '' && !/^(approve|refuse|before|after|parallel|through|back-to-me)$/.test(v));
    const rest = quoted.sort((a, b) => b.length - a.length).reduce((x, v) => x.split(v).join(''), text);
    return /[\u4e00-\u9fff]/.test(text) && !/[A-Za-z]/.test(rest) ? [] : [`${t.what}: "${text}"`];
  });
  expect(details).toEqual([]);
  expect(timeline.filter((t) => t.detailCode).length).toBeGreaterThan(3);
}

/** The task events whose detail says more than their name. */
const TASK_EVENTS = ['task.created', 'task.claimed', 'task.completed', 'case.returned'];

describe('the timeline a zh-CN user reads', () => {
  it('words every explanation of an ITEM-02 case in Chinese', async () => {
    const D0 = '2026-03-02'; // Monday
    w = await world(['ITEM-02'], bj(D0, '09:30'));
    const applicant = { id: 'u-chen', name: '陈静餐饮有限公司', kind: 'ENTERPRISE' };
    const clerk = { id: 'clerk-li', name: '李伟', department: '区市场监督管理局', roles: ['clerk', 'reviewer', 'inspector', 'section-chief', 'deputy-director', 'issuer'] };
    const facts = { applicant: { kind: 'ENTERPRISE', hasBusinessLicence: true }, onlyPrepackagedFood: false, operatesOnline: false, usesVendingMachine: false, byAgent: true };
    const licence = shared('M2', '营业执照', '91330100MA2XXXXX1', '区市场监督管理局');
    const applied = await w.service.apply({ itemCode: 'ITEM-02', channel: 'online', applicant, facts, materials: [pdf('M1'), licence, pdf('M3')], actor: { id: applicant.id, name: applicant.name } });
    if (!applied.ok) throw new Error(applied.refusal.message);
    const no = applied.caseNo;
    w.at(wd(D0, 1));
    expect(await w.service.notifyCorrection(no, { actor: clerk })).toMatchObject({ ok: true });
    w.at(wd(D0, 3));
    expect(await w.service.supplyCorrection(no, { actor: { id: applicant.id }, materials: [pdf('M4'), pdf('M7')] })).toMatchObject({ ok: true });
    const acceptedOn = wd(D0, 3); // 2026-03-05
    w.at(acceptedOn, '15:00');
    expect(await w.service.accept(no, { actor: clerk })).toMatchObject({ ok: true });
    w.at(wd(acceptedOn, 1));
    await w.complete(no, 'review', clerk);
    expect(await w.service.startSpecialProcedure(no, { id: 'site-1', procedure: 'SITE_CHECK', reason: '核查经营场所布局', basis: '《食品经营许可和备案管理办法》', expectedDuration: { value: 2, unit: 'WD' }, actor: clerk }))
      .toMatchObject({ ok: true });
    w.at(wd(acceptedOn, 2));
    expect(await w.service.endSpecialProcedure(no, { id: 'site-1', result: '场所布局符合要求', actor: clerk })).toMatchObject({ ok: true });
    await w.complete(no, 'siteCheck', clerk);
    await w.complete(no, 'audit', clerk);
    w.at(wd(acceptedOn, 3), '11:00');
    await w.complete(no, 'decide', clerk, 'approve', '符合许可条件');
    expect(await w.service.issueCertificate(no, { actor: clerk })).toMatchObject({ ok: true });
    await w.complete(no, 'issue', clerk);
    w.at(wd(acceptedOn, 4));
    expect(await w.service.recordDelivery(no, { method: 'express', trackingNumber: 'EMS9876543210CN', carrier: 'EMS', actor: clerk })).toMatchObject({ ok: true });
    expect(await w.service.evaluate(no, { grade: 4, actor: { id: applicant.id } })).toMatchObject({ ok: true });

    const timeline = await w.service.timeline(no);
    expectChinese(timeline, ['核查经营场所布局', '场所布局符合要求', '符合许可条件']);
    const said = (what: string) => timeline.filter((t) => t.what === what).map(shown);
    expect(said('case.applied')).toEqual(['收到网上申请']);
    expect(said('correction.notified')).toEqual(['一次性告知需补正 2 项材料（行政许可法第三十二条）']);
    expect(said('correction.supplied')).toEqual(['申请人答复第 1 次补正告知']);
    expect(said('case.accepted')).toEqual(['申请材料齐全、符合法定形式，予以受理']);
    expect(said('case.suspended')).toEqual(['现场踏勘特别程序开始，暂停办理：核查经营场所布局']);
    expect(said('case.resumed')).toEqual(['特别程序结束，恢复办理']);
    // ITEM-02 generates its certificate at the decision (2026-03-10, the third working day after acceptance).
    expect(said('certificate.issued')).toEqual(['作出准予许可决定，同时生成证照']);
    expect(said('case.concluded')).toEqual(['办结：准予许可']);
    // The item's 5 working days from the decision on Tuesday 2026-03-10: 11, 12, 13, 16, 17 March.
    expect(said('delivery.recorded')).toEqual(['送达期限为 2026-03-17（行政许可法第44条）']);
    expect(said('case.evaluated')).toEqual(['申请人评价：不满意']);
    expect(said('rectification.opened')).toEqual(['差评（不满意），启动整改']);
    // The log keeps its English record beside the code.
    expect(timeline.find((t) => t.what === 'case.applied')).toMatchObject({ why: 'application by online', whyCode: 'case.applied', whyParams: { channel: 'online' } });
  });

  it('words every explanation of an ITEM-03 joint case in Chinese, supervision and the extension included', async () => {
    const D0 = '2026-09-01'; // Tuesday
    w = await world(['ITEM-03'], bj(D0, '09:00'));
    const applicant = { id: 'u-wang', name: '王芳旅馆有限公司', kind: 'ENTERPRISE' };
    const clerk = { id: 'clerk-zhou', name: '周明', department: '区市场监督管理局', roles: ['clerk', 'registrar', 'window-clerk'] };
    const applied = await w.service.apply({
      itemCode: 'ITEM-03', channel: 'window', applicant,
      facts: { applicant: { kind: 'ENTERPRISE' }, rooms: 30, hasCentralAC: false, fireSafetyPath: 'NORMAL', byAgent: false },
      materials: [pdf('M1'), shared('M2', '居民身份证', '3301**********1234', '公安机关'), pdf('M3'), pdf('M4'), pdf('M5'), pdf('M8'), pdf('M9')],
      actor: clerk,
    });
    if (!applied.ok) throw new Error(applied.refusal.message);
    const no = applied.caseNo;
    w.at(D0, '10:00');
    expect(await w.service.accept(no, { actor: clerk })).toMatchObject({ ok: true });
    w.at(wd(D0, 1), '11:00');
    const first = (await w.service.getCase(no))!;
    await w.service.completeTask(no, { taskId: first.openTasks[0]!.taskId, actor: clerk });
    const branch = async (elementId: string, opinion?: string) => {
      const task = (await w!.service.getCase(no))!.openTasks.find((t) => t.elementId === elementId)!;
      const done = await w!.service.completeTask(no, { taskId: task.taskId, outcome: 'approve', ...(opinion ? { opinion } : {}), actor: { id: `${elementId}-officer`, department: task.department, roles: [task.role!] } } as never);
      if (!done.ok) throw new Error(done.refusal.message);
    };
    const started = wd(D0, 1);
    w.at(wd(started, 4));
    await branch('health', '卫生条件符合要求');
    w.at(wd(started, 6));
    await branch('fire');
    const s = (await w.service.getCase(no))!.lifecycle;
    w.at(addCalendarDays(s.deadlines!.departments['区公安分局']!.date, 1), '00:10');
    await w.service.evaluateSupervision(no);
    const promised = s.deadlines!.promised.date;
    w.at(addCalendarDays(promised, 1), '00:10');
    await w.service.evaluateSupervision(no);
    w.at(addCalendarDays(promised, 1), '09:00');
    expect(await w.service.approveExtension(no, { requested: { value: 15, unit: 'WD' }, reason: '特种行业许可需补充核查', actor: { id: 'gov-head', name: '区长', roles: ['government-head'] } })).toMatchObject({ ok: true });
    w.at(addCalendarDays(promised, 1), '16:00');
    await branch('police');
    expect(await w.service.issueCertificate(no, { actor: clerk })).toMatchObject({ ok: true });
    const last = (await w.service.getCase(no))!;
    expect(await w.service.completeTask(no, { taskId: last.openTasks[0]!.taskId, actor: clerk })).toMatchObject({ ok: true });

    const timeline = await w.service.timeline(no);
    expectChinese(timeline, ['卫生条件符合要求', '特种行业许可需补充核查']);
    const said = (what: string) => timeline.filter((t) => t.what === what).map(shown);
    expect(said('case.applied')).toEqual(['收到窗口申请']);
    expect(said('co-department.completed')).toEqual(['卫生条件符合要求', '协办部门意见：准予许可', '协办部门意见：准予许可']);
    expect(said('supervision.recorded')).toEqual(['电子监察：环节超过环节时限', '电子监察：办件超过办结时限']);
    expect(said('case.decided')).toEqual(['3个协办部门均已办理完毕：准予许可']);
    // A co-department's step completed with its outcome worded, the officer's id left for the server to name.
    const health = timeline.find((t) => t.what === 'task.completed' && t.detailParams?.task === '公共场所卫生许可');
    expect(health).toMatchObject({ detailCode: 'task.completed.outcome', detailParams: { task: '公共场所卫生许可', outcome: 'approve' } });
    expect(timelineDetailText(health!.detailCode!, health!.detailParams)).toBe('“公共场所卫生许可”办理完毕：同意');
  });
});
