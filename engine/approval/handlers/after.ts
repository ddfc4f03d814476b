/**
 * After (and around) the decision: fees paid online, the certificate issued to the certificate library under
 * the issuer's e-seal, delivery within the limit of 行政许可法 第44条, evaluation (好差评) with a
 * rectification for grades 4 and 5, revocation (撤销), and the supervision sweep.
 */
import { supervisionContent } from '../../../contracts/messages/supervision.js';
import { computeDeadline } from '../../clocks/deadline.js';
import { newSupervisionRecords, overdueViolations } from '../../clocks/supervision.js';
import type { LifecycleCommand } from '../commands.js';
import { EVALUATION_GRADES } from '../evaluation.js';
import { autoIssueCertificate, isIssueStep, issueMoment, recordCertificate } from '../certificate.js';
import { openTasks } from '../../core/index.js';
import { caseLight, supervisedSteps } from '../clocks.js';
import type { Decider } from '../decider.js';
import { typedOr } from '../events.js';
import { refuse } from '../refusal.js';
import { SPGL } from '../status.js';
import { refreshLight } from './refresh.js';
import { recordOptions, recordViolations, supervisionWhy } from './supervise.js';

type Of<T extends LifecycleCommand['type']> = Extract<LifecycleCommand, { type: T }>;

export function confirmPayment(d: Decider, cmd: Of<'payment.confirm'>): void {
  d.expectPhase(cmd.type, 'received', 'correcting', 'handling');
  const s = d.approval;
  const paid = s.fees.payments.reduce((sum, p) => sum + p.amount, 0);
  const due = Math.round((s.fees.total - paid) * 100) / 100;
  if (!(cmd.amount > 0) || cmd.amount > due || cmd.reference.trim() === '') {
    refuse('PAYMENT_INVALID', `Expected a payment of up to ${due} yuan with a reference, but got ${cmd.amount} yuan${cmd.reference.trim() ? '' : ' without one'}`);
  }
  d.emit('payment.confirmed', { amount: cmd.amount, reference: cmd.reference }, { why: `fees of ${s.fees.total} yuan`, whyCode: 'payment.fees', whyParams: { total: s.fees.total } });
  // A certificate held back by the unpaid fees is generated now, if its moment has come.
  if (certificateMomentPassed(d)) autoIssueCertificate(d, { why: `fees of ${s.fees.total} yuan paid`, whyCode: 'certificate.fees-paid', whyParams: { total: s.fees.total } });
}

/** True when the item's moment of generating the certificate has come: the decision, or its step started or passed. */
function certificateMomentPassed(d: Decider): boolean {
  const s = d.approval;
  const at = issueMoment(s);
  if (at === 'manual' || !s.decision) return false;
  if (at === 'decision' || s.phase === 'concluded') return true;
  return openTasks(d.draft.process).some((t) => isIssueStep(s, t));
}

export function issueCertificate(d: Decider, cmd: Of<'certificate.issue'>): void {
  d.expectPhase(cmd.type, 'handling', 'concluded');
  const s = d.approval;
  if (!s.decision || s.decision.outcome === 'refused') {
    refuse('CERTIFICATE_NOT_ALLOWED', `Expected an approving decision before issuing, but the case is ${s.decision ? 'refused' : 'not decided'}`);
  }
  if (s.certificate) refuse('CERTIFICATE_NOT_ALLOWED', `Expected no certificate yet, but ${s.certificate.number} was issued`);
  // Fees due are paid before the result is issued: the fee gate guards the certificate, not only a task.
  const paid = s.fees.payments.reduce((sum, p) => sum + p.amount, 0);
  if (paid < s.fees.total) refuse('PAYMENT_MISSING', `Expected the fees of ${s.fees.total} yuan paid before the certificate is issued, but ${paid} was paid`, { total: s.fees.total, paid });
  if (![cmd.number, cmd.holder, cmd.issuer].every((v) => v.trim() !== '')) {
    refuse('CERTIFICATE_NOT_ALLOWED', 'Expected the certificate number, holder and issuer, but one was blank');
  }
  recordCertificate(d, cmd, {
    why: `decision ${s.decision.outcome} on ${s.decision.decidedOn}`, whyCode: 'certificate.by-decision', whyParams: { outcome: s.decision.outcome, decidedOn: s.decision.decidedOn },
  });
}

export function recordDelivery(d: Decider, cmd: Of<'delivery.record'>): void {
  d.expectPhase(cmd.type, 'handling', 'concluded');
  const s = d.approval;
  if (!s.decision) refuse('DELIVERY_INVALID', 'Expected a decision to deliver, but the case is not decided');
  if (s.decision.outcome !== 'refused' && !s.certificate) refuse('DELIVERY_INVALID', 'Expected the certificate issued before delivery, but none was');
  if (s.delivery) refuse('DELIVERY_INVALID', `Expected one delivery, but it was already delivered by ${s.delivery.method}`);
  if (!s.item.delivery.includes(cmd.method)) refuse('DELIVERY_INVALID', `Expected one of ${s.item.delivery.join(', ')}, but got ${cmd.method}`);
  if (cmd.method === 'express' && !cmd.trackingNumber?.trim()) refuse('DELIVERY_INVALID', 'Expected a tracking number for express delivery, but there was none');
  const deadline = s.deadlines?.delivery;
  const delivery = {
    method: cmd.method, at: d.ctx.now, onTime: !deadline || d.today <= deadline.date,
    ...(cmd.trackingNumber ? { trackingNumber: cmd.trackingNumber } : {}), ...(cmd.carrier ? { carrier: cmd.carrier } : {}),
  };
  d.emit('delivery.recorded', { delivery }, deadline
    ? { why: `delivery due ${deadline.date} (${deadline.basis.article})`, whyCode: 'delivery.due', whyParams: { date: deadline.date, article: deadline.basis.article } }
    : { why: 'delivered', whyCode: 'delivery.recorded' });
  if (deadline && !delivery.onTime) {
    recordViolations(d, [{
      rule: 'late-delivery', department: s.item.department, warningType: 'overdue',
      content: supervisionContent('late-delivery', { caseNo: s.caseNo, on: d.today, deadline: deadline.date, article: deadline.basis.article }),
    }]);
  }
}

export function evaluate(d: Decider, cmd: Of<'case.evaluate'>): void {
  d.expectPhase(cmd.type, 'concluded', 'rejected');
  const s = d.approval;
  if (cmd.actor.id !== s.applicant.id && cmd.actor.id !== s.agent?.id) refuse('NOT_THE_APPLICANT', `Expected the applicant to evaluate, but '${cmd.actor.id}' is not`);
  // 一事一评 (国办发〔2019〕51号) grades a service rendered: only a case whose conclusion invited it (办结 after
  // acceptance), never one rejected at acceptance (不予受理) or still open; the portal offers the same rule.
  if (!s.evaluationRequest) refuse('EVALUATION_NOT_INVITED', `Expected an invitation to evaluate case ${s.caseNo}, but it was never concluded after acceptance`);
  if (s.evaluation) refuse('EVALUATION_INVALID', `Expected one evaluation, but grade ${s.evaluation.grade} was given`);
  if (!Number.isInteger(cmd.grade) || cmd.grade < 1 || cmd.grade > 5) refuse('EVALUATION_INVALID', `Expected a grade from 1 to 5, but got ${cmd.grade}`);
  d.emit('case.evaluated', { grade: cmd.grade, ...(cmd.comment ? { comment: cmd.comment } : {}) },
    typedOr(cmd.comment, { why: `grade ${cmd.grade}`, whyCode: 'evaluation.grade', whyParams: { grade: cmd.grade } }));
  // 差评 (不满意, 非常不满意) opens a rectification with the item's limit.
  if (EVALUATION_GRADES.find((g) => g.grade === cmd.grade)?.poor) {
    const due = computeDeadline(d.ctx.calendar, { rule: 'rectification', article: 'evaluation rectification limit (好差评整改)', trigger: d.ctx.now, limit: s.item.rectificationLimit });
    d.emit('rectification.opened', { due }, {
      why: `grade ${cmd.grade}: ${cmd.comment ?? 'dissatisfied'}`, whyCode: 'rectification.opened', whyParams: { grade: cmd.grade, ...(cmd.comment ? { comment: cmd.comment } : {}) },
    });
  }
}

export function completeRectification(d: Decider, cmd: Of<'rectification.complete'>): void {
  const s = d.approval;
  if (!s.rectification || s.rectification.completedAt) refuse('RECTIFICATION_NOT_OPEN', 'Expected an open rectification, but there is none');
  if (cmd.note.trim() === '') refuse('REASONS_REQUIRED', 'Expected what was rectified, but the note was blank');
  d.emit('rectification.completed', { note: cmd.note }, { why: cmd.note });
}

export function revoke(d: Decider, cmd: Of<'case.revoke'>): void {
  d.expectPhase(cmd.type, 'concluded');
  // 第69条 revokes a licence granted: a refused application has none
  if (d.approval.decision?.outcome === 'refused') refuse('NOTHING_TO_REVOKE', `Expected a granted licence to revoke, but case ${d.approval.caseNo} was refused`);
  if (!cmd.reason.trim() || !cmd.basis.trim()) refuse('REASONS_REQUIRED', 'Expected the reason and legal basis of the revocation, but one was blank');
  d.emit('case.revoked', { reason: cmd.reason, basis: cmd.basis }, { status: SPGL.revoked, why: `${cmd.reason} (${cmd.basis})` });
}

/** Reads the lights on `ctx.now` and records each new overdue violation once (电子监察, GB/T 39046 table 11). */
export function evaluateSupervision(d: Decider): void {
  const s = d.approval;
  if (!s.deadlines || s.phase !== 'handling') return;
  refreshLight(d);
  const calendar = d.ctx.calendar;
  const caseReading = caseLight(calendar, s, d.ctx.now);
  const violations = overdueViolations({
    caseNo: s.caseNo,
    department: s.item.department,
    on: d.today,
    ...(caseReading ? { caseLight: caseReading } : {}),
    steps: supervisedSteps(calendar, s, d.ctx.now, openTasks(d.draft.process)),
  });
  for (const record of newSupervisionRecords(calendar, s.supervision, violations, recordOptions(d))) {
    d.emit('supervision.recorded', { record }, supervisionWhy(record));
  }
}
