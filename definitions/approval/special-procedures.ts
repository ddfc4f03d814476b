/**
 * Special procedures (特别程序) and whether their time counts toward the statutory and the promised limit.
 * Administrative Licensing Law art. 45: time for hearing, tendering, auction, inspection, testing,
 * quarantine, appraisal and expert review is not counted in the statutory limit. Site inspection is not on
 * that list, so it counts unless the item says otherwise; the promised limit follows the statutory default.
 */
const NOT_COUNTED_BY_ART_45 = [
  'HEARING',
  'TENDER',
  'AUCTION',
  'INSPECTION',
  'TESTING',
  'QUARANTINE',
  'APPRAISAL',
  'EXPERT',
] as const;

const COUNTED = ['SITE_CHECK', 'PUBLICITY', 'EXTENSION'] as const;

/** Every special procedure kind with a default; other kinds must state both flags explicitly. */
export const SPECIAL_PROCEDURE_KINDS: readonly string[] = [...NOT_COUNTED_BY_ART_45, ...COUNTED];

/** The default of `countsTowardStatutory` and `countsTowardPromised` for a known kind; undefined otherwise. */
export function defaultCounting(kind: string): boolean | undefined {
  if ((NOT_COUNTED_BY_ART_45 as readonly string[]).includes(kind)) return false;
  if ((COUNTED as readonly string[]).includes(kind)) return true;
  return undefined;
}
