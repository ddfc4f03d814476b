/**
 * What the task operations of the case page share: the open task as the case detail gives it (with its
 * owner, delegation and 加签 state), who the logged-in user is to it, the colleague pickers and a form that
 * posts one operation and says the result in Chinese.
 */
import type { CandidateView } from '../../../../contracts/api/task-operations.js';
import type { OpenTaskView } from '../../ui/api-types.js';
import { el, errorText, field, say, select, type T } from '../../ui/dom.js';
import type { Me } from '../../ui/http.js';
import type { ActionKit } from './kit.js';

/** An open step of the case (the case detail's `openTasks`), with its 委派 and 加签 state. */
export type OpenTask = OpenTaskView;

/** A colleague who may hold the step (`GET /api/tasks/:id/candidates`). */
export type Candidate = CandidateView;

/** Platform roles that work steps (the others supervise). */
const STAFF = ['department-staff', 'department-admin'];

/** Whether `me` works steps at all. */
export function isStaff(me: Me | undefined): me is Me {
  return !!me && me.roles.some((r) => STAFF.includes(r));
}

/** The holder of the task, with it at its owner (not delegated, no signer before them): may transfer, delegate, add signers, reject, copy. */
export function holds(me: Me | undefined, task: OpenTask): boolean {
  return isStaff(me) && task.assignee === me.id && !task.delegated && (task.owner === undefined || task.owner === me.id);
}

/** The delegate of a delegated task: resolves it back to its owner. */
export function isDelegate(me: Me | undefined, task: OpenTask): boolean {
  return isStaff(me) && task.delegated === true && task.assignee === me.id;
}

/** The previous approver of an untouched next step: may take their own step back (拿回). */
export function mayReclaim(me: Me | undefined, task: OpenTask): boolean {
  return isStaff(me) && task.prev?.by === me.id && !task.touched && task.assignee !== me.id;
}

/**
 * 催办, as the server allows it (server/identity/permissions.ts `task.urge`): the reform office and supervision
 * urge any step; the step's department a step a colleague holds — an unclaimed one is claimed, not urged.
 */
export function mayUrge(me: Me | undefined, task: OpenTask): boolean {
  if (!me || task.assignee === me.id) return false;
  if (me.roles.some((r) => r === 'reform-office-admin' || r === 'auditor')) return true;
  return isStaff(me) && task.assignee !== undefined && me.department !== undefined && me.department === task.department;
}

const rosters = new WeakMap<ActionKit, Map<string, Promise<Candidate[]>>>();

/** Everyone who may hold `task` (`GET /api/tasks/:id/candidates`), asked once per task and page. */
export function roster(kit: ActionKit, taskId: string): Promise<Candidate[]> {
  const mine = rosters.get(kit) ?? new Map<string, Promise<Candidate[]>>();
  rosters.set(kit, mine);
  if (!mine.has(taskId)) mine.set(taskId, kit.ctx.http.get<Candidate[]>(`/api/tasks/${encodeURIComponent(taskId)}/candidates`).catch(() => []));
  return mine.get(taskId)!;
}

/** The colleagues who may hold `task`, but not `me` nor whoever holds or owns it now. */
export async function colleagues(kit: ActionKit, task: OpenTask, me: Me): Promise<Candidate[]> {
  return (await roster(kit, task.taskId)).filter((c) => c.id !== me.id && c.id !== task.assignee && c.id !== task.owner);
}

/** A single choice among colleagues (转办, 委派). */
export function colleagueSelect(t: T, id: string, people: Candidate[]): HTMLSelectElement {
  return select(id, people.map((p) => [p.id, p.name]), t('Choose a colleague'));
}

/** Several colleagues (加签, 抄送) as checkboxes; `picked()` gives the ticked ids. */
export function colleagueChecks(name: string, people: readonly { id: string; name: string }[]): { node: HTMLElement; picked: () => string[] } {
  const boxes = people.map((p) => el('input', { type: 'checkbox', name, value: p.id }));
  const node = el('div', { class: 'checks', 'data-field': name },
    ...people.map((p, i) => el('label', { class: 'check' }, boxes[i]!, ' ', p.name)));
  return { node, picked: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}

/** A reason or opinion box. */
export function reasonBox(id: string, placeholder: string): HTMLTextAreaElement {
  return el('textarea', { id, class: 'op-reason', rows: 2, placeholder });
}

/**
 * A form of one operation: its fields and a submit button that posts `body()` to `/api/tasks/<id><path>`;
 * `body()` says what is missing by returning a message instead; `done` is the Chinese result told after
 * success, before the page reloads.
 */
export function operationForm(
  kit: ActionKit, task: OpenTask, op: string, fields: HTMLElement[], submit: string, path: string,
  body: () => unknown | string, done: () => string,
): HTMLElement {
  const { t, http } = kit.ctx;
  const button = el('button', { type: 'submit', class: 'primary op-submit' }, submit);
  const form = el('form', { class: 'op-form', 'data-op': op }, ...fields, button);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const payload = body();
    if (typeof payload === 'string') { say(payload, 'error'); return; }
    button.disabled = true;
    http.post(`/api/tasks/${encodeURIComponent(task.taskId)}${path}`, payload).then(
      () => { say(done(), 'ok'); kit.reload(); },
      (err: Error) => { button.disabled = false; say(`${submit}：${errorText(t, err)}`, 'error'); });
  });
  return form;
}

/** A labelled field. */
export const labelled = (label: string, control: HTMLElement): HTMLElement => field(label, control);

/** The names of `ids` among `people`, joined with 、. */
export function namesOf(ids: string[], people: readonly { id: string; name: string }[]): string {
  return ids.map((id) => people.find((p) => p.id === id)?.name ?? id).join('、');
}
