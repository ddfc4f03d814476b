/**
 * ITEM-03 开办旅馆“一件事” end to end (scenario S7): the lead department registers, three co-departments
 * work in parallel on their own limits, the case is complete only when every branch ended; a late branch is
 * supervised; a refusal by one co-department gives a partially refused outcome.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SPGL } from '../../engine/approval/index.js';
import { bj, pdf, shared, world, type World } from './harness.js';

const D0 = '2026-09-01'; // Tuesday
const HEALTH = '区卫生健康委员会';
const POLICE = '区公安分局';
const FIRE = '区消防救援大队';
const applicant = { id: 'u-wang', name: '王芳旅馆有限公司', kind: 'ENTERPRISE' };
const clerk = { id: 'clerk-zhou', name: '周明', department: '区市场监督管理局', roles: ['clerk', 'registrar', 'window-clerk'] };
const governmentHead = { id: 'gov-head', name: '区长', roles: ['government-head'] };

let w: World;
beforeEach(async () => { w = await world(['ITEM-03'], bj(D0, '09:00')); });
afterEach(() => w.dispose());

async function acceptedHotel(): Promise<string> {
  const applied = await w.service.apply({
    itemCode: 'ITEM-03', channel: 'window', applicant,
    facts: { applicant: { kind: 'ENTERPRISE' }, rooms: 30, hasCentralAC: false, fireSafetyPath: 'NORMAL', byAgent: false },
    materials: [pdf('M1'), shared('M2', '居民身份证', '3301**********1234', '公安机关'), pdf('M3'), pdf('M4'), pdf('M5'), pdf('M8'), pdf('M9')],
    actor: clerk,
  });
  if (!applied.ok) throw new Error(applied.refusal.message);
  w.at(D0, '10:00');
  const accepted = await w.service.accept(applied.caseNo, { actor: clerk });
  if (!accepted.ok) throw new Error(accepted.refusal.message);
  return applied.caseNo;
}

async function completeBranch(caseNo: string, elementId: string, outcome: 'approve' | 'refuse', opinion?: string) {
  const view = await w.service.getCase(caseNo);
  const task = view!.openTasks.find((t) => t.elementId === elementId)!;
  const result = await w.service.completeTask(caseNo, { taskId: task.taskId, outcome, ...(opinion ? { opinion } : {}), actor: { id: `${elementId}-officer`, department: task.department, roles: [task.role!] } } as never);
  if (!result.ok) throw new Error(result.refusal.message);
  return result;
}

async function registered(caseNo: string) {
  w.at('2026-09-02', '11:00');
  const view = await w.service.getCase(caseNo);
  await w.service.completeTask(caseNo, { taskId: view!.openTasks[0]!.taskId, actor: clerk });
}

describe('ITEM-03 hotel joint approval (scenario S7)', () => {
  it('waits for every co-department, supervises the late one, and completes one working day late', async () => {
    const no = await acceptedHotel();
    let s = (await w.service.getCase(no))!.lifecycle;
    expect(s.deadlines!.promised.date).toBe('2026-09-15'); // 10 WD after Tue 09-01: 02, 03, 04, 07..11, 14, 15
    expect(s.deadlines!.statutory.date).toBe('2026-11-09'); // 45 WD after 09-01, skipping 09-25..27 and 10-01..07, counting Sun 09-20 and Sat 10-10 (scenario S7)
    expect(s.deadlines!.statutory.basis.article).toBe('行政许可法第42条第2款');

    await registered(no);
    // Stage 2 starts on Wed 09-02.
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.coDepartments.map((c) => c.department)).toEqual([HEALTH, POLICE, FIRE]);
    expect(s.deadlines!.departments[HEALTH]!.date).toBe('2026-09-09'); // 5 WD after 09-02: 03, 04, 07, 08, 09
    expect(s.deadlines!.departments[POLICE]!.date).toBe('2026-09-11'); // 7 WD after 09-02: 03, 04, 07, 08, 09, 10, 11
    expect(s.deadlines!.departments[FIRE]!.date).toBe('2026-09-11');
    const tasks = await w.store.cases.listTasks({ caseNo: no, status: 'active' });
    expect(tasks.map((t) => t.department).sort()).toEqual([HEALTH, POLICE, FIRE].sort());

    w.at('2026-09-08');
    await completeBranch(no, 'health', 'approve');
    w.at('2026-09-10');
    await completeBranch(no, 'fire', 'approve');
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.status).toBe(SPGL.handling);
    expect(s.decision).toBeUndefined();
    expect(s.coDepartments.filter((c) => c.completedAt).length).toBe(2);

    // The police branch is red from 00:00 after its own deadline: one supervision record, not two.
    w.at('2026-09-12', '00:10'); // the police due day is 09-11
    await w.service.evaluateSupervision(no);
    await w.service.evaluateSupervision(no);
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.supervision).toMatchObject([{ rule: 'step-overdue', stepId: `co-department:${POLICE}`, department: POLICE }]);

    // The whole case is red from 00:00 after the promised deadline.
    w.at('2026-09-16', '00:10'); // the promised due day is 09-15
    await w.service.evaluateSupervision(no);
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.light).toBe('red');
    expect(s.supervision.map((r) => r.rule)).toEqual(['step-overdue', 'case-overdue']);

    // The joint extension (15 WD by the head of the same-level government) moves the statutory limit.
    w.at('2026-09-16', '09:00');
    expect(await w.service.approveExtension(no, { requested: { value: 15, unit: 'WD' }, reason: '特种行业许可需补充核查', actor: clerk }))
      .toMatchObject({ ok: false, refusal: { code: 'EXTENSION_APPROVER_ROLE' } });
    expect(await w.service.approveExtension(no, { requested: { value: 15, unit: 'WD' }, reason: '特种行业许可需补充核查', actor: governmentHead })).toMatchObject({ ok: true });
    expect((await w.service.getCase(no))!.lifecycle.deadlines!.statutory.date).toBe('2026-11-30'); // 11-09 plus 15 WD: 10..13, 16..20, 23..27, 30

    const lastDay = '2026-09-16'; // Wed, 1 WD after the promised 09-15 (scenario S7)
    w.at(lastDay, '16:00');
    await completeBranch(no, 'police', 'approve');
    s = (await w.service.getCase(no))!.lifecycle;
    expect(s.decision).toMatchObject({ outcome: 'approved', decidedOn: lastDay, promised: { onTime: false, lateDays: 1 }, statutory: { onTime: true } });
    expect(await w.service.issueCertificate(no, { actor: clerk })).toMatchObject({ ok: true });
    const view = await w.service.getCase(no);
    const done = await w.service.completeTask(no, { taskId: view!.openTasks[0]!.taskId, actor: clerk });
    expect(done).toMatchObject({ ok: true, status: SPGL.completedApproved });
    const { state, replayed } = await w.stored(no);
    expect(replayed).toEqual(state);
  });

  it('ends with a partially refused outcome when one co-department refuses, and does not wait for more', async () => {
    const no = await acceptedHotel();
    await registered(no);
    w.at('2026-09-04');
    const police = (await w.service.getCase(no))!.openTasks.find((t) => t.elementId === 'police')!;
    // The lead department's clerk works none of a co-department's steps.
    expect(await w.service.completeTask(no, { taskId: police.taskId, outcome: 'refuse', actor: clerk }))
      .toMatchObject({ ok: false, refusal: { code: 'STEP_DEPARTMENT_MISMATCH', details: { elementId: 'police', department: POLICE } } });
    expect(await w.service.completeTask(no, { taskId: police.taskId, outcome: 'refuse', actor: { id: 'police-officer', department: POLICE, roles: ['police-officer'] } }))
      .toMatchObject({ ok: false, refusal: { code: 'REFUSAL_WITHOUT_REASONS' } });
    await completeBranch(no, 'police', 'refuse', '旅客信息登记系统未接入公安平台（旅馆业治安管理办法第六条）');
    await completeBranch(no, 'health', 'approve');
    await completeBranch(no, 'fire', 'approve');
    const s = (await w.service.getCase(no))!.lifecycle;
    expect(s.decision!.outcome).toBe('partially-refused');
    expect(s.coDepartments.map((c) => [c.department, c.outcome])).toEqual([[HEALTH, 'approved'], [POLICE, 'refused'], [FIRE, 'approved']]);
    expect(s.coDepartments.find((c) => c.department === POLICE)!.opinion).toContain('第六条');
    expect((await w.service.getCase(no))!.openTasks.map((t) => t.elementId)).toEqual(['issue']);
  });

  it('ends refused (status 13) without an issue step when every co-department refuses', async () => {
    const no = await acceptedHotel();
    await registered(no);
    w.at('2026-09-04');
    for (const branch of ['health', 'police', 'fire']) await completeBranch(no, branch, 'refuse', '不符合条件');
    const view = await w.service.getCase(no);
    expect(view!.lifecycle).toMatchObject({ status: SPGL.completedRefused, phase: 'concluded', decision: { outcome: 'refused' } });
    expect(view!.openTasks).toEqual([]);
    expect(view!.summary.status).toBe(String(SPGL.completedRefused));
  });
  it("counts the fire brigade's 会签 as one: an added signer's refusal refuses the branch, once both signed", async () => {
    const no = await acceptedHotel();
    await registered(no);
    w.at('2026-09-04');
    const inspector = { id: 'fire-officer', department: FIRE, roles: ['fire-inspector'] };
    const fire = (await w.service.getCase(no))!.openTasks.find((t) => t.elementId === 'fire')!;
    expect(await w.service.claimTask(no, { taskId: fire.taskId, assignee: inspector.id, actor: inspector } as never)).toMatchObject({ ok: true });
    const added = await w.runner.execute(no, { type: 'task.add-signers', taskId: fire.taskId, signers: ['fire-chief'], mode: 'parallel', reason: '复核', actor: inspector } as never);
    expect(added).toMatchObject({ ok: true });
    let s = (await w.service.getCase(no))!;
    expect(s.openTasks.filter((t) => t.elementId === 'fire').map((t) => t.assignee)).toEqual(['fire-officer', 'fire-chief']);
    // Adding a signer neither opens a second fire branch nor moves the brigade's limit.
    expect(s.lifecycle.coDepartments.filter((c) => c.department === FIRE)).toHaveLength(1);
    // Registered Wednesday 2 September 2026; 7 working days (3, 4, 7–11 September) end on Friday 11 September.
    expect(s.lifecycle.deadlines!.departments[FIRE]!.date).toBe('2026-09-11');
    await completeBranch(no, 'health', 'approve');
    await completeBranch(no, 'police', 'approve');
    expect(await w.service.completeTask(no, { taskId: fire.taskId, outcome: 'approve', actor: inspector } as never)).toMatchObject({ ok: true });
    s = (await w.service.getCase(no))!;
    expect(s.lifecycle.decision).toBeUndefined();
    const chief = s.openTasks.find((t) => t.elementId === 'fire')!;
    const signed = await w.service.completeTask(no, { taskId: chief.taskId, outcome: 'refuse', opinion: '疏散通道宽度不足（消防法第十五条）', actor: { id: 'fire-chief', department: FIRE, roles: ['fire-inspector'] } } as never);
    expect(signed).toMatchObject({ ok: true });
    s = (await w.service.getCase(no))!;
    expect(s.lifecycle.coDepartments.map((c) => [c.department, c.outcome])).toEqual([[HEALTH, 'approved'], [POLICE, 'approved'], [FIRE, 'refused']]);
    expect(s.lifecycle.decision!.outcome).toBe('partially-refused');
    const { state, replayed } = await w.stored(no);
    expect(replayed).toEqual(state);
  });
});
