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
import { stepAuthority, stepDepartment } from './step-authority.js';

/** What a user may try to do. */
export type Action =
  | 'user.create'
  | 'user.list'
  | 'user.manage'
  | 'org.read'
  | 'org.manage'
  | 'definition.deploy'
  | 'definition.list'
  | 'task.list'
  | 'task.read'
  | 'task.claim'
  | 'task.complete'
  // The operations on a task: the holder's (转办, 委派, 加签/减签, 驳回, 抄送), the delegate's, the previous approver's.
  | 'task.operate'
  | 'task.resolve'
  | 'task.reclaim'
  | 'task.urge'
  | 'copy.list'
  | 'notification.read'
  | 'case.start'
  | 'case.read'
  | 'message.correlate'
  | 'clock.set'
  | 'audit.verify'
  | 'item.read'
  | 'item.deploy'
  | 'item.reserve'
  | 'item.reservations'
  | 'case.apply'
  | 'case.list'
  | 'case.intake'
  | 'case.handle'
  | 'case.supply'
  | 'case.pay'
  | 'case.withdraw'
  | 'case.evaluate'
  | 'case.revoke'
  | 'supervision.read'
  | 'supervision.respond'
  | 'supervision.sweep'
  | 'report.read'
  | 'settings.read'
  | 'settings.write';

/** What the action is on, with the facts the rules look at. */
export type Resource =
  | { kind: 'user'; department?: string; roles?: readonly Role[] }
  | { kind: 'definition'; department?: string }
  | {
      kind: 'task';
      department?: string;
      candidateGroups?: readonly string[];
      assignee?: string;
      onBehalfOf?: string;
      /** The task and its element, named in a refusal; with them, claim and complete check the step's authority. */
      taskId?: string;
      elementId?: string;
      /** `approval:role` of the step. */
      role?: string;
      /** The department owning the definition, for a step that names no department. */
      owner?: string;
      /** The users the step's candidate rule resolved to. */
      candidates?: readonly string[];
    }
  | {
      kind: 'case';
      /** Every department that works on the case: the lead (implementing) department and the co-departments. */
      departments: readonly string[];
      /** The implementing department, which receives, accepts and issues (一门受理, 统一发证). */
      lead?: string;
      applicant?: string;
      agent?: string;
      channel?: string;
      /** The staff member who entered a window application. */
      starter?: string;
      /** The applicant named in an application, when it is not the caller. */
      onBehalfOf?: string;
    }
  | { kind: 'item'; department?: string }
  | { kind: 'supervision'; department?: string }
  | { kind: 'system' };

/** The policy's answer; `reason` is shown to the client on refusal, with `code` when a specific rule refused. */
export interface Decision {
  allowed: boolean;
  reason: string;
  code?: string;
  details?: Record<string, unknown>;
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

/**
 * A department member sees the tasks of their department (the step's, else the definition owner's), and
 * their own. Groups never reach across departments; which member may work a step is `stepAuthority`.
 */
const worksOn: Check = (user, r) => {
  if (r.kind !== 'task') return false;
  if (r.assignee !== undefined && r.assignee === user.id) return true;
  const department = stepDepartment(r);
  return department !== undefined && user.department !== undefined && department === user.department;
};

/**
 * 催办 by a department: a step of the caller's department that a colleague holds. An unclaimed step has
 * nobody to remind (its department's staff claim it, 签收), and nobody urges their own task.
 */
const urgesColleague: Check = (user, r) => {
  if (r.kind !== 'task' || r.assignee === undefined || r.assignee === user.id) return false;
  const department = stepDepartment(r);
  return department !== undefined && user.department !== undefined && department === user.department;
};

/** The task is with the caller: its assignee (a completed task: the one who completed it). */
const holdsTask: Check = (user, r) => r.kind === 'task' && r.assignee !== undefined && r.assignee === user.id;

const inOwnDepartment: Check = (user, r) =>
  user.department !== undefined &&
  ((r.kind === 'case' && r.departments.includes(user.department)) ||
    ((r.kind === 'definition' || r.kind === 'user' || r.kind === 'item' || r.kind === 'supervision') && r.department === user.department));

/** The lead department of a case: it receives and accepts once and issues once. */
const leadOfCase: Check = (user, r) => r.kind === 'case' && user.department !== undefined && r.lead === user.department;

/** A window application: the lead department's clerk hands in what the applicant brought to the window. */
const atOwnWindow: Check = (user, r) => r.kind === 'case' && r.channel === 'window' && leadOfCase(user, r);

/** Department admins create staff and admins of their own department, nothing else. */
const staffOfOwnDepartment: Check = (user, r) =>
  r.kind === 'user' && inOwnDepartment(user, r) && (r.roles ?? []).every((role) => role === 'department-staff' || role === 'department-admin');

/** The applicant's own case, or one they act in as the registered agent (代理人). */
const ownCase: Check = (user, r) => r.kind === 'case' && ((r.applicant !== undefined && r.applicant === user.id) || (r.agent !== undefined && r.agent === user.id));

/** A window application the caller entered themselves (the engine refuses it once the first approver acted). */
const startedAtMyWindow: Check = (user, r) => r.kind === 'case' && r.channel === 'window' && r.starter !== undefined && r.starter === user.id;

const STAFF = ['department-admin', 'department-staff'] as const;
const EVERYONE = ['reform-office-admin', 'department-admin', 'department-staff', 'auditor', 'applicant'] as const;

/** One rule per role, for actions several roles share on the same condition. */
function forRoles(action: Action, roles: readonly Role[], when: Check, why: string): PermissionRule[] {
  return roles.map((role) => ({ action, role, when, why }));
}

/** The policy. Anything not granted here is refused. */
export const PERMISSION_RULES: readonly PermissionRule[] = [
  { action: 'user.create', role: 'reform-office-admin', when: always, why: 'the reform office administers every account' },
  { action: 'user.create', role: 'department-admin', when: staffOfOwnDepartment, why: 'a department staffs its own steps' },
  { action: 'user.list', role: 'reform-office-admin', when: always, why: 'the reform office administers every account' },
  { action: 'user.manage', role: 'reform-office-admin', when: always, why: 'the reform office resets passwords and disables accounts' },
  ...forRoles('org.read', ['reform-office-admin', 'department-admin', 'department-staff', 'auditor'], always, 'staff choose departments, positions and colleagues from the organisation'),
  { action: 'org.manage', role: 'reform-office-admin', when: always, why: 'the reform office keeps the regions, departments and positions' },
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
  ...forRoles('task.operate', STAFF, holdsTask, 'only the one holding a task transfers, delegates, adds signers to, rejects or copies it'),
  ...forRoles('task.resolve', STAFF, holdsTask, 'the delegate hands the task back to its owner'),
  ...forRoles('task.reclaim', STAFF, holdsTask, 'only the previous approver takes back the step they completed'),
  ...forRoles('task.urge', STAFF, urgesColleague, 'a department urges the steps of its own that a colleague holds'),
  { action: 'task.urge', role: 'reform-office-admin', when: always, why: 'the reform office supervises every step' },
  { action: 'task.urge', role: 'auditor', when: always, why: 'supervision urges late steps' },
  ...forRoles('copy.list', ['reform-office-admin', 'department-admin', 'department-staff', 'auditor'], always, 'everyone reads the copies given to them (抄送我的)'),
  ...forRoles('notification.read', EVERYONE, always, 'everyone reads the notifications addressed to them (站内消息); the rows are the caller\'s own'),
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
  ...forRoles('item.read', EVERYONE, always, 'item flows and versions are disclosed (两清单一图表)'),
  { action: 'item.deploy', role: 'reform-office-admin', when: always, why: 'the reform office publishes the item catalogue' },
  { action: 'item.deploy', role: 'department-admin', when: inOwnDepartment, why: 'the implementing department deploys and disables its own items' },
  { action: 'item.reserve', role: 'reform-office-admin', when: always, why: 'the reform office keeps the item catalogue and assigns item codes' },
  ...forRoles('item.reservations', ['reform-office-admin', 'department-admin', 'auditor'], always, 'reserved codes are listed to those who keep or implement the catalogue'),
  { action: 'case.apply', role: 'applicant', when: (_u, r) => r.kind === 'case' && r.channel !== 'window', why: 'an applicant applies in their own name, or as the agent named in the application' },
  { action: 'case.apply', role: 'department-staff', when: atOwnWindow, why: "a clerk enters a window application of the department's items" },
  ...forRoles('case.list', EVERYONE, always, 'everyone lists cases; each row is filtered by case.read'),
  ...forRoles('case.intake', STAFF, leadOfCase, 'the lead department receives, accepts and issues once (一门受理, 统一发证)'),
  ...forRoles('case.handle', STAFF, inOwnDepartment, 'the departments working on a case run its steps'),
  { action: 'case.supply', role: 'applicant', when: ownCase, why: 'the applicant supplies their own materials' },
  { action: 'case.supply', role: 'department-staff', when: atOwnWindow, why: 'a clerk hands in what the applicant brought to the window' },
  { action: 'case.pay', role: 'applicant', when: ownCase, why: 'the applicant pays their own fees online' },
  { action: 'case.pay', role: 'department-staff', when: leadOfCase, why: 'the lead department records a payment made at its window' },
  { action: 'case.withdraw', role: 'applicant', when: ownCase, why: 'only the applicant or their agent withdraws an application' },
  ...forRoles('case.withdraw', STAFF, startedAtMyWindow, 'the clerk who entered a window application withdraws it until the first approver acts'),
  { action: 'case.evaluate', role: 'applicant', when: ownCase, why: 'the applicant evaluates the service they received (好差评)' },
  { action: 'case.revoke', role: 'department-admin', when: leadOfCase, why: 'the organ that granted the licence revokes it (撤销行政许可, 行政许可法 第69条)' },
  { action: 'supervision.read', role: 'reform-office-admin', when: always, why: 'the reform office watches the lights' },
  { action: 'supervision.read', role: 'auditor', when: always, why: 'supervision reads every light and notice' },
  ...forRoles('supervision.read', STAFF, inOwnDepartment, 'a department sees its own lights and notices'),
  ...forRoles('supervision.respond', STAFF, inOwnDepartment, 'the responsible department answers its supervision notices'),
  ...forRoles('settings.read', ['reform-office-admin', 'department-admin', 'department-staff', 'auditor'], always, 'staff read the settings their deadlines are counted under'),
  { action: 'settings.write', role: 'reform-office-admin', when: always, why: 'only the reform office sets the locality settings (counting policy, business hours, closures, limits, lights)' },
  { action: 'supervision.sweep', role: 'reform-office-admin', when: always, why: 'the reform office runs the supervision rules' },
  { action: 'supervision.sweep', role: 'auditor', when: always, why: 'supervision runs its rules on demand' },
  { action: 'report.read', role: 'reform-office-admin', when: always, why: 'the reform office reads the monthly figures' },
  { action: 'report.read', role: 'auditor', when: always, why: 'supervision analyses the full-process data' },
];

/** Refusals that hold whatever the role. */
function overriding(user: AuthUser, action: Action, r: Resource): string | Pick<Decision, 'reason' | 'code' | 'details'> | undefined {
  // Online, the caller is the applicant; applying for somebody else is done as their agent.
  if (r.kind === 'case' && action === 'case.apply' && r.channel === 'online' && r.onBehalfOf !== undefined && r.onBehalfOf !== user.id) {
    return `Nobody acts in another's name: '${user.id}' may not apply online as '${r.onBehalfOf}'; apply as their agent`;
  }
  if (r.kind !== 'task' || (action !== 'task.claim' && action !== 'task.complete')) return undefined;
  if (r.onBehalfOf !== undefined && r.onBehalfOf !== user.id) return `Nobody acts in another's name: '${user.id}' may not claim a task for '${r.onBehalfOf}'`;
  if (r.assignee !== undefined && r.assignee !== user.id) return `The task is assigned to '${r.assignee}', not to '${user.id}'`;
  // The step's department and role, at claim and again at completion (a claim does not outlive a lost role).
  if (r.taskId !== undefined) {
    const refused = stepAuthority(user, { ...r, taskId: r.taskId });
    if (refused) return { reason: refused.message, code: refused.code, details: refused.details };
  }
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
    case 'item':
    case 'supervision':
      return r.department ? `${r.kind === 'user' ? 'a user' : `the ${r.kind}`} of department '${r.department}'` : `this ${r.kind}`;
    case 'system':
      return 'the system';
  }
}

/** Decides whether `user` may do `action` on `resource`. Pure; the same input always gives the same answer. */
export function can(user: AuthUser, action: Action, resource: Resource, rules: readonly PermissionRule[] = PERMISSION_RULES): Decision {
  const refused = overriding(user, action, resource);
  if (typeof refused === 'string') return { allowed: false, reason: refused };
  if (refused) return { allowed: false, ...refused };
  const granted = rules.find((rule) => rule.action === action && hasRole(user, rule.role) && rule.when(user, resource));
  if (granted) return { allowed: true, reason: `${granted.role}: ${granted.why}` };
  return {
    allowed: false,
    reason: `No rule lets '${user.id}' (${user.roles.join(', ') || 'no role'}${user.department ? ` of '${user.department}'` : ''}) do ${action} on ${describe(resource)}`,
  };
}
