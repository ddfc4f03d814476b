/** Appliers of 催办, 抄送 and the withdrawal of the joint branches by a return. */
import type { Appliers } from './applier.js';

type Operations = 'task.urged' | 'task.copied' | 'co-department.withdrawn';

export const operationAppliers: Appliers<Operations> = {
  'task.urged': (s, e) => {
    (s.urges ??= []).push(structuredClone(e.urge));
  },
  'task.copied': (s, e) => {
    (s.copies ??= []).push(structuredClone(e.copy));
  },
  'co-department.withdrawn': (s, e) => {
    const gone = new Set(e.departments);
    s.coDepartments = s.coDepartments.filter((c) => !gone.has(c.department));
  },
};
