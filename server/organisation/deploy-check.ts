/**
 * At deploy, a step whose candidate rule names the organisation must name what exists (rule `org-reference`):
 * its department, and the position of a `position:` rule (a kind held in that department, or a position id).
 * Steps without a candidate rule keep their free-text departments, as before the organisation existed.
 * Departments and users the organisation lacks are told as warnings (`org-department`, `org-user`).
 */
import type { ExecutableDefinition } from '../../engine/core/model.js';
import { isPositionKind, type OrgSnapshot } from '../../engine/core/organisation.js';
import type { Finding } from '../../definitions/findings.js';
import type { ItemFinding } from '../../definitions/items/findings.js';
import type { ItemListing } from '../../definitions/items/listing.js';
import { deployFindingText, type Language, type OrgDepartmentParams, type OrgUserAttribute, type OrgUserParams } from '../../contracts/messages/index.js';

/** The `params` of a finding as the API sends them (strings only, no absent keys). */
function asParams(params: OrgDepartmentParams | OrgUserParams): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

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
 * Steps without a candidate rule whose free-text department the organisation does not have, and 抄送 steps
 * copying such a department (rule `org-department`, a warning): a misspelled department deploys, but its
 * tasks would sit in an inbox, or its copies in a 抄送我的, no staff of a listed department sees, so the
 * deployer is told which step and which name, in `language`, with the parameters a client words itself
 * (`contracts/messages/findings.ts`).
 */
export function unlistedDepartmentFindings(definition: Pick<ExecutableDefinition, 'nodes'>, org: OrgSnapshot, language: Language = 'zh-CN'): Finding[] {
  if (!Object.keys(org.departments).length) return [];
  const findings: Finding[] = [];
  for (const [id, node] of Object.entries(definition.nodes).sort(([a], [b]) => a.localeCompare(b))) {
    const spec = node.approval;
    if (!spec) continue;
    const named: Array<[OrgDepartmentParams['subject'], string]> = [
      ...(spec.department !== undefined && !spec.candidates ? [['step', spec.department] as [OrgDepartmentParams['subject'], string]] : []),
      // A copy to a department nobody belongs to reaches nobody's 抄送我的.
      ...(spec.cc?.departments ?? []).map((d): [OrgDepartmentParams['subject'], string] => ['cc-department', d]),
    ];
    for (const [subject, department] of named.filter(([, d]) => !org.departments[d])) {
      const params = asParams({ department, subject, file: 'process.bpmn', element: id, ...(node.name ? { name: node.name } : {}) });
      findings.push({ id, rule: 'org-department', severity: 'warning', message: deployFindingText('org-department', params, language)!, params });
    }
  }
  return findings;
}

/**
 * The departments an item listing names (implementing body, joint lead and co-departments) that the
 * organisation does not have (rule `org-department`, a warning as for steps): a case of the item would be
 * routed to, or coordinated with, a department no staff belongs to.
 */
export function unlistedListingDepartments(listing: Pick<ItemListing, 'implementingBody' | 'joint'>, org: OrgSnapshot, language: Language = 'zh-CN'): ItemFinding[] {
  if (!Object.keys(org.departments).length) return [];
  const named: [OrgDepartmentParams['subject'], string, string][] = [['implementing-body', '/implementingBody/name', listing.implementingBody.name]];
  if (listing.joint) {
    named.push(['joint-lead', '/joint/leadDepartment', listing.joint.leadDepartment]);
    listing.joint.coDepartments.forEach((c, i) => named.push(['co-department', `/joint/coDepartments/${i}/department`, c.department]));
  }
  return named.filter(([, , department]) => !org.departments[department]).map(([subject, field, department]) => {
    const params = asParams({ department, subject, file: 'item.json', field });
    return { severity: 'warning' as const, code: 'org-department', file: 'item.json', field, message: deployFindingText('org-department', params, language)!, params };
  });
}

/** {@link unlistedDepartmentFindings} of an item's process, as item findings naming `process.bpmn` and the step. */
export function unlistedStepFindings(definition: Pick<ExecutableDefinition, 'nodes'>, org: OrgSnapshot, language: Language = 'zh-CN'): ItemFinding[] {
  return unlistedDepartmentFindings(definition, org, language).map((f) => ({ severity: 'warning' as const, code: f.rule, message: f.message, file: 'process.bpmn', element: f.id, ...(f.params ? { params: f.params } : {}) }));
}

/**
 * The user ids the steps of `definition` name that are no account in use (rule `org-user`, a warning as for
 * departments): a named holder (`approval:candidates="user:…"`), a 抄送 recipient (`approval:ccUsers`) and a
 * signer weighed in a vote (`approval:voteWeights`). Such a step deploys, but its copy reaches nobody, its
 * holder can never be found, or its weight never counts; the finding names the element, the attribute and
 * the id. `users` are the ids of the accounts in use.
 */
export function unknownUserFindings(definition: Pick<ExecutableDefinition, 'nodes'>, users: ReadonlySet<string>, language: Language = 'zh-CN'): Finding[] {
  const findings: Finding[] = [];
  for (const [id, node] of Object.entries(definition.nodes).sort(([a], [b]) => a.localeCompare(b))) {
    const spec = node.approval;
    if (!spec) continue;
    const named: Array<[OrgUserAttribute, readonly string[]]> = [
      ['candidates', spec.candidates?.kind === 'user' ? spec.candidates.users : []],
      ['ccUsers', spec.cc?.users ?? []],
      ['voteWeights', Object.keys(spec.vote?.weights ?? {})],
    ];
    for (const [attribute, ids] of named) {
      for (const user of ids.filter((u) => !users.has(u))) {
        const params = asParams({ user, attribute, file: 'process.bpmn', element: id, ...(node.name ? { name: node.name } : {}) });
        findings.push({ id, rule: 'org-user', severity: 'warning', path: [`approval:${attribute}`], message: deployFindingText('org-user', params, language)!, params });
      }
    }
  }
  return findings;
}

/** {@link unknownUserFindings} of an item's process, as item findings naming `process.bpmn` and the step. */
export function unknownUserStepFindings(definition: Pick<ExecutableDefinition, 'nodes'>, users: ReadonlySet<string>, language: Language = 'zh-CN'): ItemFinding[] {
  return unknownUserFindings(definition, users, language).map((f) => ({ severity: 'warning' as const, code: f.rule, message: f.message, file: 'process.bpmn', element: f.id, ...(f.params ? { params: f.params } : {}) }));
}
