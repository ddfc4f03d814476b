/** Appliers of 催办, 抄送, a co-department signer's vote and the withdrawal of the joint branches by a return. */
import type { Appliers } from './applier.js';

type Operations = 'task.urged' | 'task.copied' | 'co-department.withdrawn' | 'co-department.signed' | 'correction.requested' | 'correction.resubmitted';

export const operationAppliers: Appliers<Operations> = {
  'task.urged': (s, e) => {
    (s.urges ??= []).push(structuredClone(e.urge));
  },
  'task.copied': (s, e) => {
    (s.copies ??= []).push(structuredClone(e.copy));
  },
  'co-department.signed': (s, e) => {
    const branch = s.coDepartments.find((c) => c.department === e.department && c.completedAt === undefined);
    if (!branch) throw new Error(`No open branch of co-department '${e.department}' in case '${s.caseNo}'`);
    (branch.votes ??= []).push({ outcome: e.outcome, ...(e.opinion !== undefined ? { opinion: e.opinion } : {}) });
  },
  'correction.requested': (s, e) => {
    s.handlingCorrection = structuredClone(e.correction);
  },
  'correction.resubmitted': (s, e) => {
    if (s.handlingCorrection) s.handlingCorrection.resubmittedOn = e.on;
  },
  'co-department.withdrawn': (s, e) => {
    const gone = new Set(e.departments);
    s.coDepartments = s.coDepartments.filter((c) => !gone.has(c.department));
  },
};
