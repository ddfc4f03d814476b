/**
 * The special procedures (特别程序) that may suspend a clock (行政许可法 第45条), one list for the clocks that
 * pause on them, the API that reports them and the pages that name them, in catalog.json's order. The
 * extension (延长审批) is not one of them.
 */
export const SPECIAL_PROCEDURE_TYPES = [
  'HEARING', 'BID', 'AUCTION', 'INSPECT_TEST', 'APPRAISAL', 'EXPERT', 'PUBLIC_NOTICE', 'SITE_CHECK', 'APPLICANT_RECTIFY',
] as const;

/** A special procedure type. */
export type SpecialProcedureType = (typeof SPECIAL_PROCEDURE_TYPES)[number];
