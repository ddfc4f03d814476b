/**
 * Intake: application (申报), the one correction notice and its supply (行政许可法 第32条), acceptance
 * (受理, deemed and back-dated when the window lapses), non-acceptance (不予受理) and withdrawal (撤回).
 */
import { supervisionContent } from '../../../contracts/messages/supervision.js';
import { decideCorrectionNotice } from '../../clocks/correction-notice.js';
import { hasExpired } from '../../clocks/deadline.js';
import { openTasks } from '../../core/index.js';
import type { LifecycleCommand } from '../commands.js';
import { dayOf, openWindow } from '../clocks.js';
import type { Decider } from '../decider.js';
import { clockCode, refuse } from '../refusal.js';
import { SPGL } from '../status.js';
import { awaitsResubmission, resubmit } from './applicant-correction.js';
import { startHandling } from './start-handling.js';
import { recordViolations } from './supervise.js';

type Of<T extends LifecycleCommand['type']> = Extract<LifecycleCommand, { type: T }>;

export function apply(d: Decider, cmd: Of<'case.apply'>): void {
  if (d.draft.approval) refuse('CASE_ALREADY_APPLIED', `Expected a new case, but '${d.draft.approval.caseNo}' was applied for`);
  if (cmd.item.code !== d.definition.key || cmd.item.version !== d.definition.version) {
    refuse('DEFINITION_MISMATCH', `Expected item ${cmd.item.code} v${cmd.item.version} to run its own process, but was given ${d.definition.key} v${d.definition.version}`);
  }
  const window = openWindow(d.ctx.calendar, cmd.item, cmd.caseNo, d.ctx.now, 1);
  const { type: _type, actor: _actor, ...application } = cmd;
  d.emit('case.applied', { ...application, window, receivedOn: d.today }, { status: SPGL.received, why: `application by ${cmd.channel}`, whyCode: 'case.applied', whyParams: { channel: cmd.channel } });
  d.effect({ type: 'timer.schedule', timerId: window.timerId, dueAt: window.deadline.instant, elementId: 'pre-acceptance' });
}

/** 第32条: one notice listing everything; a later one may only repeat what is outstanding. */
export function notifyCorrection(d: Decider, cmd: Of<'correction.notify'>): void {
  d.expectPhase(cmd.type, 'received');
  const s = d.approval;
  const window = s.window!;
  if (hasExpired(window.deadline, d.ctx.now, d.ctx.calendar.zone)) {
    refuse('CORRECTION_NOTICE_WINDOW_LAPSED', `Expected the correction notice by ${window.deadline.date}, but it is ${d.today}: the application counts as accepted from its receipt (行政许可法第32条)`);
  }
  const previous = s.corrections.map((c) => ({ issuedOn: c.issuedOn, items: c.items.map((i) => i.code) }));
  const decision = decideCorrectionNotice(
    previous,
    { issuedOn: d.today, items: cmd.items.map((i) => i.code), ...(cmd.reason ? { reason: cmd.reason } : {}) },
    { policy: s.item.secondNoticePolicy, window: window.deadline },
  );
  if (!decision.ok) refuse(clockCode(decision.code), decision.message);
  const no = s.corrections.length + 1;
  const notice = { no, issuedAt: d.ctx.now, issuedOn: d.today, items: cmd.items, kind: decision.kind, by: d.actor!.id };
  d.emit('correction.notified', { notice }, {
    status: SPGL.correctionStarted,
    why: decision.violation ? `second notice: ${decision.violation.reason}` : `${cmd.items.length} item(s) to correct (行政许可法第32条)`,
    ...(decision.violation
      ? { whyCode: 'correction.second-notice', whyParams: { reason: decision.violation.reason } }
      : { whyCode: 'correction.items', whyParams: { count: cmd.items.length } }),
  });
  d.effect({ type: 'timer.cancel', timerId: window.timerId });
  if (decision.violation) {
    recordViolations(d, [{
      rule: 'second-correction-notice', stepId: `notice:${no}`, department: s.item.department, warningType: 'procedure',
      content: supervisionContent('second-correction-notice', { caseNo: s.caseNo, no, items: decision.violation.newItems, reason: decision.violation.reason }),
    }]);
  }
}

/** The applicant supplies the corrections; the window runs again from this receipt. */
export function supplyCorrection(d: Decider, cmd: Of<'correction.supply'>): void {
  // In handling, the answer to a 驳回 to the applicant.
  if (awaitsResubmission(d)) return resubmit(d, cmd);
  d.expectPhase(cmd.type, 'correcting');
  const s = d.approval;
  if (cmd.materials.length === 0) refuse('MATERIALS_MISSING', 'Expected the supplied materials, but none were given');
  const window = openWindow(d.ctx.calendar, s.item, s.caseNo, d.ctx.now, s.windows + 1);
  const no = s.corrections.at(-1)!.no;
  d.emit('correction.supplied', { no, materials: cmd.materials, window }, { status: SPGL.correctionEnded, why: `answer to correction notice ${no}`, whyCode: 'correction.answered', whyParams: { no } });
  d.effect({ type: 'timer.schedule', timerId: window.timerId, dueAt: window.deadline.instant, elementId: 'pre-acceptance' });
}

/** Materials required and not supplied, except those accepted for later supply. */
function missingMaterials(d: Decider, deferred: readonly string[]): string[] {
  const s = d.approval;
  const present = new Set(s.materials.map((m) => m.material));
  return s.requiredMaterials.filter((m) => !present.has(m.material) && !deferred.includes(m.material)).map((m) => m.material);
}

/** 受理. After the window lapsed the acceptance is deemed, dated the day the materials were received. */
export function accept(d: Decider, cmd: Of<'case.accept'>): void {
  d.expectPhase(cmd.type, 'received');
  const s = d.approval;
  const deferred = cmd.deferred ?? [];
  for (const id of deferred) {
    const required = s.requiredMaterials.find((m) => m.material === id);
    if (!required?.deferrable) refuse('MATERIAL_NOT_DEFERRABLE', `Expected material '${id}' to allow later supply (容缺后补), but it does not`);
  }
  const lapsed = hasExpired(s.window!.deadline, d.ctx.now, d.ctx.calendar.zone);
  const missing = missingMaterials(d, deferred);
  if (missing.length > 0 && !lapsed) {
    refuse('MATERIALS_MISSING', `Expected every required material before acceptance, but ${missing.join(', ')} missing`, { missing });
  }
  startHandling(d, { deemed: lapsed, deferred, ...(cmd.reason ? { reason: cmd.reason } : {}) });
}

/** The window timer fired: without a notice or a decision, the application counts as accepted (第32条). */
export function windowLapsed(d: Decider, timerId: string): void {
  const s = d.approval;
  // A timer of a window that a notice or a decision closed is stale: nothing happens.
  if (s.phase !== 'received' || s.window?.timerId !== timerId) return;
  startHandling(d, { deemed: true, deferred: [], fromTimer: true });
}

/** 不予受理, with reasons and legal basis; refused after the window, when the case counts as accepted. */
export function reject(d: Decider, cmd: Of<'case.reject'>): void {
  d.expectPhase(cmd.type, 'received');
  const s = d.approval;
  if (cmd.reasons.length === 0 || cmd.reasons.some((r) => r.reason.trim() === '')) {
    refuse('REASONS_REQUIRED', 'Expected the reasons of the non-acceptance decision, but none were given');
  }
  if (hasExpired(s.window!.deadline, d.ctx.now, d.ctx.calendar.zone)) {
    refuse('PRE_ACCEPTANCE_WINDOW_LAPSED', `Expected a non-acceptance decision by ${s.window!.deadline.date}, but it is ${d.today}: the application counts as accepted from its receipt (行政许可法第32条)`);
  }
  d.effect({ type: 'timer.cancel', timerId: s.window!.timerId });
  d.emit('case.rejected', { reasons: cmd.reasons, rejectedOn: d.today }, { status: SPGL.notAccepted, why: cmd.reasons.map((r) => r.reason).join('; ') });
}

/** 撤回 by the applicant or the agent: before acceptance 已撤件 (2), in handling 撤回 (14). */
export function withdraw(d: Decider, cmd: Of<'case.withdraw'>): void {
  d.expectPhase(cmd.type, 'received', 'correcting', 'handling');
  const s = d.approval;
  const starter = s.starter !== undefined && cmd.actor.id === s.starter;
  if (cmd.actor.id !== s.applicant.id && cmd.actor.id !== s.agent?.id && !starter) {
    refuse('NOT_THE_APPLICANT', `Expected the applicant, the agent or the staff member who entered the application to withdraw, but '${cmd.actor.id}' is none of them`);
  }
  if (starter && cmd.actor.id !== s.applicant.id && firstApproverActed(d)) {
    refuse('WITHDRAW_TOO_LATE', `Expected no approver to have acted on case '${s.caseNo}' for its starter to withdraw it, but one has`);
  }
  if (s.phase === 'handling') {
    d.core({ type: 'case.cancel', reason: cmd.reason, actor: cmd.actor });
  } else if (s.window) {
    d.effect({ type: 'timer.cancel', timerId: s.window.timerId });
  }
  const status = s.phase === 'handling' ? SPGL.withdrawn : SPGL.withdrawnBeforeAcceptance;
  d.emit('case.withdrawn', { reason: cmd.reason }, { status, why: cmd.reason });
}

/** 撤回 by a staff starter is allowed until the first approver acts: a step done, or an open one worked on. */
function firstApproverActed(d: Decider): boolean {
  const process = d.draft.process;
  const tasks = openTasks(process);
  if (tasks.some((t) => t.touched)) return true;
  return Object.values(process.elements).some((inst) =>
    (inst.passed ?? []).some((id) => ['userTask', 'manualTask'].includes(d.definition.nodes[id]?.kind ?? '')));
}

/** The day the case's materials were received last (the back-dated acceptance of 第32条). */
export function receiptDay(d: Decider): string {
  return dayOf(d.ctx.calendar, d.approval.window!.start);
}
