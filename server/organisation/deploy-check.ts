/**
 * At deploy, a step whose candidate rule names the organisation must name what exists (rule `org-reference`):
 * its department, and the position of a `position:` rule (a kind held in that department, or a position id).
 * Steps without a candidate rule keep their free-text departments, as before the organisation existed.
 */
import type { ExecutableDefinition } from '../../engine/core/model.js';
import { isPositionKind, type OrgSnapshot } from '../../engine/core/organisation.js';
import type { Finding } from '../../definitions/findings.js';
import type { ItemFinding } from '../../definitions/items/findings.js';
import type { ItemListing } from '../../definitions/items/listing.js';

/** Every step of `definition` whose candidate rule names a department or position the organisation lacks. */
export function orgReferenceFindings(definition: Pick<ExecutableDefinition, 'nodes'>, org: OrgSnapshot): Finding[] {
  const findings: Finding[] = [];
  for (const [id, node] of Object.entries(definition.nodes).sort(([a], [b]) => a.localeCompare(b))) {
    const spec = node.approval;
    const rule = spec?.candidates;
    if (!spec || !rule) continue;
    const department = spec.department;
    if (department !== undefined && !org.departments[department]) {
      findings.push({ id, rule: 'org-reference', severity: 'error', message: `Step '${id}' names department '${department}', which the organisation does not have (GET /api/org)` });
      continue;
    }
    if (rule.kind !== 'position') continue;
    const known = isPositionKind(rule.position)
      ? Object.values(org.positions).some((p) => p.department === department && p.kind === rule.position)
      : org.positions[rule.position] !== undefined;
    if (!known) {
      findings.push({ id, rule: 'org-reference', severity: 'error', message: `Step '${id}' is held by position '${rule.position}'${department ? ` of '${department}'` : ''}, which the organisation does not have` });
    }
  }
  return findings;
}

/**
 * Steps without a candidate rule whose free-text department the organisation does not have (rule
 * `org-department`, a warning): a misspelled department deploys, but its tasks would sit in an inbox no staff
 * of a listed department sees, so the deployer is told which step and which name.
 */
export function unlistedDepartmentFindings(definition: Pick<ExecutableDefinition, 'nodes'>, org: OrgSnapshot): Finding[] {
  if (!Object.keys(org.departments).length) return [];
  return Object.entries(definition.nodes)
    .filter(([, node]) => node.approval?.department !== undefined && !node.approval.candidates && !org.departments[node.approval.department])
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, node]) => ({
      id, rule: 'org-department', severity: 'warning' as const,
      message: `Step '${id}' names department '${node.approval!.department}', which the organisation does not have (GET /api/org); choose one of its departments`,
    }));
}

/**
 * The departments an item listing names (implementing body, joint lead and co-departments) that the
 * organisation does not have (rule `org-department`, a warning as for steps): a case of the item would be
 * routed to, or coordinated with, a department no staff belongs to.
 */
export function unlistedListingDepartments(listing: Pick<ItemListing, 'implementingBody' | 'joint'>, org: OrgSnapshot): ItemFinding[] {
  if (!Object.keys(org.departments).length) return [];
  const named: [string, string][] = [['/implementingBody/name', listing.implementingBody.name]];
  if (listing.joint) {
    named.push(['/joint/leadDepartment', listing.joint.leadDepartment]);
    listing.joint.coDepartments.forEach((c, i) => named.push([`/joint/coDepartments/${i}/department`, c.department]));
  }
  return named.filter(([, department]) => !org.departments[department]).map(([field, department]) => ({
    severity: 'warning' as const, code: 'org-department', file: 'item.json', field,
    message: `The listing names department '${department}', which the organisation does not have (GET /api/org); choose one of its departments`,
  }));
}

/** {@link unlistedDepartmentFindings} of an item's process, as item findings naming `process.bpmn` and the step. */
export function unlistedStepFindings(definition: Pick<ExecutableDefinition, 'nodes'>, org: OrgSnapshot): ItemFinding[] {
  return unlistedDepartmentFindings(definition, org).map((f) => ({ severity: 'warning' as const, code: f.rule, message: f.message, file: 'process.bpmn', element: f.id }));
}
