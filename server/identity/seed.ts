/**
 * First-start accounts: the `admin` of the reform office, and optionally one demo user per role for each
 * department, so a fresh installation can be tried at once. The list of departments is an argument: the
 * sample items feed in the departments they name.
 */
import { generatePassword } from './passwords.js';
import type { IdType } from './real-name.js';
import type { Role } from './roles.js';
import type { UserDirectory } from './users.js';

/** A department to create demo users for: `department` as the definitions spell it, `slug` for user ids. */
export interface DemoDepartment {
  department: string;
  slug: string;
  /** Step roles and candidate groups the department's staff work as (reviewer, chief …). */
  groups?: string[];
  /** Further roles of the department's admin only, e.g. `agency-head`, who approves an extension. */
  adminGroups?: string[];
}

/** The department the plain BPMN examples use, when no item names others. */
export const DEFAULT_DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { department: 'market-supervision', slug: 'market', groups: ['clerk', 'reviewer', 'chief'] },
];

/** An account created by the seeding, with the password to tell the operator once. */
export interface SeededAccount {
  id: string;
  roles: Role[];
  department?: string;
  password: string;
  generated: boolean;
}

/**
 * Creates `admin` when the directory is empty; returns it (with its password) so the caller prints it once.
 * Returns undefined when users exist already: a restart never resets a password.
 */
export async function seedAdmin(users: UserDirectory, options: { password?: string; at: string }): Promise<SeededAccount | undefined> {
  if ((await users.count()) > 0) return undefined;
  const password = options.password ?? generatePassword();
  await users.create({ id: 'admin', name: '系统管理员', roles: ['reform-office-admin'], password }, options.at, 'system:first-start');
  return { id: 'admin', roles: ['reform-office-admin'], password, generated: options.password === undefined };
}

/**
 * Creates the demo users that do not exist yet: per department `<slug>-admin`, `<slug>-staff` (a clerk, 科员)
 * and `<slug>-chief` (the section chief, 科长), plus one
 * `applicant` and one `auditor`. All share `password` (generated when absent). Idempotent: existing ids are
 * left untouched, so it can run again when sample items add departments.
 */
export async function seedDemoUsers(
  users: UserDirectory,
  departments: readonly DemoDepartment[],
  options: { password?: string; at: string },
): Promise<SeededAccount[]> {
  const password = options.password ?? generatePassword();
  const wanted: Array<{ id: string; name: string; roles: Role[]; department?: string; groups?: string[]; idType?: IdType; idNumber?: string }> = [
    ...departments.flatMap((d) => [
      { id: `${d.slug}-admin`, name: `${d.department} 管理员`, roles: ['department-admin' as Role], department: d.department, groups: [...new Set([...(d.groups ?? []), ...(d.adminGroups ?? [])])] },
      { id: `${d.slug}-staff`, name: `${d.department} 工作人员`, roles: ['department-staff' as Role], department: d.department, groups: d.groups },
      // The section chief (科长) above the clerk, so a transfer or a leader-chain step can be tried at once.
      { id: `${d.slug}-chief`, name: `${d.department} 科长`, roles: ['department-staff' as Role], department: d.department, groups: d.groups },
    ]),
    // A real-name record, from which an online application takes the applicant's name and ID number.
    { id: 'applicant', name: '张三', roles: ['applicant'], idType: 'RESIDENT_ID', idNumber: '110101199003071234' },
    { id: 'auditor', name: '电子监察员', roles: ['auditor'] },
  ];
  const created: SeededAccount[] = [];
  for (const user of wanted) {
    if (await users.get(user.id)) continue;
    await users.create({ ...user, password }, options.at, 'system:first-start');
    created.push({ id: user.id, roles: user.roles, department: user.department, password, generated: options.password === undefined });
  }
  return created;
}
