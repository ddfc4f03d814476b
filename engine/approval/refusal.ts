/**
 * Expected refusals of approval commands: values with a stable code and an "Expected …, but …" message.
 * Refusals decided by the legal clocks keep their code, written in upper snake case
 * (`extension.over-cap` -> `EXTENSION_OVER_CAP`).
 */
import type { Json, Refusal, RefusalCode } from '../core/types.js';

/** The stable codes of lifecycle refusals. */
export type ApprovalRefusalCode =
  | 'CASE_ALREADY_APPLIED'
  | 'CASE_NOT_APPLIED'
  | 'WRONG_PHASE'
  | 'ACTOR_REQUIRED'
  | 'NOT_THE_APPLICANT'
  // The operations on a task:
  | 'URGE_LIMIT_REACHED'
  | 'COPY_RECIPIENTS_REQUIRED'
  | 'WITHDRAW_TOO_LATE'
  | 'REJECT_AFTER_DECISION'
  | 'NOTHING_TO_REVOKE'
  | 'CORRECTION_ALREADY_REQUESTED'
  | 'DEFINITION_MISMATCH'
  | 'PRE_ACCEPTANCE_WINDOW_LAPSED'
  | 'MATERIALS_MISSING'
  | 'MATERIAL_NOT_DEFERRABLE'
  | 'REASONS_REQUIRED'
  | 'SPECIAL_PROCEDURE_OPEN'
  | 'SPECIAL_PROCEDURE_NOT_ALLOWED'
  | 'EXTENSION_NOT_ALLOWED'
  | 'DECISION_ALREADY_MADE'
  | 'INVALID_OUTCOME'
  | 'REFUSAL_WITHOUT_REASONS'
  | 'PAYMENT_MISSING'
  | 'PAYMENT_INVALID'
  | 'CERTIFICATE_MISSING'
  | 'CERTIFICATE_NOT_ALLOWED'
  | 'DELIVERY_INVALID'
  | 'EVALUATION_INVALID'
  | 'EVALUATION_NOT_INVITED'
  | 'RECTIFICATION_NOT_OPEN'
  // Decided by engine/clocks:
  | 'CORRECTION_NOTICE_EMPTY'
  | 'CORRECTION_NOTICE_WINDOW_LAPSED'
  | 'CORRECTION_NOTICE_NEW_ITEMS'
  | 'CORRECTION_NOTICE_REASON_REQUIRED'
  | 'SPECIAL_PROCEDURE_DUPLICATE'
  | 'SPECIAL_PROCEDURE_NOTICE_INCOMPLETE'
  | 'SPECIAL_PROCEDURE_UNKNOWN'
  | 'SPECIAL_PROCEDURE_ALREADY_ENDED'
  | 'SPECIAL_PROCEDURE_END_BEFORE_START'
  | 'EXTENSION_ALREADY_GRANTED'
  | 'EXTENSION_UNIT'
  | 'EXTENSION_OVER_CAP'
  | 'EXTENSION_APPROVER_ROLE'
  | 'EXTENSION_REASON_REQUIRED'
  | 'EXTENSION_LIMIT_EXPIRED';

/**
 * The refusals of the hearing commands (行政许可法 第47条, 第48条), in a list of their own; the HTTP layer maps
 * each to a status in a table that, like the lifecycle's, fails to compile until every code has one.
 */
export type HearingRefusalCode =
  | 'HEARING_ALREADY_NOTIFIED'
  | 'HEARING_NOT_NOTIFIED'
  | 'HEARING_NOT_A_PARTY'
  | 'HEARING_ALREADY_REQUESTED'
  | 'HEARING_NOT_REQUESTED'
  | 'HEARING_PLACE_REQUIRED'
  | 'HEARING_NOT_SCHEDULED'
  | 'HEARING_NOT_ON_NOTIFIED_DAY'
  | 'HEARING_ALREADY_HELD'
  | 'HEARING_WAIVED'
  | 'HEARING_ALREADY_ENDED'
  // Decided by engine/clocks:
  | 'HEARING_REQUEST_LATE'
  | 'HEARING_NOTICE_TOO_LATE'
  | 'HEARING_BEYOND_LIMIT';

/** A refusal of an approval command: the core's shape, with the lifecycle codes added. */
export interface ApprovalRefusal extends Omit<Refusal, 'code'> {
  code: RefusalCode | ApprovalRefusalCode | HearingRefusalCode;
  details?: Record<string, Json>;
}

/** Thrown inside a step to refuse the command; `approvalStep` turns it into a value. */
export class ApprovalRefusalError extends Error {
  constructor(readonly refusal: ApprovalRefusal) {
    super(refusal.message);
  }
}

/** Refuses the command being stepped. */
export function refuse(code: ApprovalRefusal['code'], message: string, details?: Record<string, Json>): never {
  throw new ApprovalRefusalError({ code, message, ...(details ? { details } : {}) });
}

/** The lifecycle code of a refusal decided by engine/clocks (`extension.over-cap` -> `EXTENSION_OVER_CAP`). */
export function clockCode(code: string): ApprovalRefusalCode | HearingRefusalCode {
  return code.replace(/[.-]/g, '_').toUpperCase() as ApprovalRefusalCode | HearingRefusalCode;
}
