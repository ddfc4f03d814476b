/**
 * Reading who holds a step and its policies (`approval:candidates`, `emptyApprover`, `skipRepeatApprover`,
 * `separateFrom`, `voteWeights`/`votePass`/`voteApprove`, `timeout`/`timeoutAfter`) into the engine's
 * {@link ApprovalSpec}; every unusable value is a problem naming its attribute.
 */
import type { ApprovalSpec } from '../../engine/core/model.js';
import { isPositionKind, parseCandidateRule } from '../../engine/core/organisation.js';
import type { ModdleElement } from '../moddle.js';
import type { AttributeProblem } from './read-approval.js';
import { parseTimeLimit } from './time.js';

function text(el: ModdleElement, name: string): string | undefined {
  const v = el[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function list(value: string | undefined): string[] | undefined {
  const names = value?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return names?.length ? names : undefined;
}

/** `0.6`, `60%` or `2/3`: a share between 0 (exclusive) and 1. */
function parseShare(value: string): number | undefined {
  const fraction = /^(\d+)\s*\/\s*(\d+)$/.exec(value);
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(value);
  const n = fraction ? Number(fraction[1]) / Number(fraction[2]) : percent ? Number(percent[1]) / 100 : /^\d*\.?\d+$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 && n <= 1 ? n : undefined;
}

function readVote(el: ModdleElement, problems: AttributeProblem[]): ApprovalSpec['vote'] {
  const weightsText = text(el, 'voteWeights');
  const passText = text(el, 'votePass');
  if (!weightsText && !passText) return undefined;
  if (!passText) {
    problems.push({ attribute: 'votePass', message: 'approval:voteWeights needs approval:votePass, the share of the weight that passes (0.5, 60%, 2/3)' });
    return undefined;
  }
  const pass = parseShare(passText);
  if (pass === undefined) {
    problems.push({ attribute: 'votePass', message: `approval:votePass '${passText}' must be a share above 0 and at most 1 (0.5, 60%, 2/3)` });
    return undefined;
  }
  const weights: Record<string, number> = {};
  for (const pair of list(weightsText) ?? []) {
    const m = /^([^:\s]+)\s*:\s*(\d+(?:\.\d+)?)$/.exec(pair);
    if (!m || Number(m[2]) <= 0) {
      problems.push({ attribute: 'voteWeights', message: `approval:voteWeights entry '${pair}' must be '<user>:<positive weight>', e.g. 'li.wei:2'` });
      return undefined;
    }
    weights[m[1]!] = Number(m[2]);
  }
  return { weights, pass, approve: text(el, 'voteApprove') ?? 'approve' };
}

function readTimeout(el: ModdleElement, problems: AttributeProblem[], limit: ApprovalSpec['timeLimit']): ApprovalSpec['timeout'] {
  const action = text(el, 'timeout');
  const afterText = text(el, 'timeoutAfter');
  if (!action) {
    if (afterText) problems.push({ attribute: 'timeout', message: 'approval:timeoutAfter needs approval:timeout (remind, pass or escalate)' });
    return undefined;
  }
  if (action !== 'remind' && action !== 'pass' && action !== 'escalate') {
    problems.push({ attribute: 'timeout', message: `approval:timeout is '${action}'; use remind (催办提醒), pass (超时通过) or escalate (超时升级)` });
    return undefined;
  }
  const after = afterText ? parseTimeLimit(afterText) : limit;
  if (typeof after === 'string') {
    problems.push({ attribute: 'timeoutAfter', message: after });
    return undefined;
  }
  if (!after) {
    problems.push({ attribute: 'timeoutAfter', message: 'approval:timeout needs approval:timeoutAfter (e.g. 3WD) or the step\'s approval:timeLimit' });
    return undefined;
  }
  return { action, after };
}

/** A 抄送 step's recipients (`approval:ccUsers`, `ccPositions`, `ccDepartments`, `ccNote`) on a send task. */
export function readCarbonCopy(el: ModdleElement, spec: ApprovalSpec, problems: AttributeProblem[]): void {
  const users = list(text(el, 'ccUsers')) ?? [];
  const positions = list(text(el, 'ccPositions')) ?? [];
  const departments = list(text(el, 'ccDepartments')) ?? [];
  const note = text(el, 'ccNote');
  if (!users.length && !positions.length && !departments.length) {
    if (note) problems.push({ attribute: 'ccUsers', message: 'approval:ccNote needs recipients: approval:ccUsers, approval:ccPositions or approval:ccDepartments' });
    return;
  }
  spec.cc = { users, positions, departments, ...(note ? { note } : {}) };
}

/** Adds the candidate rule and the policies of `el` to `spec`, reporting every problem. */
export function readPolicies(el: ModdleElement, spec: ApprovalSpec, problems: AttributeProblem[]): void {
  const rule = text(el, 'candidates');
  if (rule) {
    const parsed = parseCandidateRule(rule);
    if (typeof parsed === 'string') problems.push({ attribute: 'candidates', message: parsed });
    else spec.candidates = parsed;
  }
  const empty = text(el, 'emptyApprover');
  if (empty) {
    if (empty === 'pass' || empty === 'admin' || empty === 'refuse') spec.emptyApprover = empty;
    else problems.push({ attribute: 'emptyApprover', message: `approval:emptyApprover is '${empty}'; use pass (自动通过), admin (转交部门管理员) or refuse (不能流转)` });
  }
  if (el.skipRepeatApprover === true) spec.skipRepeatApprover = true;
  const separate = list(text(el, 'separateFrom'));
  if (separate) spec.separateFrom = separate;
  const vote = readVote(el, problems);
  if (vote) spec.vote = vote;
  const timeout = readTimeout(el, problems, spec.timeLimit);
  if (timeout) spec.timeout = timeout;
  if ((spec.emptyApprover || spec.skipRepeatApprover) && !spec.candidates) {
    problems.push({ attribute: spec.emptyApprover ? 'emptyApprover' : 'skipRepeatApprover', message: 'approval:emptyApprover and approval:skipRepeatApprover act on the holders approval:candidates finds; set approval:candidates' });
  }
  if (spec.vote && (el as { loopCharacteristics?: ModdleElement }).loopCharacteristics?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problems.push({ attribute: 'votePass', message: '票签 (approval:votePass) counts the votes of a multi-instance step: add multi-instance loop characteristics' });
  }
  if (spec.candidates?.kind === 'position' && !spec.department && !spec.joint && isPositionKind(spec.candidates.position)) {
    problems.push({ attribute: 'candidates', message: `approval:candidates '${rule}' names a kind of position: set approval:department, the department whose ${spec.candidates.position} holds the step` });
  }
}
