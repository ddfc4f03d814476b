/**
 * What a department admin may deploy: definitions (plain ones and item packages) whose steps all stay in
 * their own department. A step that names another department (`approval:department`, or the lead and
 * co-departments of a joint approval) would put work in that department's inbox without its say; joint
 * approvals (并联审批) across departments are therefore deployed by the reform office, which coordinates
 * them. A step naming no department belongs to the deploying department (see `stepDepartment`).
 */
import type { ExecutableDefinition } from '../../engine/core/model.js';
import { hasRole, type AuthUser } from './roles.js';

/** A step of `definition` that lands in a department other than `department`. */
export interface ForeignStep {
  elementId: string;
  department: string;
}

/** Every step of `definition` (nested ones included) naming a department other than `department`, by element id. */
export function foreignSteps(definition: Pick<ExecutableDefinition, 'nodes'>, department: string): ForeignStep[] {
  const found: ForeignStep[] = [];
  for (const [elementId, node] of Object.entries(definition.nodes).sort(([a], [b]) => a.localeCompare(b))) {
    const spec = node.approval;
    if (!spec) continue;
    const named = [spec.department, spec.joint?.leadDepartment, ...(spec.joint?.coDepartments ?? [])].filter((d): d is string => d !== undefined);
    for (const other of new Set(named)) if (other !== department) found.push({ elementId, department: other });
  }
  return found;
}

/** The one department every step of `definition` names, if there is exactly one. */
export function soleStepDepartment(definition: Pick<ExecutableDefinition, 'nodes'>): string | undefined {
  const named = new Set(foreignSteps(definition, '').map((s) => s.department));
  return named.size === 1 ? [...named][0] : undefined;
}

/** A refused deploy, with the element and the foreign department named; answers 403. */
export interface DeployRefusal {
  code: 'DEPLOY_FOREIGN_DEPARTMENT';
  message: string;
  details: { elementId: string; department: string; deployingDepartment: string; foreign: ForeignStep[] };
}

/**
 * Undefined when `user` may deploy `definition` as `department`'s: always for the reform office; for anybody
 * else only when no step leaves the department.
 */
export function deployBoundary(user: AuthUser, definition: Pick<ExecutableDefinition, 'nodes'>, department: string): DeployRefusal | undefined {
  if (hasRole(user, 'reform-office-admin')) return undefined;
  const foreign = foreignSteps(definition, department);
  const first = foreign[0];
  if (!first) return undefined;
  return {
    code: 'DEPLOY_FOREIGN_DEPARTMENT',
    message: `Element '${first.elementId}' puts a step in department '${first.department}', but '${user.id}' deploys for '${department}'; a definition with steps in other departments is deployed by the reform office`,
    details: { elementId: first.elementId, department: first.department, deployingDepartment: department, foreign },
  };
}
