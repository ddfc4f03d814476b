/**
 * The benchmark's approval flow and how a clerk drives it: the BPMN fixtures, the case numbers, and the six
 * commands of one case of the joint approval flow.
 *
 *   1. case.start                  start -> accept (user task, service centre clerk)
 *   2. task.complete accept        -> parallel fork -> three department reviews
 *   3. task.complete reviewMarket  (market supervision)
 *   4. task.complete reviewHealth  (health commission)
 *   5. task.complete reviewFire    (fire and rescue) -> parallel join -> decide
 *   6. task.complete decide        -> issue (service task, `issue-certificate`, an outbox row) -> end
 *
 * The `timers` variant adds a non-interrupting P3D reminder on each review (timer row scheduled on entry,
 * cancelled on completion, `notify-staff` when it fires); the `rules` variant makes `accept` a business rule
 * task, so a case takes five commands (the rule table is evaluated inside `case.start`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseEvent, Command, TaskInfo, Variables } from '../../engine/core/types.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The flow variants. */
export type Variant = 'plain' | 'timers' | 'rules';

/** Deployment key and fixture file of each variant. */
export const FLOWS: Record<Variant, { key: string; file: string }> = {
  plain: { key: 'joint-approval', file: 'joint-approval.bpmn' },
  timers: { key: 'joint-approval-timers', file: 'joint-approval-timers.bpmn' },
  rules: { key: 'joint-approval-rules', file: 'joint-approval-rules.bpmn' },
};

/** The BPMN source of a variant. */
export function flowXml(variant: Variant): string {
  return readFileSync(path.join(fixtures, FLOWS[variant].file), 'utf8');
}

/** The user tasks completed after `case.start`, in order, with the latency label of each. */
export const USER_STEPS: Record<Variant, ReadonlyArray<{ elementId: string; label: string }>> = {
  plain: steps(true),
  timers: steps(true),
  rules: steps(false),
};

function steps(withAccept: boolean) {
  return [
    ...(withAccept ? [{ elementId: 'accept', label: 'accept' }] : []),
    { elementId: 'reviewMarket', label: 'review' },
    { elementId: 'reviewHealth', label: 'review' },
    { elementId: 'reviewFire', label: 'review' },
    { elementId: 'decide', label: 'decide' },
  ];
}

/** Commands per case of a variant (start included). */
export function commandsPerCase(variant: Variant): number {
  return 1 + USER_STEPS[variant].length;
}

/** Case numbers all of one width (`SP-0000042`), so copies of a template case have rows of the same size. */
export function caseNo(n: number): string {
  return `SP-${String(n).padStart(7, '0')}`;
}

/** The applicant's data, which the rule table of the `rules` variant reads. */
export function applicantVariables(n: number): Variables {
  const kinds = ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'OTHER_ORG'];
  return {
    applicant: { name: '陈静', idSuffix: '123X', kind: kinds[n % 3]! },
    premises: { address: '杭州市西湖区文三路 90 号', area: (n * 7) % 250 },
    operatesOnline: n % 2 === 0,
    item: '食品经营许可',
  };
}

/** The `case.start` command of case `n`. */
export function startCommand(n: number): Command {
  return { type: 'case.start', caseId: caseNo(n), variables: applicantVariables(n), actor: { id: 'applicant' } };
}

/** The completion of the open task of `elementId`. */
export function completeCommand(taskId: string, elementId: string): Command {
  return {
    type: 'task.complete', taskId, outcome: 'approve', opinion: '材料齐全，同意', actor: { id: `clerk.${elementId}` },
  };
}

/** Remembers the open tasks of the cases a driver has in flight, from the events the runner returned. */
export function openTaskIds(events: readonly CaseEvent[], into: Map<string, string> = new Map()): Map<string, string> {
  for (const event of events) {
    if (event.type === 'task.created') {
      const task = event.task as unknown as TaskInfo;
      into.set(task.elementId, task.taskId);
    }
  }
  return into;
}
