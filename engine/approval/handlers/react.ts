/**
 * What the lifecycle learns from the process's BPMN events: a co-department's branch started or ended
 * (joint approval, 行政许可法 第26条), the decision was taken (the `decide` stage, or the last co-department
 * in a joint approval), and the process ended (办结).
 */
import { assessCompletion } from '../../clocks/completion.js';
import { jointProgress } from '../../clocks/joint-approval.js';
import { deliveryDeadline } from '../../clocks/delivery.js';
import { openTasks } from '../../core/index.js';
import type { CaseEvent, TaskInfo } from '../../core/types.js';
import { dayOf } from '../clocks.js';
import { clockRules } from '../clock-rules.js';
import type { Decider } from '../decider.js';
import type { Explanation } from '../events.js';
import type { DecisionRecord, Outcome } from '../state.js';
import { SPGL } from '../status.js';
import { autoIssueCertificate, isIssueStep, issueMoment } from '../certificate.js';
import { EVALUATION_GRADES } from '../evaluation.js';
import { runningSteps, stepSpecFor } from '../step-clocks.js';
import { refreshDeadlines } from './refresh.js';
import { copyByStep } from './task-notes.js';

/** The outcome a task completion states: `approve` or `refuse`. */
export function outcomeOf(outcome: unknown): 'approved' | 'refused' | undefined {
  if (outcome === 'approve') return 'approved';
  if (outcome === 'refuse') return 'refused';
  return undefined;
}

/** A co-department's opinion as typed; without one, its outcome by code. */
function opinionOr(opinion: string | undefined, outcome: Outcome): { why: string; whyCode?: string; whyParams?: Record<string, string> } {
  return opinion !== undefined ? { why: opinion } : { why: outcome, whyCode: 'co-department.outcome', whyParams: { outcome } };
}

/** The name of a flow node of the case's process, for an explanation; its id when it has none. */
export function nodeName(d: Decider, elementId: string): string {
  return d.definition.nodes[elementId]?.name ?? elementId;
}

/** True when `task` is a co-department's branch of the item's joint approval. */
export function isCoDepartmentTask(d: Decider, task: TaskInfo): boolean {
  const joint = d.approval.item.joint;
  return joint !== undefined && task.department !== undefined && joint.coDepartments.some((c) => c.department === task.department);
}

function decide(d: Decider, outcome: Outcome, opinion: string | undefined, why: Explanation): void {
  const s = d.approval;
  const decidedOn = d.today;
  const calendar = d.ctx.calendar;
  const deadlines = s.deadlines!;
  const decision: DecisionRecord = {
    outcome,
    decidedAt: d.ctx.now,
    decidedOn,
    by: d.actor?.id ?? 'system',
    ...(opinion !== undefined ? { opinion } : {}),
    promised: assessCompletion(calendar, deadlines.promised, decidedOn),
    statutory: assessCompletion(calendar, deadlines.statutory, decidedOn),
  };
  const delivery = deliveryDeadline(calendar, { decided: decidedOn, limit: s.item.deliveryLimit, ...clockRules(s.item) });
  d.emit('case.decided', { decision, delivery }, why);
  if (issueMoment(s) === 'decision') {
    autoIssueCertificate(d, { why: `${why.why} (certificate generated at the decision)`, whyCode: 'certificate.at-decision', whyParams: { outcome } });
  }
}

/** Reacts to the core's events of this step. `tasks` are the tasks open before the step. */
export function reactToCore(d: Decider, events: readonly CaseEvent[], tasks: readonly TaskInfo[]): void {
  const known = new Map(tasks.map((t) => [t.taskId, t]));
  for (const event of events) {
    if (event.type === 'element.completed') copyByStep(d, String(event.key), String(event.el));
    if (event.type === 'task.created') {
      const task = event.task as unknown as TaskInfo;
      known.set(task.taskId, task);
      // A co-department's branch starts once: a signer added to its 会签 (并加签) works inside the same branch.
      if (isCoDepartmentTask(d, task) && !openBranch(d, task.department!)) {
        d.emit('co-department.started', { department: task.department!, taskId: task.taskId }, { why: 'shared materials sent to the co-department (抄告相关)', whyCode: 'co-department.materials-shared' });
        refreshDeadlines(d, `co-department ${task.department} started`, 'deadlines.co-department-started', { department: task.department! });
      }
      if (isIssueStep(d.approval, task)) autoIssueCertificate(d, { why: `step ${task.elementId} started (certificate generated at this step)`, whyCode: 'certificate.at-step', whyParams: { step: task.name ?? task.elementId } });
      const spec = stepSpecFor(d.approval.item, task);
      if (spec) {
        d.emit('step-clock.started', { step: spec.step, taskId: task.taskId, ...(task.department ? { department: task.department } : {}) }, {
          why: `${spec.limit.value} ${spec.limit.unit} from the ${spec.from === 'acceptance' ? 'acceptance' : 'start of the step'} (${spec.article})`,
          whyCode: spec.from === 'acceptance' ? 'step-clock.from-acceptance' : 'step-clock.from-step-start',
          whyParams: { value: spec.limit.value, unit: spec.limit.unit, article: spec.article },
        });
        refreshDeadlines(d, `step ${spec.step} started`, 'deadlines.step-started', { step: task.name ?? spec.step });
      }
    } else if (event.type === 'task.completed' || event.type === 'task.cancelled') {
      const run = runningSteps(d.approval).find((r) => r.taskId === String(event.taskId));
      const done = event.type === 'task.completed';
      if (run) d.emit('step-clock.stopped', { step: run.step, taskId: run.taskId }, { why: `task ${done ? 'completed' : 'cancelled'}`, whyCode: done ? 'step-clock.task-completed' : 'step-clock.task-cancelled' });
      if (event.type === 'task.cancelled') continue;
      const task = known.get(String(event.taskId));
      const outcome = outcomeOf(event.outcome);
      if (!task || !outcome) continue;
      const opinion = typeof event.opinion === 'string' ? event.opinion : undefined;
      if (isCoDepartmentTask(d, task)) coDepartmentSigned(d, task.department!, outcome, opinion);
      else if (task.stage === 'decide' && !d.approval.decision) {
        const step = task.name ?? task.elementId;
        decide(d, outcome, opinion, { why: `${step}: ${outcome}`, whyCode: 'case.decided.step', whyParams: { step, outcome } });
      }
    } else if (event.type === 'case.returned' && !d.approval.decision && d.approval.coDepartments.length) {
      // A return before the decision reopens the joint review: every branch is asked again (第26条).
      d.emit('co-department.withdrawn', { departments: [...new Set(d.approval.coDepartments.map((c) => c.department))] }, {
        why: `returned to ${String(event.toElementId)}`, whyCode: 'co-department.withdrawn', whyParams: { step: nodeName(d, String(event.toElementId)) },
      });
    } else if (event.type === 'case.completed' || event.type === 'case.terminated') {
      conclude(d);
    }
  }
}

/**
 * A signer of a co-department's step finished. A 会签 of the department (a multi-instance step, more signers
 * by 并加签) is done when its last instance is; the branch refuses if any of its signers refused, since the
 * department decides as one (行政许可法 第26条).
 */
function coDepartmentSigned(d: Decider, department: string, outcome: 'approved' | 'refused', opinion: string | undefined): void {
  if (!openBranch(d, department)) return;
  if (stillWorking(d, department)) {
    d.emit('co-department.signed', { department, outcome, ...(opinion !== undefined ? { opinion } : {}) }, opinionOr(opinion, outcome));
    return;
  }
  const branch = d.approval.coDepartments.find((c) => c.department === department && c.completedAt === undefined)!;
  const votes = [...(branch.votes ?? []), { outcome, opinion }];
  const decisive = votes.find((v) => v.outcome === 'refused') ?? votes.at(-1)!;
  coDepartmentDone(d, department, decisive.outcome, decisive.opinion);
}

/** The co-department's branch that started and has not ended. */
function openBranch(d: Decider, department: string): boolean {
  return d.approval.coDepartments.some((c) => c.department === department && c.completedAt === undefined);
}

/** Whether the department still has a step open in the process once this command is done (another signer). */
function stillWorking(d: Decider, department: string): boolean {
  return openTasks(d.draft.process).some((t) => t.department === department && isCoDepartmentTask(d, t));
}

function coDepartmentDone(d: Decider, department: string, outcome: 'approved' | 'refused', opinion: string | undefined): void {
  d.emit('co-department.completed', { department, outcome, ...(opinion !== undefined ? { opinion } : {}) }, opinionOr(opinion, outcome));
  const s = d.approval;
  const expected = s.item.joint!.coDepartments.map((c) => c.department);
  const results = expected.map((dept) => {
    const branch = s.coDepartments.find((b) => b.department === dept && b.completedAt !== undefined);
    return branch ? { department: dept, completedOn: dayOf(d.ctx.calendar, branch.completedAt!), outcome: branch.outcome! } : { department: dept };
  });
  const progress = jointProgress(results, d.today);
  if (progress.complete && !s.decision) {
    decide(d, progress.outcome!, undefined, {
      why: `all ${progress.total} co-departments done: ${progress.outcome}`, whyCode: 'case.decided.co-departments', whyParams: { total: progress.total, outcome: progress.outcome! },
    });
  }
}

/** 办结: the process ended. Status 11 (approved), 12 (approved with materials to supply later) or 13 (refused). */
function conclude(d: Decider): void {
  const s = d.approval;
  if (!s.decision) {
    // A flow without a decide step (e.g. an instant item) is decided by finishing its process.
    decide(d, 'approved', undefined, { why: 'process completed without a separate decide step', whyCode: 'case.decided.no-decide-step' });
  }
  const outcome = d.approval.decision!.outcome;
  const status = outcome === 'refused' ? SPGL.completedRefused : s.acceptance?.deferred.length ? SPGL.completedWithDeferred : SPGL.completedApproved;
  d.emit('case.concluded', {}, { status, why: `outcome ${outcome}`, whyCode: 'case.concluded', whyParams: { outcome } });
  requestEvaluation(d);
}

/**
 * 办结 invites the applicant to evaluate the service (好差评, 国办发〔2019〕51号: 一事一评): the five grades, none
 * chosen for them. The invitation is an event (the portal shows it until a grade is given) and an effect that
 * notifies the applicant.
 */
function requestEvaluation(d: Decider): void {
  const s = d.approval;
  if (s.evaluation || s.evaluationRequest) return;
  d.emit('evaluation.requested', { grades: [...EVALUATION_GRADES] }, { why: 'case concluded (办结): the applicant is invited to evaluate', whyCode: 'evaluation.invited' });
  d.effect({
    type: 'action.run', action: 'request-evaluation', elementId: 'evaluation',
    input: { caseNo: s.caseNo, applicant: s.applicant.id, ...(s.agent ? { agent: s.agent.id } : {}), grades: EVALUATION_GRADES.map((g) => g.grade) },
  });
}
