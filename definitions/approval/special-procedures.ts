/**
 * The special procedure (特别程序) a step may be, by the one list of kinds the clocks know
 * (`engine/clocks/special-procedures.ts`, the codes of catalog.json `specialProcedureTypes_engine`), and whether
 * its time counts toward the statutory and the promised limit by default. 行政许可法 第45条: time for hearing,
 * tendering, auction, inspection, testing, quarantine, appraisal and expert review is not counted; site
 * inspection is not on that list, so it counts unless the item says otherwise. The extension (第42条) is not a
 * step: it lengthens the limit instead of pausing it.
 */
import { SPECIAL_PROCEDURE_DEFAULTS, SPECIAL_PROCEDURE_TYPES, isSpecialProcedureType } from '../../engine/clocks/special-procedures.js';

/** The kinds with a default; other kinds must state both flags explicitly. */
export { SPECIAL_PROCEDURE_TYPES };

/** The default of `countsTowardStatutory` (a pause of the statutory clock means it does not count); undefined for an unknown kind. */
export function defaultCounting(kind: string): boolean | undefined {
  return isSpecialProcedureType(kind) ? !SPECIAL_PROCEDURE_DEFAULTS[kind].statutory : undefined;
}
