/** The platform roles of Shenpi's users: one list for the accounts, the permission policy, the API and the pages. */

/** Every role, in the order the API lists them. */
export const ROLES = ['reform-office-admin', 'department-admin', 'department-staff', 'applicant', 'auditor'] as const;

/** A role: reform office (审改办) administrator, department administrator or staff, applicant, auditor (监察). */
export type Role = (typeof ROLES)[number];
