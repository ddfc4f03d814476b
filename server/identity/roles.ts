/**
 * The roles of Shenpi's users (approval domain, section 1). A user may hold several; department roles only
 * make sense together with a department.
 */

import { ROLES, type Role } from '../../contracts/vocabulary/roles.js';

export { ROLES, type Role };

/** Roles that require the user to belong to a department. */
export const DEPARTMENT_ROLES: ReadonlySet<Role> = new Set(['department-admin', 'department-staff']);

/** An authenticated user as routes and the permission policy see it. */
export interface AuthUser {
  /** The login name, also the actor id recorded on events and audit entries. */
  id: string;
  /** Real name (实名). */
  name: string;
  department?: string;
  /** The region of a service centre's staff (the reform office, supervision at a county …): their level's scope. */
  region?: string;
  roles: Role[];
  /** Step roles and candidate groups (reviewer, chief …) the user may work as. */
  groups: string[];
}

/** True when `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when the user holds `role`. */
export function hasRole(user: AuthUser, role: Role): boolean {
  return user.roles.includes(role);
}
