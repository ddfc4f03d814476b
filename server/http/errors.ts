/**
 * The error catalogue: every stable error code the HTTP API answers with, and its status. Expected outcomes
 * are values (architecture guide, principle 6): an engine rejection, a conflict, a refused definition or a
 * permission refusal becomes one JSON body `{ code, message, details }` with the status listed here. Codes
 * are part of the API contract: clients branch on `code`, never on `message`.
 */
import type { Finding as DefinitionFinding } from '../../definitions/findings.js';
import type { Json, Refusal, RefusalCode } from '../../engine/core/types.js';
import type { Finding as RuleFinding } from '../../rules/model.js';
import type { ApprovalRefusalCode } from '../../engine/approval/refusal.js';
import { APPROVAL_REJECTION_STATUS, CASE_SERVICE_STATUS, HEARING_REJECTION_STATUS } from './approval-codes.js';
import { AUTHORITY_STATUS } from './authority-codes.js';

/** Statuses of the engine's rejection codes. A new `RejectionCode` fails to compile until it is mapped. */
export const REJECTION_STATUS: Readonly<Record<RefusalCode, number>> = {
  CASE_ALREADY_STARTED: 409,
  CASE_NOT_STARTED: 404,
  CASE_NOT_ACTIVE: 409,
  CASE_SUSPENDED: 409,
  CASE_NOT_SUSPENDED: 409,
  TASK_NOT_FOUND: 404,
  TASK_NOT_ACTIVE: 409,
  // The core refuses completing someone else's task; for HTTP that is a permission matter.
  TASK_ASSIGNED_TO_OTHER: 403,
  TIMER_NOT_FOUND: 404,
  MESSAGE_NOT_EXPECTED: 409,
  START_EVENT_NOT_FOUND: 422,
  RETURN_TARGET_INVALID: 422,
  CALLED_DEFINITION_NOT_FOUND: 422,
  EXPRESSION_FAILED: 422,
  EVALUATION_BUDGET_EXCEEDED: 422,
  NO_FLOW_TAKEN: 422,
  UNHANDLED_ERROR: 422,
  INVALID_COMMAND: 422,
  // The operations on a task:
  TASK_DELEGATED: 409,
  TASK_NOT_DELEGATED: 409,
  TASK_WITH_SIGNER: 409,
  SIGNERS_INVALID: 422,
  SIGNER_NOT_REMOVABLE: 409,
  REJECT_RESUME_INVALID: 422,
  RECLAIM_NOT_ALLOWED: 409,
  NO_APPROVER: 422,
  SEPARATION_OF_DUTIES: 403,
};

/** Statuses of the server's own codes. */
export const SERVER_STATUS = {
  /** A request field failed its schema; `details.errors` lists each with its JSON path. */
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  /** No credentials were sent, or they were wrong. */
  UNAUTHENTICATED: 401,
  TOKEN_INVALID: 401,
  /** Authenticated, but the permission policy refuses; `details.reason` says which rule. */
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  /** The data moved on between read and write (optimistic concurrency), or a unique thing exists already. */
  CONFLICT: 409,
  /** A new record's id or code is taken; `details.field` names which, `details.taken` the value. */
  ID_TAKEN: 409,
  CLOCK_NOT_CONTROLLED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** A BPMN file was refused at deploy; `details.findings` names the element ids. */
  DEFINITION_INVALID: 422,
  /** A rule table was refused; `details.findings` names the rows and columns. */
  RULE_TABLE_INVALID: 422,
  /** An item package was refused; `details.findings` names the file and the element, row or field. */
  ITEM_INVALID: 422,
  /** Locality settings were refused; `details.field` names the first field refused, `details.problems` all. */
  SETTINGS_INVALID: 422,
  CALENDAR_INVALID: 422,
  /** An uploaded file is not of an accepted type (PDF, PNG, JPEG, OFD). */
  UPLOAD_TYPE_REFUSED: 415,
  /** A business rule refuses the request (e.g. a role a department admin may not grant). */
  BUSINESS_RULE: 422,
  /** The reform office deploys a definition whose steps name several departments without saying which implements it. */
  DEPARTMENT_REQUIRED: 422,
  /** The `Idempotency-Key` was used before, by this caller on this route and resource, with another body. */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** The first request with this `Idempotency-Key` is still running; ask again in a moment. */
  IDEMPOTENCY_KEY_IN_PROGRESS: 409,
  /** The request with this `Idempotency-Key` was carried out, but its answer was lost (a crash); read the resource. */
  IDEMPOTENCY_ANSWER_LOST: 409,
  /** A chosen password breaks the policy; `details.rule` is `length`, `user-id` or `common`. */
  PASSWORD_TOO_WEAK: 422,
  /** Changing one's password needs the current one, and the one sent is not it. */
  CURRENT_PASSWORD_WRONG: 403,
  /** The session's password was reset by an admin: only changing it (and logging out) is allowed. */
  PASSWORD_CHANGE_REQUIRED: 403,
  /** An organisation record names a region, department, position or user that does not exist; `details.field` names it. */
  ORG_REFERENCE_UNKNOWN: 422,
  /** A reform office at a county or township edits outside its region and the regions below it; `details.target` names what. */
  ORG_OUTSIDE_REGION: 403,
  /** A region's code is no city, county or township division code, or does not fit under its parent. */
  DIVISION_CODE_INVALID: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_READY: 503,
} as const;

/** A server-side code. */
export type ServerErrorCode = keyof typeof SERVER_STATUS;
/** Every code an error body may carry. */
export type ErrorCode = ServerErrorCode | RefusalCode | ApprovalRefusalCode | keyof typeof CASE_SERVICE_STATUS;

/** A refusal code nobody mapped yet is a business rule (422), never a 500. */
const UNMAPPED_REFUSAL = 422;

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ErrorCode | string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * The HTTP status of a code. A refusal code outside every table can only come from a newer rejection of the
 * case lifecycle: an expected business-rule refusal, 422, never a 500.
 */
export function statusOf(code: ErrorCode | string): number {
  for (const table of [SERVER_STATUS, REJECTION_STATUS, APPROVAL_REJECTION_STATUS, HEARING_REJECTION_STATUS, CASE_SERVICE_STATUS, AUTHORITY_STATUS] as Array<Readonly<Record<string, number>>>) {
    if (Object.hasOwn(table, code)) return table[code]!;
  }
  return UNMAPPED_REFUSAL;
}

/** An expected failure of a request, thrown by routes and mapped by the error handler. */
export class ApiError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode | string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusOf(code);
  }

  /** The response body. */
  toBody(): ErrorBody {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}

/** An engine, lifecycle or case-service refusal as an API error, keeping its details. */
export function fromRefusal(refusal: Refusal<string> | { code: string; message: string; details?: Record<string, Json> }): ApiError {
  return new ApiError(refusal.code, refusal.message, refusal.details as Record<string, Json> | undefined);
}

/** A refused BPMN file: 422 with every finding (element id, rule, message, severity). */
export function definitionRefused(findings: readonly DefinitionFinding[]): ApiError {
  const errors = findings.filter((f) => f.severity === 'error');
  const first = errors[0];
  const where = first ? (first.id ? ` at element '${first.id}'` : '') + `: ${first.message}` : '';
  return new ApiError('DEFINITION_INVALID', `Expected a deployable BPMN definition, but ${errors.length} finding(s) refuse it${where}`, {
    findings: findings.map((f) => ({ ...f })),
  });
}

/** A refused rule table: 422 with its findings (table, row, column, JSON path). */
export function ruleTableRefused(findings: readonly RuleFinding[]): ApiError {
  return new ApiError('RULE_TABLE_INVALID', `Expected a valid rule table, but ${findings.length} finding(s) refuse it`, {
    findings: findings.map((f) => ({ ...f })),
  });
}

/** 404 for a thing that does not exist or that the caller may not know exists. */
export function notFound(what: string): ApiError {
  return new ApiError('NOT_FOUND', `Expected ${what} to exist, but there is none`);
}
