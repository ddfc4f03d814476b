/**
 * Supervision notices (督办): every record the supervision rules opened, with its case, rule, department
 * and response due date; the responsible department answers here (POST …/notices/:id/response).
 */
import { el, errorText, keyed, say, section, table } from '../ui/dom.js';
import { dateTime } from '../ui/format.js';
import type { ConsoleContext } from './context.js';

/** A supervision notice (GET /api/supervision/notices). */
export interface NoticeRow {
  id: string;
  caseNo: string;
  rule: string;
  warningType?: string;
  content: string;
  department: string;
  issuedOn: string;
  responseDue: string;
  response?: string;
  respondedAt?: string;
  respondedBy?: string;
  responseOverdue: boolean;
}

/** Renders the notices page. */
export async function noticesPage(ctx: ConsoleContext): Promise<HTMLElement> {
  const { t, http } = ctx;
  const notices = await http.get<NoticeRow[]>('/api/supervision/notices');
  const formSlot = el('div', { class: 'form-slot' });

  const respond = (n: NoticeRow): HTMLElement => {
    const text = el('textarea', { id: 'response-text', rows: 3, placeholder: t('What the department did and will do') });
    const form = el('form', { class: 'inline-form', id: 'response-form', 'data-notice': n.id },
      el('h3', {}, `${t('Respond to notice')} ${n.id} · ${n.caseNo}`), text,
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, t('Send response'))));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      http.post(`/api/supervision/notices/${encodeURIComponent(n.id)}/response`, { response: text.value }).then(
        () => { say(t('Response sent'), 'ok'); void (window as any).shenpi.render(); },
        (err: Error) => say(errorText(t, err), 'error'));
    });
    return form;
  };

  const list = table<NoticeRow>([
    { head: t('Case number'), cell: (n) => el('a', { href: `#/cases/${encodeURIComponent(n.caseNo)}` }, n.caseNo) },
    { head: t('Rule'), cell: (n) => keyed(t, 'violation', n.rule) },
    // The server's content is an English record for the log; a zh-CN reader gets the rule's own text.
    { head: t('Content'), cell: (n) => keyed(t, 'violation-text', n.rule, /[\u4e00-\u9fff]/.test(n.content) ? n.content : keyed(t, 'violation', n.rule)) },
    { head: t('Responsible department'), cell: (n) => n.department },
    { head: t('Issued'), cell: (n) => n.issuedOn },
    { head: t('Response due'), cell: (n) => el('span', { class: n.responseOverdue ? 'missing' : '' }, n.responseDue) },
    { head: t('Response'), cell: (n) => {
      if (n.response) return el('span', { class: 'answered' }, `${n.response}（${n.respondedBy ?? ''} ${dateTime(n.respondedAt)}）`);
      const b = el('button', { type: 'button', class: 'respond' }, t('Respond'));
      b.addEventListener('click', () => formSlot.replaceChildren(respond(n)));
      return b;
    } },
  ], notices, t('No supervision notices'), (n) => ({ 'data-notice': n.id, 'data-answered': String(!!n.response) }));
  list.id = 'notices';
  return el('div', { class: 'page', id: 'notices-page' }, el('h1', {}, t('Supervision notices')),
    section(t('Notices'), el('p', { class: 'count' }, t('{n} notices', { n: notices.length })), list), formSlot);
}
