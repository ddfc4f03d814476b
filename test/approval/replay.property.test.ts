/** Safety nets: replaying the log gives the live state, the state survives JSON, and a refusal changes nothing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTasks } from '../../engine/core/index.js';
import { approvalStep, type ApprovalCommand } from '../../engine/approval/index.js';
import { applicant, applyCommand, at, calendar, Case, clerk, foodProcess, head } from './support.js';

type Factory = (c: Case) => ApprovalCommand;

const upload = { material: 'M3', kind: 'upload' as const, name: 'M3.pdf', ref: 'files/M3b', sha256: 'ef'.repeat(32), size: 9, contentType: 'application/pdf' };
const openTask = (c: Case) => openTasks(c.state.process)[0]?.taskId ?? 'none:e1';
/** Whoever holds the first open task, so that an operation on it is not refused for the actor alone. */
const holder = (c: Case) => ({ id: openTasks(c.state.process)[0]?.assignee ?? clerk.id });

const FACTORIES: Factory[] = [
  () => ({ type: 'correction.notify', items: [{ code: 'M3', reason: '请补正', basis: null }], actor: clerk }),
  () => ({ type: 'correction.notify', items: [{ code: 'M4', reason: '请补正', basis: null }], actor: clerk }),
  () => ({ type: 'correction.supply', materials: [upload], actor: { id: applicant.id } }),
  () => ({ type: 'case.accept', actor: clerk }),
  () => ({ type: 'case.reject', reasons: [{ code: 'AC1', reason: '无主体资格', basis: null }], actor: clerk }),
  () => ({ type: 'case.withdraw', reason: '撤回', actor: { id: applicant.id } }),
  (c) => ({ type: 'timer.fire', timerId: `${c.state.approval?.caseNo}:window-${c.state.approval?.windows ?? 1}`, actor: { id: 'system' } }),
  (c) => ({ type: 'task.complete', taskId: openTask(c), outcome: 'approve', actor: clerk }),
  (c) => ({ type: 'task.complete', taskId: openTask(c), outcome: 'refuse', opinion: '不符合条件', actor: clerk }),
  () => ({ type: 'special-procedure.start', id: 'sp', procedure: 'SITE_CHECK', reason: '核查', basis: '办法', expectedDuration: { value: 2, unit: 'WD' }, actor: clerk }),
  () => ({ type: 'special-procedure.end', id: 'sp', actor: clerk }),
  () => ({ type: 'extension.approve', requested: { value: 5, unit: 'WD' }, reason: '复杂', actor: head }),
  () => ({ type: 'certificate.issue', number: 'JY1', holder: applicant.name, issuer: '区市场监督管理局', actor: clerk }),
  () => ({ type: 'delivery.record', method: 'pickup', actor: clerk }),
  () => ({ type: 'case.evaluate', grade: 4, actor: { id: applicant.id } }),
  () => ({ type: 'supervision.evaluate', actor: { id: 'system' } }),
  // The operations on a task:
  (c) => ({ type: 'task.claim', taskId: openTask(c), assignee: clerk.id, actor: clerk }),
  (c) => ({ type: 'task.transfer', taskId: openTask(c), to: 'clerk-wang', reason: '转办', actor: holder(c) }),
  (c) => ({ type: 'task.delegate', taskId: openTask(c), to: 'clerk-wang', reason: '委派', actor: holder(c) }),
  (c) => ({ type: 'task.resolve', taskId: openTask(c), opinion: '已核', actor: holder(c) }),
  (c) => ({ type: 'task.add-signers', taskId: openTask(c), signers: ['chief-zhou'], mode: 'after', reason: '加签', actor: holder(c) }),
  (c) => ({ type: 'task.add-signers', taskId: openTask(c), signers: ['chief-zhou'], mode: 'before', reason: '加签', actor: holder(c) }),
  (c) => ({ type: 'task.remove-signers', taskId: openTask(c), signers: ['chief-zhou'], reason: '减签', actor: { id: openTasks(c.state.process)[0]?.owner ?? clerk.id } }),
  (c) => ({ type: 'task.reject', taskId: openTask(c), to: 'previous', resume: 'back-to-me', reason: '驳回', actor: holder(c) }),
  (c) => ({ type: 'task.reject', taskId: openTask(c), to: 'previous', resume: 'through', reason: '驳回', actor: holder(c) }),
  (c) => ({ type: 'task.reject', taskId: openTask(c), to: 'applicant', resume: 'through', reason: '请补正', actor: holder(c) }),
  (c) => ({ type: 'task.reject', taskId: openTask(c), to: 'applicant', resume: 'back-to-me', reason: '请补正', actor: holder(c) }),
  (c) => ({ type: 'task.reclaim', taskId: openTasks(c.state.process)[0]?.prev?.taskId ?? 'none:e1', reason: '拿回', actor: { id: openTasks(c.state.process)[0]?.prev?.by ?? clerk.id } }),
  (c) => ({ type: 'task.urge', taskId: openTask(c), note: '请尽快办理', actor: { id: applicant.id } }),
  (c) => ({ type: 'task.copy', taskId: openTask(c), users: ['auditor-1'], departments: ['区政务服务中心'], actor: holder(c) }),
];

describe('approval aggregate properties', () => {
  it('replays every reachable log to the live state, keeps it JSON, and changes nothing on a refusal', async () => {
    const definition = await foodProcess();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(FACTORIES.length - 1), fc.nat(2)), { minLength: 1, maxLength: 30 }),
        async (plan) => {
          const c = new Case(definition);
          let day = '2026-03-02';
          c.when(applyCommand('SP-PROP', ['M3']), at(day, '09:00'));
          for (const [pick, advance] of plan) {
            day = calendar.addWorkingDays(day, advance);
            const before = structuredClone(c.state);
            const command = FACTORIES[pick]!(c);
            const result = approvalStep(definition, c.state, command, c.ctx(at(day, '10:00')));
            // Pure: the input state is never changed, refused or not.
            expect(c.state).toEqual(before);
            if (!result.ok) continue;
            c.state = result.state;
            c.log.push(...result.events);
            expect(c.replayed()).toEqual(c.state);
            expect(JSON.parse(JSON.stringify(c.state))).toEqual(c.state);
          }
          expect(c.log.map((e) => e.seq)).toEqual(c.log.map((_, i) => i + 1));
        },
      ),
      { numRuns: 120 },
    );
  });
});
