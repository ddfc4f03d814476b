/**
 * The department's inbox: 待受理 (cases received and awaiting the acceptance decision, 行政许可法 第32条), 待办
 * (every task the user may work, with its case's light and due date) and 已办, filtered by case number; claim
 * a task, then complete it with an outcome and an opinion (or open the case page for every action).
 */
import { dateTime, deadline } from '../ui/format.js';
import type { CaseRow, Paged, TaskRow } from '../ui/api-types.js';
import { el, errorText, field, keyed, lightDot, say, select, stepLight, table } from '../ui/dom.js';
import { applicantName } from './cases-list.js';
import type { ConsoleContext } from './context.js';
import { OUTCOMES } from './context.js';
import { queueTabs } from './queues.js';

/** Lights of the cases behind the tasks, from the case query; empty when the query is not available. */
async function caseLights(ctx: ConsoleContext): Promise<Map<string, string>> {
  try {
    const page = await ctx.http.get<Paged<CaseRow>>('/api/cases?limit=200');
    return new Map(page.items.filter((r) => r.light).map((r) => [r.caseNo, r.light!]));
  } catch {
    return new Map();
  }
}

/** The completion form of one task: outcome, opinion, submit. */
function completeForm(ctx: ConsoleContext, task: TaskRow, done: () => void): HTMLElement {
  const { t } = ctx;
  const outcome = select('complete-outcome', OUTCOMES.map((o) => [o, keyed(t, 'outcome', o)]));
  const opinion = el('textarea', { id: 'complete-opinion', rows: 3, placeholder: t('Opinion (why)') });
  const form = el('form', { class: 'inline-form', id: 'complete-form', 'data-task': task.taskId },
    el('h3', {}, `${t('Complete task')}：${task.name ?? task.elementId} · ${task.caseNo}`),
    field(t('Outcome'), outcome), field(t('Opinion'), opinion),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', id: 'complete-submit' }, t('Complete')),
      el('button', { type: 'button', onclick: () => form.remove() }, t('Cancel'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.http.post(`/api/tasks/${encodeURIComponent(task.taskId)}/complete`, { outcome: outcome.value, ...(opinion.value ? { opinion: opinion.value } : {}) }).then(
      () => { say(t('Task completed'), 'ok'); done(); },
      (err: Error) => say(`${t('Could not complete the task')}: ${errorText(t, err)}`, 'error'),
    );
  });
  return form;
}

/** Renders the inbox page. */
export async function inboxPage(ctx: ConsoleContext, query: URLSearchParams = new URLSearchParams()): Promise<HTMLElement> {
  const { t, http } = ctx;
  const root = el('div', { class: 'page', id: 'inbox' });
  const status = select('filter-status', [['awaiting', t('Awaiting acceptance')], ['active', t('task.active')], ['completed', t('task.completed')]]);
  status.value = ['awaiting', 'active', 'completed'].includes(query.get('status') ?? '') ? query.get('status')! : 'active';
  const caseNo = el('input', { id: 'filter-case', placeholder: t('Case number') });
  const results = el('div', { class: 'results' });
  const formSlot = el('div', { class: 'form-slot' });

  const loadAwaiting = async (): Promise<void> => {
    const query = new URLSearchParams({ awaiting: 'true', limit: '200' });
    if (caseNo.value.trim()) query.set('caseNo', caseNo.value.trim());
    const page = await http.get<Paged<CaseRow>>(`/api/cases?${query}`);
    formSlot.replaceChildren();
    results.replaceChildren(
      el('p', { class: 'count' }, t('{n} cases', { n: page.total })),
      table<CaseRow>([
        { head: t('Light'), cell: (r) => lightDot(r.light, t), className: 'col-light' },
        { head: t('Case number'), cell: (r) => el('a', { href: `#/cases/${encodeURIComponent(r.caseNo)}`, class: 'case-link' }, r.caseNo) },
        { head: t('Item'), cell: (r) => r.itemName ?? r.itemCode ?? '—' },
        { head: t('Applicant'), cell: (r) => r.applicantName ?? applicantName(r.applicant) },
        { head: t('Status'), cell: (r) => keyed(t, 'status', r.status) },
        { head: t('Received'), cell: (r) => dateTime(r.receivedAt) },
        { head: t('Actions'), cell: (r) => el('a', { href: `#/cases/${encodeURIComponent(r.caseNo)}`, class: 'button pre-review' }, t('Pre-review')) },
      ], page.items, t('No cases awaiting acceptance'), (r) => ({ 'data-case': r.caseNo })),
    );
  };

  const load = async (): Promise<void> => {
    if (status.value === 'awaiting') return loadAwaiting();
    const query = new URLSearchParams({ status: status.value });
    if (caseNo.value.trim()) query.set('caseNo', caseNo.value.trim());
    const [tasks, lights, clock] = await Promise.all([http.get<TaskRow[]>(`/api/tasks?${query}`), caseLights(ctx), http.get<{ now: string }>('/api/clock').catch(() => undefined)]);
    formSlot.replaceChildren();
    const actions = (task: TaskRow): Node | string => {
      if (task.status !== 'active') return dateTime(task.completedAt);
      const claim = el('button', { type: 'button', class: 'claim' }, t('Claim'));
      claim.addEventListener('click', () => {
        http.post(`/api/tasks/${encodeURIComponent(task.taskId)}/claim`).then(
          async () => { say(t('Task claimed'), 'ok'); await load(); },
          (err: Error) => say(`${t('Could not claim the task')}: ${errorText(t, err)}`, 'error'));
      });
      const complete = el('button', { type: 'button', class: 'complete' }, t('Complete'));
      complete.addEventListener('click', () => formSlot.replaceChildren(completeForm(ctx, task, () => void load())));
      return el('span', { class: 'row-actions' }, ...(task.assignee ? [] : [claim]), complete);
    };
    results.replaceChildren(
      el('p', { class: 'count' }, t('{n} tasks', { n: tasks.length })),
      table<TaskRow>([
        { head: t('Light'), cell: (r) => lightDot(r.status === 'active' ? r.light?.light ?? stepLight(lights.get(r.caseNo), r.dueAt, clock?.now) : lights.get(r.caseNo), t), className: 'col-light' },
        { head: t('Case number'), cell: (r) => el('a', { href: `#/cases/${encodeURIComponent(r.caseNo)}`, class: 'case-link' }, r.caseNo) },
        { head: t('Task'), cell: (r) => r.name ?? r.elementId },
        { head: t('Stage'), cell: (r) => keyed(t, 'stage', r.stage) },
        { head: t('Department'), cell: (r) => r.department ?? '—' },
        { head: t('Assignee'), cell: (r) => r.assigneeName ?? r.assignee ?? t('Unclaimed') },
        { head: t('Received'), cell: (r) => dateTime(r.createdAt) },
        { head: t('Due'), cell: (r) => deadline(r.dueAt), className: 'col-due' },
        { head: status.value === 'active' ? t('Actions') : t('Completed at'), cell: actions },
      ], tasks, t('No tasks'), (r) => ({ 'data-task': r.taskId, 'data-case': r.caseNo })),
    );
  };

  const filters = el('form', { class: 'filters', id: 'inbox-filters' },
    field(t('Status'), status), field(t('Case number'), caseNo), el('button', { type: 'submit', class: 'primary' }, t('Search')));
  status.addEventListener('change', () => void load().catch((err: Error) => say(errorText(t, err), 'error')));
  filters.addEventListener('submit', (e) => { e.preventDefault(); void load().catch((err: Error) => say(errorText(t, err), 'error')); });
  const tabs = el('div', { class: 'queue-slot' }, queueTabs(t, status.value === 'awaiting' ? 'awaiting' : 'active'));
  status.addEventListener('change', () => tabs.replaceChildren(queueTabs(t, status.value === 'awaiting' ? 'awaiting' : 'active')));
  root.append(el('h1', {}, t('Task inbox')), tabs, filters, results, formSlot);
  await load();
  return root;
}
