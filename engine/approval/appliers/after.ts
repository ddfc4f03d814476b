/** Appliers of fees, result, delivery, evaluation, rectification, supervision and recalculated deadlines. */
import { placeDeadline } from '../open-clocks.js';
import { actorId, type Appliers } from './applier.js';

type After =
  | 'payment.confirmed' | 'certificate.issued' | 'evaluation.requested' | 'delivery.recorded' | 'case.evaluated' | 'rectification.opened'
  | 'rectification.completed' | 'light.changed' | 'supervision.recorded' | 'deadline.recalculated';

export const afterAppliers: Appliers<After> = {
  'payment.confirmed': (s, e) => {
    s.fees.payments.push({ amount: e.amount, reference: e.reference, at: e.at, by: actorId(e) });
  },
  'certificate.issued': (s, e) => {
    s.certificate = structuredClone(e.certificate);
  },
  'delivery.recorded': (s, e) => {
    s.delivery = structuredClone(e.delivery);
  },
  'evaluation.requested': (s, e) => {
    s.evaluationRequest = { requestedAt: e.at, grades: structuredClone(e.grades) };
  },
  'case.evaluated': (s, e) => {
    s.evaluation = { grade: e.grade, at: e.at, by: actorId(e), ...(e.comment !== undefined ? { comment: e.comment } : {}) };
  },
  'rectification.opened': (s, e) => {
    s.rectification = { openedAt: e.at, due: structuredClone(e.due) };
  },
  'rectification.completed': (s, e) => {
    if (!s.rectification) throw new Error(`No open rectification in case '${s.caseNo}'`);
    s.rectification.completedAt = e.at;
    s.rectification.note = e.note;
  },
  'light.changed': (s, e) => {
    s.light = e.to;
  },
  'supervision.recorded': (s, e) => {
    s.supervision.push(structuredClone(e.record));
  },
  'deadline.recalculated': (s, e) => {
    placeDeadline(s, e.clock, e.deadline);
  },
};
