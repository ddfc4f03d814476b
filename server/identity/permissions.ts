/**
 * The permission policy as a pure function over a table of rules: `can(user, action, resource)`. Routes
 * load the resource (a task's department and assignee, a case's departments and applicant), ask the policy,
 * and answer 403 with its reason when refused. No I/O here, so the whole matrix is testable as data.
 *
 * Two refusals come before any rule, because no role overrides them (approval domain, section 5: every
 * operation is attributed to a real-name user; nobody acts in another's name): a task assigned to someone
 * else is not claimed or completed, and nobody claims a task for another user.
 */
import { hasRole, type AuthUser, type Role } from './roles.js';

/** What a user may try to do. */
export type Action =
  | 'user.create'
  | 'user.list'
  | 'definition.deploy'
  | 'definition.list'
  | 'task.list'
  | 'task.read'
  | 'task.claim'
  | 'task.complete'
  | 'case.start'
  | 'case.read'
  | 'message.correlate'
  | 'clock.set'
  | 'audit.verify';

/** What the action is on, with the facts the rules look at. */
export type Resource =
  | { kind: 'user'; department?: string; roles?: readonly Role[] }
  | { kind: 'definition'; department?: string }
  | { kind: 'task'; department?: string; candidateGroups?: readonly string[]; assignee?: string; onBehalfOf?: string }
  | { kind: 'case'; departments: readonly string[]; applicant?: string }
  | { kind: 'system' };

/** The policy's answer; `reason` is shown to the client on refusal. */
export interface Decision {
  allowed: boolean;
  reason: string;
}

type Check = (user: AuthUser, resource: Resource) => boolean;

/** One line of the policy: `role` may do `action` when `when` holds. */
export interface PermissionRule {
  action: Action;
  role: Role;
  when: Check;
  /** Why the rule exists, in the words of the domain. */
  why: string;
}

const always: Check = () => true;

/** A department member works a task of their department, a task offered to one of their groups, or their own. */
const worksOn: Check = (user, r) => {
  if (r.kind !== 'task') return false;
  if (r.assignee !== undefined && r.assignee === user.id) return true;
  if (r.department !== undefined) return user.department !== undefined && r.department === user.department;
  return (r.candidateGroups ?? []).some((g) => user.groups.includes(g));
};

const inOwnDepartment: Check = (user, r) =>
  user.department !== undefined &&
  ((r.kind === 'case' && r.departments.includes(user.department)) ||
    ((r.kind === 'definition' || r.kind === 'user') && r.department === user.department));

/** Department admins create staff and admins of their own department, nothing else. */
const staffOfOwnDepartment: Check = (user, r) =>
  r.kind === 'user' && inOwnDepartment(user, r) && (r.roles ?? []).every((role) => role === 'department-staff' || role === 'department-admin');

const ownCase: Check = (user, r) => r.kind === 'case' && r.applicant !== undefined && r.applicant === user.id;

/** The policy. Anything not granted here is refused. */
export const PERMISSION_RULES: readonly PermissionRule[] = [
  { action: 'user.create', role: 'reform-office-admin', when: always, why: 'the reform office administers every account' },
  { action: 'user.create', role: 'department-admin', when: staffOfOwnDepartment, why: 'a department staffs its own steps' },
  { action: 'user.list', role: 'reform-office-admin', when: always, why: 'the reform office administers every account' },
  { action: 'user.list', role: 'auditor', when: always, why: 'supervision attributes every operation to a real-name user' },
  { action: 'user.list', role: 'department-admin', when: inOwnDepartment, why: 'a department sees its own staff' },
  { action: 'definition.deploy', role: 'reform-office-admin', when: always, why: 'the reform office publishes the item catalogue' },
  { action: 'definition.deploy', role: 'department-admin', when: inOwnDepartment, why: 'a department deploys the items it implements' },
  ...(['reform-office-admin', 'department-admin', 'department-staff', 'auditor', 'applicant'] as const).map(
    (role): PermissionRule => ({ action: 'definition.list', role, when: always, why: 'item flows are disclosed (两清单一图表)' }),
  ),
  ...(['reform-office-admin', 'department-admin', 'department-staff', 'auditor'] as const).map(
    (role): PermissionRule => ({ action: 'task.list', role, when: always, why: 'staff work an inbox; each row is filtered by task.read' }),
  ),
  { action: 'task.read', role: 'reform-office-admin', when: always, why: 'the reform office watches every step' },
  { action: 'task.read', role: 'auditor', when: always, why: 'supervision reads every step' },
  { action: 'task.read', role: 'department-admin', when: worksOn, why: "a department sees its own department's tasks" },
  { action: 'task.read', role: 'department-staff', when: worksOn, why: "a department sees its own department's tasks" },
  { action: 'task.claim', role: 'department-staff', when: worksOn, why: "staff take their own department's tasks" },
  { action: 'task.claim', role: 'department-admin', when: worksOn, why: "a department admin may work the department's tasks" },
  { action: 'task.complete', role: 'department-staff', when: worksOn, why: "staff complete their own department's tasks" },
  { action: 'task.complete', role: 'department-admin', when: worksOn, why: "a department admin may work the department's tasks" },
  { action: 'case.start', role: 'applicant', when: always, why: 'an applicant applies online in their own name' },
  { action: 'case.start', role: 'department-staff', when: always, why: 'a clerk enters a window application' },
  { action: 'case.start', role: 'reform-office-admin', when: always, why: 'the reform office runs training cases' },
  { action: 'case.read', role: 'reform-office-admin', when: always, why: 'the reform office watches every case' },
  { action: 'case.read', role: 'auditor', when: always, why: 'supervision reads every case' },
  { action: 'case.read', role: 'department-admin', when: inOwnDepartment, why: 'a department sees the cases it works on' },
  { action: 'case.read', role: 'department-staff', when: inOwnDepartment, why: 'a department sees the cases it works on' },
  { action: 'case.read', role: 'applicant', when: ownCase, why: 'an applicant follows their own cases' },
  { action: 'message.correlate', role: 'reform-office-admin', when: always, why: 'the reform office relays outside events' },
  { action: 'message.correlate', role: 'department-staff', when: inOwnDepartment, why: 'a department records outside events of its cases' },
  { action: 'message.correlate', role: 'department-admin', when: inOwnDepartment, why: 'a department records outside events of its cases' },
  { action: 'clock.set', role: 'reform-office-admin', when: always, why: 'only training deployments move the clock, run by the reform office' },
  { action: 'audit.verify', role: 'auditor', when: always, why: 'supervision checks the audit trail' },
  { action: 'audit.verify', role: 'reform-office-admin', when: always, why: 'the reform office answers for the platform' },
];

/** Refusals that hold whatever the role. */
function overriding(user: AuthUser, action: Action, r: Resource): string | undefined {
  if (r.kind !== 'task' || (action !== 'task.claim' && action !== 'task.complete')) return undefined;
  if (r.onBehalfOf !== undefined && r.onBehalfOf !== user.id) return `Nobody acts in another's name: '${user.id}' may not claim a task for '${r.onBehalfOf}'`;
  if (r.assignee !== undefined && r.assignee !== user.id) return `The task is assigned to '${r.assignee}', not to '${user.id}'`;
  return undefined;
}

function describe(r: Resource): string {
  switch (r.kind) {
    case 'task':
      return r.department ? `a task of department '${r.department}'` : 'this task';
    case 'case':
      return r.departments.length ? `a case of department(s) ${r.departments.map((d) => `'${d}'`).join(', ')}` : 'this case';
    case 'definition':
    case 'user':
      return r.department ? `${r.kind === 'user' ? 'a user' : 'a definition'} of department '${r.department}'` : `this ${r.kind}`;
    case 'system':
      return 'the system';
  }
}

/** Decides whether `user` may do `action` on `resource`. Pure; the same input always gives the same answer. */
export function can(user: AuthUser, action: Action, resource: Resource, rules: readonly PermissionRule[] = PERMISSION_RULES): Decision {
  const refused = overriding(user, action, resource);
  if (refused) return { allowed: false, reason: refused };
  const granted = rules.find((rule) => rule.action === action && hasRole(user, rule.role) && rule.when(user, resource));
  if (granted) return { allowed: true, reason: `${granted.role}: ${granted.why}` };
  return {
    allowed: false,
    reason: `No rule lets '${user.id}' (${user.roles.join(', ') || 'no role'}${user.department ? ` of '${user.department}'` : ''}) do ${action} on ${describe(resource)}`,
  };
}
