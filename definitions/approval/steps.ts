/**
 * The stages (`approval:stage`) and the roles (`approval:role`) a step of the catalogue's items is given, each
 * one list, so the modeler offers them by their display names (`stage.<id>`, `role.<id>` in the modeler's
 * dictionary) while the diagram keeps the id. A role is matched against the roles of the user who works the
 * step; an item may name another one, which the modeler shows as it is.
 */

/**
 * The shape of a stage or role id: lower-case letters, digits and hyphens, starting with a letter
 * (`site-check`, `licence-archivist`). Deploy checks a stage against it (read-approval.ts); the modeler checks a
 * role of a city's own against it too, so a typed role reads like the listed ones.
 */
export const STEP_ID_PATTERN = /^[a-z][a-z0-9-]*$/;

/** The stages of a step, in the order a case usually meets them. */
export const STEP_STAGES = ['accept', 'pre-review', 'register', 'review', 'site-check', 'expert-review', 'joint-review', 'publicity', 'decide', 'issue'] as const;
/** One of `STEP_STAGES`. */
export type StepStage = (typeof STEP_STAGES)[number];

/** The roles that work the catalogue's steps. */
export const STEP_ROLES = [
  'clerk', 'window-clerk', 'registrar', 'office', 'reviewer', 'inspector', 'health-inspector', 'fire-inspector', 'police-officer',
  'assessment-centre', 'approval-section', 'recorder', 'registration-reviewer', 'registration-approver', 'section-chief',
  'deputy-director', 'issuer',
] as const;
/** One of `STEP_ROLES`. */
export type StepRole = (typeof STEP_ROLES)[number];
