/** Appliers of the intake events: application, correction, acceptance, non-acceptance, withdrawal. */
import { actorId, type Appliers } from './applier.js';

type Intake = 'correction.notified' | 'correction.supplied' | 'case.accepted' | 'case.rejected' | 'handling.started' | 'case.withdrawn';

export const intakeAppliers: Appliers<Intake> = {
  'correction.notified': (s, e) => {
    s.corrections.push(structuredClone(e.notice));
    s.phase = 'correcting';
    delete s.window;
  },
  'correction.supplied': (s, e) => {
    const notice = s.corrections.find((c) => c.no === e.no);
    if (notice) notice.suppliedAt = e.at;
    // A material supplied again replaces the earlier one of the same id.
    const supplied = new Set(e.materials.map((m) => m.material));
    s.materials = [...s.materials.filter((m) => !supplied.has(m.material)), ...structuredClone(e.materials)];
    s.window = structuredClone(e.window);
    s.windows += 1;
    s.phase = 'received';
  },
  'case.accepted': (s, e) => {
    s.acceptance = structuredClone(e.acceptance);
    delete s.window;
  },
  'case.rejected': (s, e) => {
    s.rejection = { at: e.at, on: e.rejectedOn, by: actorId(e), reasons: structuredClone(e.reasons) };
    s.phase = 'rejected';
    delete s.window;
  },
  'handling.started': (s) => {
    s.phase = 'handling';
  },
  'case.withdrawn': (s, e) => {
    s.withdrawal = { at: e.at, by: actorId(e), reason: e.reason };
    s.phase = 'withdrawn';
    delete s.window;
  },
};
