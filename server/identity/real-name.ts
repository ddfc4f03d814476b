/**
 * The real-name record (实名) of an account or of a person named in an application: name, ID type and ID
 * number. Online, the applicant's identity is the account's record, never what a form says; an agent's
 * principal and a window applicant are identified by the identity document they present.
 */

import { ID_TYPES, type IdType } from '../../contracts/vocabulary/id-types.js';

export { ID_TYPES, type IdType };

/** A real-name identity. */
export interface RealName {
  name: string;
  idType: IdType;
  idNumber: string;
}

const FORMS: Readonly<Record<IdType, RegExp>> = {
  // GB 11643: 17 digits and a check character (digit or X).
  RESIDENT_ID: /^[0-9]{17}[0-9X]$/,
  // GB 32100: 18 characters of the code's alphabet (no I, O, Z, S, V).
  USCC: /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
  PASSPORT: /^[0-9A-Z]{5,17}$/,
  HK_MACAO_PERMIT: /^[HM][0-9]{8,10}$/,
  TAIWAN_PERMIT: /^[0-9]{8,10}$/,
  FOREIGN_PERMANENT_ID: /^[0-9A-Z]{15,18}$/,
};

/** True when `value` names an ID type. */
export function isIdType(value: unknown): value is IdType {
  return typeof value === 'string' && (ID_TYPES as readonly string[]).includes(value);
}

/** The ID number as stored and compared: trimmed, upper case. */
export function normalIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** Why `idNumber` is not a number of `idType`, if it is not. */
export function idNumberProblem(idType: IdType, idNumber: string): string | undefined {
  return FORMS[idType].test(normalIdNumber(idNumber)) ? undefined : `Expected an ID number of type ${idType}, but '${idNumber}' is not one`;
}

/** True when two identities name the same person: the same name, ID type and ID number. */
export function sameIdentity(a: RealName, b: RealName): boolean {
  return a.name.trim() === b.name.trim() && a.idType === b.idType && normalIdNumber(a.idNumber) === normalIdNumber(b.idNumber);
}
