/**
 * Statuses of the authority refusals: who may work a step, who may apply for whom, who may deploy what.
 * 403 when the caller lacks the authority; 422 when a required identity field is missing.
 */
import { STEP_AUTHORITY_STATUS } from '../identity/step-authority.js';

export const AUTHORITY_STATUS: Readonly<Record<string, number>> = {
  ...STEP_AUTHORITY_STATUS,
  /** An online applicant's account has no real-name record (name, ID type, ID number). */
  REAL_NAME_REQUIRED: 403,
  /** The body names an applicant or agent identity other than the account's real-name record. */
  IDENTITY_NOT_OWN: 403,
  /** An agent application without the power of attorney (授权委托书) material. */
  MANDATE_MISSING: 403,
  /** The item lists no power-of-attorney material, so nobody may apply for it as an agent. */
  MANDATE_NOT_ACCEPTED: 403,
  /** The principal's identity (name, ID type, ID number) is missing from an agent or window application. */
  PRINCIPAL_IDENTITY_REQUIRED: 422,
  /** The principal named has an account whose real-name record differs from the identity given. */
  PRINCIPAL_IDENTITY_MISMATCH: 403,
  /** A fact the server derives (byAgent) was sent with a value contradicting the channel. */
  FACT_DERIVED: 422,
  /** A department admin's definition or item package puts a task in another department. */
  DEPLOY_FOREIGN_DEPARTMENT: 403,
  /** A department admin's definition has a user task that names no department or candidate. */
  DEPLOY_DEPARTMENT_REQUIRED: 403,
  /** A department admin deploys an item code the reform office has not reserved for the department. */
  ITEM_CODE_NOT_RESERVED: 403,
  /** The item code is reserved for, or implemented by, another department. */
  ITEM_CODE_RESERVED_ELSEWHERE: 403,
};
