/**
 * Statuses of the approval lifecycle's rejection codes (`engine/approval`) and of the case service's own
 * refusals, so that case routes answer through the same catalogue as everything else. The approval record
 * is exhaustive: a new lifecycle code fails to compile until it is given a status here.
 */
import type { ApprovalRefusalCode, HearingRefusalCode } from '../../engine/approval/refusal.js';

/** 409 when the case is in the wrong state for the command; 422 when the request breaks a rule; 403 for identity. */
/**
 * The hearing commands (行政许可法 第47条, 第48条): 409 when the hearing is in the wrong state for the command,
 * 422 when a date breaks the law's limits or a field is missing, 403 when the requester is not a party.
 */
export const HEARING_REJECTION_STATUS: Readonly<Record<HearingRefusalCode, number>> = {
  HEARING_ALREADY_NOTIFIED: 409,
  HEARING_NOT_NOTIFIED: 409,
  HEARING_NOT_A_PARTY: 403,
  HEARING_ALREADY_REQUESTED: 409,
  HEARING_NOT_REQUESTED: 409,
  HEARING_PLACE_REQUIRED: 422,
  HEARING_NOT_SCHEDULED: 409,
  HEARING_NOT_ON_NOTIFIED_DAY: 422,
  HEARING_ALREADY_HELD: 409,
  HEARING_WAIVED: 409,
  HEARING_ALREADY_ENDED: 409,
  HEARING_REQUEST_LATE: 422,
  HEARING_NOTICE_TOO_LATE: 422,
  HEARING_BEYOND_LIMIT: 422,
};

export const APPROVAL_REJECTION_STATUS: Readonly<Record<ApprovalRefusalCode, number>> = {
  CASE_ALREADY_APPLIED: 409,
  CASE_NOT_APPLIED: 404,
  WRONG_PHASE: 409,
  ACTOR_REQUIRED: 422,
  NOT_THE_APPLICANT: 403,
  URGE_LIMIT_REACHED: 409,
  COPY_RECIPIENTS_REQUIRED: 422,
  WITHDRAW_TOO_LATE: 409,
  CORRECTION_ALREADY_REQUESTED: 409,
  REJECT_AFTER_DECISION: 409,
  NOTHING_TO_REVOKE: 409,
  DEFINITION_MISMATCH: 409,
  PRE_ACCEPTANCE_WINDOW_LAPSED: 409,
  MATERIALS_MISSING: 422,
  MATERIAL_NOT_DEFERRABLE: 422,
  REASONS_REQUIRED: 422,
  SPECIAL_PROCEDURE_OPEN: 409,
  SPECIAL_PROCEDURE_NOT_ALLOWED: 422,
  EXTENSION_NOT_ALLOWED: 422,
  DECISION_ALREADY_MADE: 409,
  INVALID_OUTCOME: 422,
  REFUSAL_WITHOUT_REASONS: 422,
  PAYMENT_MISSING: 422,
  PAYMENT_INVALID: 422,
  CERTIFICATE_MISSING: 422,
  CERTIFICATE_NOT_ALLOWED: 422,
  DELIVERY_INVALID: 422,
  EVALUATION_INVALID: 422,
  EVALUATION_NOT_INVITED: 409,
  RECTIFICATION_NOT_OPEN: 409,
  CORRECTION_NOTICE_EMPTY: 422,
  // Art. 32: after the window the application is deemed accepted; a notice is no longer possible.
  CORRECTION_NOTICE_WINDOW_LAPSED: 409,
  // One notice, listing everything: a second one asking for something new is refused.
  CORRECTION_NOTICE_NEW_ITEMS: 422,
  CORRECTION_NOTICE_REASON_REQUIRED: 422,
  SPECIAL_PROCEDURE_DUPLICATE: 409,
  SPECIAL_PROCEDURE_NOTICE_INCOMPLETE: 422,
  SPECIAL_PROCEDURE_UNKNOWN: 404,
  SPECIAL_PROCEDURE_ALREADY_ENDED: 409,
  SPECIAL_PROCEDURE_END_BEFORE_START: 422,
  // Art. 42: one extension only, by the head of the agency.
  EXTENSION_ALREADY_GRANTED: 409,
  EXTENSION_UNIT: 422,
  EXTENSION_OVER_CAP: 422,
  EXTENSION_APPROVER_ROLE: 403,
  EXTENSION_REASON_REQUIRED: 422,
  EXTENSION_LIMIT_EXPIRED: 409,
};

/** The case service's own refusals (`server/cases`). */
export const CASE_SERVICE_STATUS = {
  ITEM_NOT_AVAILABLE: 404,
  FACTS_INVALID: 422,
  UNKNOWN_MATERIAL: 422,
  CASE_NOT_FOUND: 404,
} as const;
