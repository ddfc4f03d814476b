/**
 * The open steps of the case (当前环节) on its page: each with its due time and light, claimed and completed
 * here with an outcome and an opinion (the 制证 step after the certificate is issued), and the return of
 * the case to an earlier step (退回) with the reason.
 */
import type { OpenTaskView, TaskRow } from '../../ui/api-types.js';
import { el, errorText, field, keyed, lightDot, say, select, stepLight } from '../../ui/dom.js';
import { dueText } from '../../ui/format.js';
import type { Me } from '../../ui/http.js';
import { isStaff } from './task-ops-kit.js';
import { waitsForFees } from '../case-fees.js';
import { OUTCOMES } from '../context.js';
import { group, type ActionKit, type CaseActionModule } from './kit.js';

/** Whether a step is the certificate step (制证), which the server completes only after issuance. */
export function isIssueStep(task: { stage?: string; elementId?: string }): boolean {
  return task.stage === 'issue' || task.elementId === 'issue';
}

/**
 * Whether the logged-in user works `task`: staff of the step's department. In a joint approval each
 * co-department works its own step (the server refuses another's, STEP_DEPARTMENT_MISMATCH), so the others
 * see the step without its form.
 */
export function mayWork(me: Me | undefined, task: OpenTaskView): boolean {
  if (!me) return true;
  return isStaff(me) && (task.department === undefined || me.department === task.department);
}

/** The heading of an open step: its light, name, department, due time and who holds it. */
function stepHeading(kit: ActionKit, task: OpenTaskView): HTMLElement {
  const { t } = kit.ctx;
  // The step's own light is the clock that supervises it, as the server reads it (`light` of the task).
  return el('h4', {}, lightDot(task.light?.light ?? stepLight(kit.c.light, task.dueAt, kit.c.now), t), ' ', task.name ?? keyed(t, 'stage', task.stage), ' ', el('small', {}, `${task.department ?? ''} · ${t('Due')} `, el('span', { class: 'step-due' }, dueText(task.dueAt)),
    ` · ${task.assignee ? `${t('Assignee')} ${task.assigneeName ?? task.assignee}` : t('Unclaimed')}`));
}

/** A step that needs the fees paid first (the item's payBefore): shown with what it waits for, no form. */
function stepAwaitingFees(kit: ActionKit, task: OpenTaskView): HTMLElement {
  const { t } = kit.ctx;
  return el('div', { class: 'step waiting', 'data-task': task.taskId, 'data-element': task.elementId },
    stepHeading(kit, task), el('p', { class: 'notice' }, t('This step may be done once the applicant has paid the fees in full; the applicant pays online.')));
}

/** A step of a suspended case (a special procedure runs): shown, with no form until the procedure ends. */
function stepSuspended(kit: ActionKit, task: OpenTaskView): HTMLElement {
  const { t } = kit.ctx;
  return el('div', { class: 'step waiting', 'data-task': task.taskId, 'data-element': task.elementId },
    stepHeading(kit, task), el('p', { class: 'notice' }, t('The case is suspended while the special procedure runs; end it to go on with this step.')));
}

/** A step another department works: shown, with no form. */
function stepView(kit: ActionKit, task: OpenTaskView): HTMLElement {
  const { t } = kit.ctx;
  return el('div', { class: 'step other', 'data-task': task.taskId, 'data-element': task.elementId },
    stepHeading(kit, task), el('p', { class: 'hint' }, t('Worked by {department}', { department: task.department ?? '—' })));
}

/** The form of one open step. */
function stepForm(kit: ActionKit, task: OpenTaskView): HTMLElement {
  const { t, http } = kit.ctx;
  const id = encodeURIComponent(task.taskId);
  const outcome = select(`outcome-${task.elementId}`, OUTCOMES.map((o) => [o, keyed(t, 'outcome', o)]));
  outcome.classList.add('step-outcome');
  const opinion = el('textarea', { class: 'step-opinion', rows: 2, placeholder: t('Opinion (why)') });
  const complete = el('button', { type: 'button', class: 'primary step-complete' }, t('Complete this step'));
  complete.addEventListener('click', () => {
    if (isIssueStep(task) && !kit.c.certificate) { say(t('Issue the certificate first'), 'error'); return; }
    if (!opinion.value.trim()) { say(t('Write the opinion of this step'), 'error'); opinion.focus(); return; }
    complete.disabled = true;
    // Claiming is part of doing the work: an unclaimed step is claimed by whoever completes it.
    const claimed = task.assignee ? Promise.resolve() : http.post(`/api/tasks/${id}/claim`, {});
    claimed.then(() => http.post(`/api/tasks/${id}/complete`, { outcome: outcome.value, opinion: opinion.value.trim() })).then(
      () => { say(t('{step}: completed', { step: task.name ?? task.elementId }), 'ok'); kit.reload(); },
      (err: Error) => { complete.disabled = false; say(`${t('Could not complete the task')}：${errorText(t, err)}`, 'error'); });
  });
  return el('div', { class: 'step', 'data-task': task.taskId, 'data-element': task.elementId },
    stepHeading(kit, task),
    field(t('Outcome'), outcome), field(t('Opinion'), opinion), complete);
}

/** Return to an earlier step: the steps already done, and the reason. */
function returnForm(kit: ActionKit, done: TaskRow[]): HTMLElement | undefined {
  const { t } = kit.ctx;
  const targets = [...new Map(done.map((d) => [d.elementId, d.name ?? d.elementId])).entries()];
  if (!targets.length) return undefined;
  const to = select('return-to', targets.map(([id, name]) => [id, name]));
  const reason = el('input', { id: 'return-reason', placeholder: t('Why the step must be done again') });
  return el('div', { class: 'return' }, el('h4', {}, t('Return to an earlier step')), field(t('Step'), to), field(t('Reason'), reason),
    kit.run('return-case', t('Return'), '/return', () => {
      if (!reason.value.trim()) { say(t('Give the reason for the return'), 'error'); reason.focus(); return undefined; }
      return { toElementId: to.value, reason: reason.value.trim() };
    }));
}

/** The open steps and the return, while the case is in handling. */
export const stepActions: CaseActionModule = async (kit) => {
  const open = kit.c.openTasks;
  if (!open.length) return undefined;
  const { t, http } = kit.ctx;
  const done = await http.get<TaskRow[]>(`/api/tasks?caseNo=${encodeURIComponent(kit.c.caseNo)}&status=completed`).catch(() => [] as TaskRow[]);
  const back = returnForm(kit, done.filter((d) => !open.some((o) => o.elementId === d.elementId)));
  const me = kit.ctx.me?.();
  // A suspended case refuses work (特别程序 挂起): the steps wait until the procedure ends.
  const suspended = (kit.c.ledger ?? []).some((x) => !x.end);
  const shown = (task: OpenTaskView) => (!mayWork(me, task) ? stepView(kit, task) : suspended ? stepSuspended(kit, task) : waitsForFees(kit.c, task) ? stepAwaitingFees(kit, task) : stepForm(kit, task));
  return group('step-actions', t('Current steps'), ...open.map(shown), ...(back && !suspended && open.some((task) => mayWork(me, task)) ? [back] : []));
};
