/**
 * The operations on a step of the case page (办理操作): 转办, 委派 and its 交回, 加签 before, after and in
 * parallel, 减签, 驳回 to an earlier step or to the applicant, 抄送, 拿回 and 催办. Each shows only to whom
 * the server lets do it (the holder of the step; the delegate; the previous approver; the step's department
 * and supervision for 催办), picks colleagues from those who may hold the step, asks for the reason, and
 * says the result in Chinese.
 */
import type { RejectTargetView } from '../../../../contracts/api/task-operations.js';
import type { TaskRow } from '../../ui/api-types.js';
import { el, keyed, select } from '../../ui/dom.js';
import type { Me } from '../../ui/http.js';
import { copyDepartments } from './copy-departments.js';
import { group, type ActionKit, type CaseActionModule } from './kit.js';
import {
  colleagueChecks, colleagues, colleagueSelect, holds, isDelegate, labelled, mayReclaim, mayUrge, namesOf,
  operationForm, reasonBox, roster, type Candidate, type OpenTask,
} from './task-ops-kit.js';

type Form = () => Promise<HTMLElement>;

const need = (value: string, message: string): string | undefined => (value.trim() ? undefined : message);

function transferForm(kit: ActionKit, task: OpenTask, me: Me, op: 'transfer' | 'delegate'): Form {
  const { t } = kit.ctx;
  return async () => {
    const people = await colleagues(kit, task, me);
    const to = colleagueSelect(t, `${op}-to`, people);
    const reason = reasonBox(`${op}-reason`, op === 'transfer' ? t('Why it goes to them') : t('What they should do'));
    const name = () => people.find((p) => p.id === to.value)?.name ?? to.value;
    return operationForm(kit, task, op, [labelled(op === 'transfer' ? t('Transfer to') : t('Delegate to'), to), labelled(t('Reason'), reason)],
      op === 'transfer' ? t('Confirm the transfer') : t('Confirm the delegation'), `/${op}`,
      () => need(to.value, t('Choose a colleague')) ?? need(reason.value, t('Give the reason')) ?? { to: to.value, reason: reason.value.trim() },
      () => (op === 'transfer' ? t('Transferred to {name}; the step left your inbox', { name: name() }) : t('Delegated to {name}; it comes back to you to confirm', { name: name() })));
  };
}

function signersForm(kit: ActionKit, task: OpenTask, me: Me): Form {
  const { t } = kit.ctx;
  return async () => {
    const people = await colleagues(kit, task, me);
    const modes: [string, string][] = [['before', t('signers.before')], ['after', t('signers.after')]];
    // Parallel 加签 adds instances to a running multi-instance step: only an instance of one offers it.
    if (task.loopCounter !== undefined) modes.push(['parallel', t('signers.parallel')]);
    const mode = select('signers-mode', modes);
    const who = colleagueChecks('signers', people);
    const reason = reasonBox('signers-reason', t('Why they sign too'));
    return operationForm(kit, task, 'signers', [labelled(t('Mode'), mode), labelled(t('Signers'), who.node), labelled(t('Reason'), reason)],
      t('Confirm adding signers'), '/signers',
      () => (who.picked().length ? undefined : t('Tick at least one colleague')) ?? need(reason.value, t('Give the reason')) ?? { signers: who.picked(), mode: mode.value, reason: reason.value.trim() },
      () => t('Signers added ({mode}): {names}', { mode: keyed(t, 'signers', mode.value), names: namesOf(who.picked(), people) }));
  };
}

/** The signers 加签 added who have not signed: queued ones, the one signing now, parallel instances this task added. */
function removable(task: OpenTask, open: OpenTask[]): string[] {
  const owner = task.owner ?? task.assignee;
  const pending = (task.added ?? []).filter((s) => task.queue?.includes(s) || (task.assignee === s && s !== owner));
  const parallel = open.filter((o) => o.addedBy === task.taskId && o.assignee).map((o) => o.assignee!);
  return [...new Set([...pending, ...parallel])];
}

function removeForm(kit: ActionKit, task: OpenTask, signers: string[]): Form {
  const { t } = kit.ctx;
  return async () => {
    const people: Candidate[] = await roster(kit, task.taskId);
    const shown = signers.map((id) => ({ id, name: people.find((p) => p.id === id)?.name ?? id }));
    const who = colleagueChecks('remove-signers', shown);
    const reason = reasonBox('remove-reason', t('Why they no longer sign'));
    return operationForm(kit, task, 'remove-signers', [labelled(t('Signers'), who.node), labelled(t('Reason'), reason)],
      t('Confirm removing signers'), '/signers/remove',
      () => (who.picked().length ? undefined : t('Tick at least one signer')) ?? need(reason.value, t('Give the reason')) ?? { signers: who.picked(), reason: reason.value.trim() },
      () => t('Signers removed: {names}', { names: namesOf(who.picked(), shown) }));
  };
}

function rejectForm(kit: ActionKit, task: OpenTask): Form {
  const { t, http } = kit.ctx;
  return async () => {
    // The steps done before this one, whichever department did them (GET /api/tasks/:id/reject-targets).
    const done = await http.get<RejectTargetView[]>(`/api/tasks/${encodeURIComponent(task.taskId)}/reject-targets`);
    const passed = done.map((d): [string, string] => [d.elementId, d.name ?? keyed(t, 'stage', d.elementId)]);
    const targets: [string, string][] = [['previous', t('The previous step')], ...passed.map(([id, name]): [string, string] => [id, name]), ['applicant', t('The applicant (correction)')]];
    const to = select('reject-to', targets);
    const resume = select('reject-resume', [['through', t('resume.through')], ['back-to-me', t('resume.back-to-me')]]);
    const reason = reasonBox('reject-reason', t('Why it must be done again'));
    const target = () => targets.find(([id]) => id === to.value)?.[1] ?? to.value;
    return operationForm(kit, task, 'reject', [labelled(t('Reject to'), to), labelled(t('After it is done again'), resume), labelled(t('Reason'), reason)],
      t('Confirm the rejection'), '/reject',
      () => need(reason.value, t('Give the reason')) ?? { to: to.value, resume: resume.value, reason: reason.value.trim() },
      () => t('Rejected to {target}; {resume}', { target: target(), resume: keyed(t, 'resume', resume.value) }));
  };
}

function copyForm(kit: ActionKit, task: OpenTask, me: Me): Form {
  const { t } = kit.ctx;
  return async () => {
    const people = await colleagues(kit, task, me);
    const users = colleagueChecks('copy-users', people);
    const departments = copyDepartments(kit.c);
    const depts = colleagueChecks('copy-departments', departments.map((d) => ({ id: d, name: d })));
    const note = reasonBox('copy-note', t('What they should know'));
    return operationForm(kit, task, 'copies', [labelled(t('Colleagues'), users.node), labelled(t('Departments'), depts.node), labelled(t('Note'), note)],
      t('Confirm the copy'), '/copies',
      () => (users.picked().length || depts.picked().length ? undefined : t('Tick at least one colleague or department')) ?? { users: users.picked(), departments: depts.picked(), ...(note.value.trim() ? { note: note.value.trim() } : {}) },
      () => t('Copied to {names} (read only)', { names: [namesOf(users.picked(), people), depts.picked().join('、')].filter(Boolean).join('、') }));
  };
}

function resolveForm(kit: ActionKit, task: OpenTask): Form {
  const { t } = kit.ctx;
  return async () => {
    const opinion = reasonBox('resolve-opinion', t('Your opinion for the owner'));
    return operationForm(kit, task, 'resolve', [labelled(t('Opinion'), opinion)], t('Hand back to the owner'), '/resolve',
      () => need(opinion.value, t('Write your opinion')) ?? { opinion: opinion.value.trim() },
      () => t('Handed back to the owner to confirm and complete'));
  };
}

function reclaimForm(kit: ActionKit, task: OpenTask, done: TaskRow[]): Form {
  const { t } = kit.ctx;
  return async () => {
    const prev = task.prev!;
    const name = done.find((d) => d.taskId === prev.taskId)?.name ?? prev.el;
    const reason = reasonBox('reclaim-reason', t('Why you take it back'));
    // 拿回 names the step one completed: the request goes to that task.
    const form = operationForm(kit, { ...task, taskId: prev.taskId }, 'reclaim', [labelled(t('Reason'), reason)], t('Take back {step}', { step: name }), '/reclaim',
      () => need(reason.value, t('Give the reason')) ?? { reason: reason.value.trim() },
      () => t('{step} is back in your inbox', { step: name }));
    return form;
  };
}

function urgeForm(kit: ActionKit, task: OpenTask): Form {
  const { t } = kit.ctx;
  return async () => {
    const note = reasonBox('urge-note', t('A word to whoever holds it'));
    return operationForm(kit, task, 'urge', [labelled(t('Note'), note)], t('Send the reminder'), '/urge',
      () => ({ ...(note.value.trim() ? { note: note.value.trim() } : {}) }),
      () => t('Reminder sent to the holder of {step}', { step: task.name ?? task.elementId }));
  };
}

/** The operations `me` may do on `task`, in the order an official meets them. */
function operations(kit: ActionKit, task: OpenTask, me: Me | undefined, open: OpenTask[], done: TaskRow[]): [string, string, Form][] {
  const { t } = kit.ctx;
  const ops: [string, string, Form][] = [];
  if (me && holds(me, task)) {
    ops.push(['transfer', t('Transfer'), transferForm(kit, task, me, 'transfer')], ['delegate', t('Delegate'), transferForm(kit, task, me, 'delegate')],
      ['signers', t('Add signers'), signersForm(kit, task, me)]);
    const signers = removable(task, open);
    if (signers.length) ops.push(['remove-signers', t('Remove signers'), removeForm(kit, task, signers)]);
    ops.push(['reject', t('Reject'), rejectForm(kit, task)], ['copies', t('Copy to'), copyForm(kit, task, me)]);
  }
  if (me && isDelegate(me, task)) ops.push(['resolve', t('Hand back'), resolveForm(kit, task)]);
  if (me && mayReclaim(me, task)) ops.push(['reclaim', t('Take back'), reclaimForm(kit, task, done)]);
  if (mayUrge(me, task)) ops.push(['urge', t('Urge'), urgeForm(kit, task)]);
  return ops;
}

/** Who works the step now, in words: delegated, a signer signing before the owner, or its holder. */
function holderLine(kit: ActionKit, task: OpenTask, people: Candidate[]): string {
  const { t } = kit.ctx;
  // The server names the holder and the owner; the colleagues' roster names anyone else.
  const known = new Map([[task.assignee, task.assigneeName], [task.owner, task.ownerName]].filter((p): p is [string, string] => !!p[0] && !!p[1]));
  const name = (id: string | undefined) => (id && known.get(id)) || namesOf(id ? [id] : [], people);
  if (task.delegated) return t('Delegated by {owner} to {to}', { owner: name(task.owner), to: name(task.assignee) });
  if (task.owner !== undefined && task.assignee !== task.owner) return t('Signer {who} signs before {owner}', { who: name(task.assignee), owner: name(task.owner) });
  return task.assignee ? t('Held by {who}', { who: name(task.assignee) }) : t('Unclaimed');
}

/** The operations of every open step the user may act on, one block per step. */
export const taskOperationActions: CaseActionModule = async (kit) => {
  const open: OpenTask[] = kit.c.openTasks;
  const me = kit.ctx.me?.();
  if (!open.length || !me) return undefined;
  // A suspended case (a special procedure, a correction asked of the applicant) takes no command on its steps
  // until it resumes (CASE_SUSPENDED), so none is offered.
  if ((kit.c.ledger ?? []).some((x) => !x.end)) return undefined;
  const { t, http } = kit.ctx;
  const done = await http.get<TaskRow[]>(`/api/tasks?caseNo=${encodeURIComponent(kit.c.caseNo)}&status=completed`).catch(() => [] as TaskRow[]);
  const acting = open.map((task) => ({ task, ops: operations(kit, task, me, open, done) })).filter((a) => a.ops.length);
  const people = await Promise.all(acting.map((a) => roster(kit, a.task.taskId)));
  const blocks = acting.map(({ task, ops }, i) => {
    const slot = el('div', { class: 'op-slot' });
    const buttons = ops.map(([op, label, form]) => {
      const b = el('button', { type: 'button', class: 'op', 'data-op': op }, label);
      b.addEventListener('click', () => {
        for (const other of buttons) other.classList.toggle('active', other === b);
        void form().then((f) => slot.replaceChildren(f), () => slot.replaceChildren(el('p', { class: 'form-error' }, t('Could not load the colleagues'))));
      });
      return b;
    });
    return el('div', { class: 'task-ops', 'data-task': task.taskId, 'data-element': task.elementId },
      el('h4', {}, task.name ?? keyed(t, 'stage', task.stage), ' ', el('small', { class: 'holder' }, holderLine(kit, task, people[i]!))),
      el('div', { class: 'op-buttons' }, ...buttons), slot);
  });
  return blocks.length ? group('task-operations', t('Operations on the steps'), ...blocks) : undefined;
};
