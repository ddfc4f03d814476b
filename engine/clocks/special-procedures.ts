/**
 * Which special procedures (特别程序) pause which clock. The defaults follow 行政许可法 第45条: hearing,
 * tendering, auction, inspection, testing, quarantine, appraisal and expert review are not counted toward the
 * limit. Site inspection is not on that list, so it counts unless an item excludes it from its promised limit.
 * Codes follow catalog.json `codeLists.specialProcedureTypes_engine`; extension (EXT) is not a suspension and
 * lives in `extension.ts`.
 */
import { SPECIAL_PROCEDURE_TYPES, type SpecialProcedureType } from '../../contracts/vocabulary/special-procedures.js';
import { ARTICLES } from './articles.js';

// The one list lives in contracts/vocabulary, shared with the API and the pages.
export { SPECIAL_PROCEDURE_TYPES, type SpecialProcedureType };

/** The two clocks a case runs. */
export type ClockKind = 'statutory' | 'promised';

/** Whether a procedure pauses each clock, and why. */
export interface PauseRule {
  readonly statutory: boolean;
  readonly promised: boolean;
  readonly basis: string;
}

const ART45: PauseRule = { statutory: true, promised: true, basis: ARTICLES.notCounted };

/** The default pause rule of each type. */
export const SPECIAL_PROCEDURE_DEFAULTS: Readonly<Record<SpecialProcedureType, PauseRule>> = {
  HEARING: ART45,
  BID: ART45,
  AUCTION: ART45,
  INSPECT_TEST: ART45,
  APPRAISAL: ART45,
  EXPERT: ART45,
  PUBLIC_NOTICE: {
    statutory: true,
    promised: true,
    basis: 'only where a specific law or regulation excludes it (e.g. 不动产登记 公告时间不计入时限)',
  },
  SITE_CHECK: {
    statutory: false,
    promised: false,
    basis: 'not in the list of 行政许可法第45条: counts unless the item excludes it from its promised limit',
  },
  APPLICANT_RECTIFY: {
    statutory: false,
    promised: false,
    basis: "counts unless the item's regulation allows it to be excluded",
  },
};

/** An item's own settings, e.g. `{ SITE_CHECK: { promised: true, basis: '…市规定' } }`. */
export type ItemPauseOverrides = Partial<
  Record<SpecialProcedureType, { statutory?: boolean; promised?: boolean; basis?: string }>
>;

/** True when `code` is a known special procedure type. */
export function isSpecialProcedureType(code: string): code is SpecialProcedureType {
  return Object.prototype.hasOwnProperty.call(SPECIAL_PROCEDURE_DEFAULTS, code);
}

/** The pause rule of a type for an item: the default, with the item's overrides applied. */
export function pauseRuleFor(type: SpecialProcedureType, overrides: ItemPauseOverrides = {}): PauseRule {
  const base = SPECIAL_PROCEDURE_DEFAULTS[type];
  const own = overrides[type];
  if (!own) return base;
  return {
    statutory: own.statutory ?? base.statutory,
    promised: own.promised ?? base.promised,
    basis: own.basis ?? base.basis,
  };
}
