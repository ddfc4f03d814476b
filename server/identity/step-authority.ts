/**
 * Who may work a step (claim it, complete it, or take it over by transfer or delegation): a member of the
 * department that owns the step, holding the step's role or one of its candidate groups *within that
 * department*. One pure function, so the rule is stated once: the permission policy asks it of the task a
 * route loaded (`task.claim`, `task.complete`), the task service (`server/runtime/task-service.ts`, the one
 * path of the task routes and the case service) of the task as the case holds it, and the other task
 * commands of their target.
 *
 * Groups are scoped by department: a user's step roles and groups (`reviewer`, `deputy-director` …) mean
 * "in the user's department", and a step's `approval:role` and `approval:candidateGroups` mean "in the
 * step's department". A health reviewer is therefore not a market reviewer (approval domain, section 5:
 * every operation is done by a real-name user within their competence, 行政许可法 第23条).
 *
 * The reform office (审改办) and supervision (监察) watch every step but work none: a decision taken by
 * somebody outside the implementing department would not be the department's decision.
 */

/** The stable codes of a refused step; each answers 403. */
export const STEP_AUTHORITY_CODES = ['STEP_SUPERVISOR_ONLY', 'STEP_DEPARTMENT_MISMATCH', 'STEP_DEPARTMENT_UNKNOWN', 'STEP_ROLE_MISSING', 'STEP_NOT_CANDIDATE'] as const;

/** Why a user may not work a step. */
export type StepAuthorityCode = (typeof STEP_AUTHORITY_CODES)[number];

/** HTTP statuses of the codes: all authority, 403. */
export const STEP_AUTHORITY_STATUS: Readonly<Record<StepAuthorityCode, number>> = Object.fromEntries(STEP_AUTHORITY_CODES.map((c) => [c, 403])) as Record<StepAuthorityCode, number>;

/** The person who would work the step: an authenticated user, or a command's actor. */
export interface StepWorker {
  id: string;
  department?: string;
  /** Platform roles (department-staff, reform-office-admin …). */
  roles: readonly string[];
  /** Step roles and candidate groups, meaning within `department`. */
  groups: readonly string[];
}

/** A step as the check needs it: a task of the inbox or of a case's open tasks. */
export interface StepOfTask {
  taskId: string;
  elementId?: string;
  /** `approval:department` of the step. */
  department?: string;
  /** The department owning the definition (or item), for a step that names none. */
  owner?: string;
  role?: string;
  candidateGroups?: readonly string[];
  /** The users the step's candidate rule resolved to (`approval:candidates`): they alone hold it. */
  candidates?: readonly string[];
}

/** A refusal, with the task, element and department named. */
export interface StepRefusal {
  code: StepAuthorityCode;
  message: string;
  details: { taskId: string; elementId?: string; department?: string; needs: string[] };
}

/** The department that owns a step: its own `approval:department`, else the owner of its definition. */
export function stepDepartment(step: Pick<StepOfTask, 'department' | 'owner'>): string | undefined {
  return step.department ?? step.owner;
}

/** The step roles any one of which lets a department member work the step; empty when any member may. */
export function stepRoles(step: StepOfTask): string[] {
  return [...new Set([...(step.role ? [step.role] : []), ...(step.candidateGroups ?? [])])];
}

const SUPERVISORS = ['reform-office-admin', 'auditor'];

/**
 * Undefined when `worker` may work `step`; otherwise the refusal. Checks, in order: supervisors work no
 * step; the step has an owning department; the worker belongs to it; the worker holds the step's role or
 * one of its candidate groups (scoped to the department).
 */
export function stepAuthority(worker: StepWorker, step: StepOfTask): StepRefusal | undefined {
  const department = stepDepartment(step);
  const needs = stepRoles(step);
  const where = `task '${step.taskId}'${step.elementId ? ` (element '${step.elementId}')` : ''}`;
  const details = { taskId: step.taskId, ...(step.elementId ? { elementId: step.elementId } : {}), ...(department ? { department } : {}), needs };
  if (worker.department === undefined && worker.roles.some((r) => SUPERVISORS.includes(r))) {
    return { code: 'STEP_SUPERVISOR_ONLY', message: `'${worker.id}' supervises ${where} but does not work it; only staff of ${department ? `'${department}'` : 'its department'} do`, details };
  }
  // A candidate rule settled who holds the step when it opened (a named user may be of another department).
  if (step.candidates !== undefined) {
    if (step.candidates.includes(worker.id)) return undefined;
    return {
      code: 'STEP_NOT_CANDIDATE',
      message: `${capital(where)} is held by ${step.candidates.length ? step.candidates.map((c) => `'${c}'`).join(', ') : 'nobody'} as its candidate rule resolved, not by '${worker.id}'`,
      details: { ...details, needs: [...step.candidates] },
    };
  }
  if (department === undefined) {
    return { code: 'STEP_DEPARTMENT_UNKNOWN', message: `Expected ${where} to belong to a department, but neither the step nor its definition names one`, details };
  }
  if (worker.department !== department) {
    return {
      code: 'STEP_DEPARTMENT_MISMATCH',
      message: `${capital(where)} belongs to department '${department}', but '${worker.id}' is ${worker.department ? `of '${worker.department}'` : 'of no department'}`,
      details,
    };
  }
  if (needs.length > 0 && !needs.some((n) => worker.groups.includes(n))) {
    return {
      code: 'STEP_ROLE_MISSING',
      message: `${capital(where)} needs ${needs.map((n) => `'${n}'`).join(' or ')} of '${department}', but '${worker.id}' holds ${worker.groups.length ? worker.groups.map((g) => `'${g}'`).join(', ') : 'no step role'}`,
      details,
    };
  }
  return undefined;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
