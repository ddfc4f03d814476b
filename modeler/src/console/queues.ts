/**
 * The workbench queues beside the inbox: 待受理 and 待办 (the inbox), 已办 (cases I acted on), 抄送我的 (cases
 * whose steps were copied to me or my department) and 我发起的 (window applications I registered), each
 * filtered by case number, applicant, item, light and status. The filters live in the hash's query.
 */
import type { CaseRow, ItemRow, Paged } from '../ui/api-types.js';
import { el, field, keyed, lightDot, LIGHTS, select, table, type T } from '../ui/dom.js';
import { dateTime, deadlineDay } from '../ui/format.js';
import { go } from '../ui/router.js';
import { applicantName } from './cases-list.js';
import type { ConsoleContext } from './context.js';

/** The queues of `GET /api/cases?queue=`. */
export const QUEUES = ['done', 'copied', 'started'] as const;
/** One of `QUEUES`. */
export type Queue = (typeof QUEUES)[number];

/** SPGL statuses offered as filters. */
const STATUSES = [1, 3, 5, 6, 7, 8, 9, 11, 12, 13, 14];

/** The tab bar of the five queues; `active` is highlighted. */
export function queueTabs(t: T, active: 'awaiting' | 'active' | Queue): HTMLElement {
  const tabs: Array<[string, string, string]> = [
    ['awaiting', '#/inbox?status=awaiting', t('Awaiting acceptance')],
    ['active', '#/inbox', t('To do')],
    ['done', '#/queues/done', t('Done by me')],
    ['copied', '#/queues/copied', t('Copied to me')],
    ['started', '#/queues/started', t('Registered by me')],
  ];
  return el('nav', { class: 'queue-tabs', id: 'queue-tabs' }, ...tabs.map(([key, href, text]) =>
    el('a', { href, 'data-queue': key, class: key === active ? 'active' : undefined }, text)));
}

/** Renders queue `queue` with the filters of `query`. */
export async function queuePage(ctx: ConsoleContext, queue: string, query: URLSearchParams): Promise<HTMLElement> {
  const { t, http } = ctx;
  const q: Queue = (QUEUES as readonly string[]).includes(queue) ? (queue as Queue) : 'done';
  const api = new URLSearchParams({ queue: q, limit: '200' });
  for (const k of ['caseNo', 'applicant', 'item', 'light', 'status']) if (query.get(k)) api.set(k, query.get(k)!);
  const [page, items] = await Promise.all([
    http.get<Paged<CaseRow>>(`/api/cases?${api}`),
    http.get<ItemRow[]>('/api/items').catch(() => [] as ItemRow[]),
  ]);

  const caseNo = el('input', { id: 'queue-case', value: query.get('caseNo') ?? '' });
  const applicant = el('input', { id: 'queue-applicant', value: query.get('applicant') ?? '' });
  const item = select('queue-item', items.map((i) => [i.code, i.name ?? i.code]), t('All'));
  item.value = query.get('item') ?? '';
  const light = select('queue-light', LIGHTS.map((l) => [l, keyed(t, 'light', l)]), t('All'));
  light.value = query.get('light') ?? '';
  const status = select('queue-status', STATUSES.map((s) => [String(s), keyed(t, 'status', s)]), t('All'));
  status.value = query.get('status') ?? '';
  const filters = el('form', { class: 'filters', id: 'queue-filters' },
    field(t('Case number'), caseNo), field(t('Applicant'), applicant), field(t('Item'), item), field(t('Light'), light), field(t('Status'), status),
    el('button', { type: 'submit', class: 'primary' }, t('Search')));
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (caseNo.value.trim()) next.set('caseNo', caseNo.value.trim());
    if (applicant.value.trim()) next.set('applicant', applicant.value.trim());
    if (item.value) next.set('item', item.value);
    if (light.value) next.set('light', light.value);
    if (status.value) next.set('status', status.value);
    go(`/queues/${q}${next.size ? `?${next}` : ''}`);
  });

  const empty = { done: t('No cases handled by you'), copied: t('No cases copied to you'), started: t('No window applications registered by you') }[q];
  const list = table<CaseRow>([
    { head: t('Light'), cell: (r) => lightDot(r.light, t), className: 'col-light' },
    { head: t('Case number'), cell: (r) => el('a', { href: `#/cases/${encodeURIComponent(r.caseNo)}`, class: 'case-link' }, r.caseNo) },
    { head: t('Item'), cell: (r) => r.itemName ?? r.itemCode ?? '—' },
    { head: t('Applicant'), cell: (r) => r.applicantName ?? applicantName(r.applicant) },
    { head: t('Channel'), cell: (r) => keyed(t, 'channel', (r as CaseRow & { channel?: string }).channel) },
    { head: t('Status'), cell: (r) => keyed(t, 'status', r.status) },
    { head: t('Received'), cell: (r) => dateTime(r.receivedAt) },
    { head: t('Promised deadline'), cell: (r) => deadlineDay(r.promisedDeadline) },
  ], page.items, empty, (r) => ({ 'data-case': r.caseNo }));
  const title = { done: t('Done by me'), copied: t('Copied to me'), started: t('Registered by me') }[q];
  return el('div', { class: 'page', id: 'queue', 'data-queue': q },
    el('h1', {}, title), queueTabs(t, q),
    ...(q === 'started' ? [el('p', {}, el('a', { href: '#/window', class: 'button primary', id: 'new-intake' }, t('Window intake')))] : []),
    // Who copied which step, with their note: the copies' own list.
    ...(q === 'copied' ? [el('p', {}, el('a', { href: '#/copies', id: 'copy-records' }, t('The copies with who copied them and their notes')))] : []),
    filters, el('p', { class: 'count', id: 'queue-count' }, t('{n} cases', { n: page.total })), list);
}
