/**
 * Reading the `approval:` attributes of a BPMN activity into the engine's {@link ApprovalSpec}.
 * The lint rule `approval-attributes` reports the problems; the compiler reads the same values after lint passed.
 */
import type { ApprovalSpec } from '../../engine/core/model.js';
import type { ModdleElement } from '../moddle.js';
import { parseTimeLimit } from './time.js';
import { defaultCounting, SPECIAL_PROCEDURE_TYPES } from './special-procedures.js';
import { STEP_ID_PATTERN } from './steps.js';
import { readCarbonCopy, readPolicies } from './read-policies.js';

/** A problem with one attribute. */
export interface AttributeProblem {
  attribute: string;
  message: string;
}

/** Splits a comma-separated attribute (`candidateGroups`, `coDepartments`) into trimmed, non-empty names. */
export function splitList(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return names.length > 0 ? names : undefined;
}

function text(el: ModdleElement, name: string): string | undefined {
  const v = el[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function readSpecialProcedure(el: ModdleElement, problems: AttributeProblem[]): ApprovalSpec['specialProcedure'] {
  const kind = text(el, 'specialProcedure');
  const statutory = el.countsTowardStatutory as boolean | undefined;
  const promised = el.countsTowardPromised as boolean | undefined;
  if (!kind) {
    if (statutory !== undefined || promised !== undefined) {
      problems.push({
        attribute: 'specialProcedure',
        message: 'approval:countsTowardStatutory/countsTowardPromised need approval:specialProcedure',
      });
    }
    return undefined;
  }
  const fallback = defaultCounting(kind);
  if (fallback === undefined && (statutory === undefined || promised === undefined)) {
    problems.push({
      attribute: 'specialProcedure',
      message: `special procedure '${kind}' is none of ${SPECIAL_PROCEDURE_TYPES.join(', ')}, so it has no default: name one of them, or set approval:countsTowardStatutory and approval:countsTowardPromised`,
    });
    return undefined;
  }
  const countsTowardStatutory = statutory ?? fallback!;
  return { kind, countsTowardStatutory, countsTowardPromised: promised ?? countsTowardStatutory };
}

function readJoint(el: ModdleElement, problems: AttributeProblem[]): ApprovalSpec['joint'] {
  const leadDepartment = text(el, 'leadDepartment');
  const coDepartments = splitList(el.coDepartments);
  const completion = text(el, 'completion');
  if (!leadDepartment && !coDepartments && !completion) return undefined;
  if (completion !== undefined && completion !== 'all' && completion !== 'any') {
    problems.push({ attribute: 'completion', message: `approval:completion is '${completion}'; use 'all' (会签) or 'any' (或签)` });
  }
  if (!coDepartments) {
    problems.push({ attribute: 'coDepartments', message: 'joint approval needs approval:coDepartments (comma-separated)' });
    return undefined;
  }
  return {
    ...(leadDepartment ? { leadDepartment } : {}),
    coDepartments,
    completion: completion === 'any' ? 'any' : 'all',
  };
}

/**
 * Reads the approval settings of an element. `spec` is undefined when the element carries none;
 * `problems` lists every attribute whose value cannot be used.
 */
export function readApproval(el: ModdleElement): { spec?: ApprovalSpec; problems: AttributeProblem[] } {
  const problems: AttributeProblem[] = [];
  const spec: ApprovalSpec = {};
  const department = text(el, 'department');
  const role = text(el, 'role');
  const candidateGroups = splitList(el.candidateGroups);
  const stage = text(el, 'stage');
  if (department) spec.department = department;
  if (role) spec.role = role;
  if (candidateGroups) spec.candidateGroups = candidateGroups;
  if (stage) {
    if (STEP_ID_PATTERN.test(stage)) spec.stage = stage;
    else problems.push({ attribute: 'stage', message: `approval:stage '${stage}' must be a lower-case name such as accept, review, decide, issue` });
  }
  const rawLimit = text(el, 'timeLimit');
  // On a timer event the limit is the timer's, not the step's (see compile/events.ts).
  if (rawLimit && el.$instanceOf('bpmn:Activity')) {
    const limit = parseTimeLimit(rawLimit);
    if (typeof limit === 'string') problems.push({ attribute: 'timeLimit', message: limit });
    else spec.timeLimit = limit;
  }
  const special = readSpecialProcedure(el, problems);
  if (special) spec.specialProcedure = special;
  const joint = readJoint(el, problems);
  if (joint) spec.joint = joint;
  if (el.$instanceOf('bpmn:Activity')) readPolicies(el, spec, problems);
  if (el.$instanceOf('bpmn:SendTask')) readCarbonCopy(el, spec, problems);
  return Object.keys(spec).length > 0 ? { spec, problems } : { problems };
}
