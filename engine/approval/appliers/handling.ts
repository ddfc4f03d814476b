/** Appliers of the handling events: deadlines, special procedures, extension, joint branches, step clocks, decision. */
import { actorId, type Appliers } from './applier.js';

type Handling =
  | 'deadlines.computed' | 'special-procedure.started' | 'special-procedure.ended' | 'extension.approved'
  | 'co-department.started' | 'co-department.completed' | 'case.decided' | 'case.concluded' | 'case.revoked'
  | 'step-clock.started' | 'step-clock.stopped';

export const handlingAppliers: Appliers<Handling> = {
  'deadlines.computed': (s, e) => {
    s.deadlines = structuredClone(e.deadlines);
  },
  'special-procedure.started': (s, e) => {
    s.ledger.push(structuredClone(e.entry));
  },
  'special-procedure.ended': (s, e) => {
    s.ledger = s.ledger.map((entry) => (entry.id === e.entry.id ? structuredClone(e.entry) : entry));
  },
  'extension.approved': (s, e) => {
    s.extension = structuredClone(e.granted);
  },
  'co-department.started': (s, e) => {
    s.coDepartments.push({ department: e.department, taskId: e.taskId, startedAt: e.at });
  },
  'co-department.completed': (s, e) => {
    const branch = s.coDepartments.find((c) => c.department === e.department && c.completedAt === undefined);
    if (!branch) throw new Error(`No open branch of co-department '${e.department}' in case '${s.caseNo}'`);
    branch.completedAt = e.at;
    branch.outcome = e.outcome;
    if (e.opinion !== undefined) branch.opinion = e.opinion;
  },
  'step-clock.started': (s, e) => {
    (s.steps ??= []).push({ step: e.step, taskId: e.taskId, ...(e.department !== undefined ? { department: e.department } : {}), startedAt: e.at });
  },
  'step-clock.stopped': (s, e) => {
    const run = s.steps?.find((r) => r.taskId === e.taskId && r.endedAt === undefined);
    if (!run) throw new Error(`No running step clock of task '${e.taskId}' in case '${s.caseNo}'`);
    run.endedAt = e.at;
  },
  'case.decided': (s, e) => {
    s.decision = structuredClone(e.decision);
    if (s.deadlines) s.deadlines.delivery = structuredClone(e.delivery);
  },
  'case.concluded': (s, e) => {
    s.phase = 'concluded';
    s.concludedAt = e.at;
  },
  'case.revoked': (s, e) => {
    s.revocation = { at: e.at, by: actorId(e), reason: e.reason, basis: e.basis };
    s.phase = 'revoked';
  },
};
