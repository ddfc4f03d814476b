/**
 * 抄送我的: the copies of steps given to the user or their department (`GET /api/copies`), newest first, each
 * with its case, the step, who copied it (or the 抄送 step of the process) and their note, unread until the
 * case is opened. Copies are read only: the case page opens, its steps are worked by their holders.
 */
import type { CopyRowView } from '../../../contracts/api/copies.js';
import { el, table } from '../ui/dom.js';
import { dateTime } from '../ui/format.js';
import type { ConsoleContext } from './context.js';

/** One copy as the list shows it (the contract's). */
type CopyRow = CopyRowView;

/** Renders the "抄送我的" page. */
export async function copiesPage(ctx: ConsoleContext): Promise<HTMLElement> {
  const { t, http } = ctx;
  const rows = await http.get<CopyRow[]>('/api/copies');
  const list = table<CopyRow>([
    { head: t('Case number'), cell: (r) => el('a', { href: `#/cases/${encodeURIComponent(r.caseNo)}`, class: 'case-link' }, r.caseNo) },
    { head: t('Task'), cell: (r) => r.taskName ?? '—' },
    { head: t('Copied by'), cell: (r) => (r.byStep ? t('The 抄送 step (after {who})', { who: r.byName ?? r.by }) : r.byName ?? r.by) },
    { head: t('Copied at'), cell: (r) => dateTime(r.at) },
    { head: t('Note'), cell: (r) => r.note ?? '' },
    { head: t('Read'), cell: (r) => el('span', { class: r.read ? 'copy-read' : 'copy-unread' }, t(r.read ? 'Read' : 'Unread')) },
  ], rows, t('No copies'), (r) => ({ 'data-case': r.caseNo, 'data-task': r.taskId, 'data-read': String(r.read) }));
  list.id = 'copies';
  return el('div', { class: 'page', id: 'copies-page' },
    el('h1', {}, t('Copied to me')),
    el('p', { class: 'hint' }, t('Copies are read only: they let you follow the case, not work its steps.')),
    el('p', { class: 'count' }, t('{n} copies, {u} unread', { n: rows.length, u: rows.filter((r) => !r.read).length })), list);
}
