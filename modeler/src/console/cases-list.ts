/**
 * The case query (办件查询): filter by case number, applicant, item, status, light, department and overdue;
 * each case links to its page. The filters live in the hash's query, so a filtered list can be linked and reloaded.
 */
import type { CaseRow, ItemRow, Paged } from '../ui/api-types.js';
import { el, field, keyed, lightDot, LIGHTS, select, table } from '../ui/dom.js';
import { dateTime, deadline } from '../ui/format.js';
import { go } from '../ui/router.js';
import type { ConsoleContext } from './context.js';

/** SPGL statuses (办理状态) offered as filters. */
const STATUSES = [1, 3, 5, 6, 7, 8, 9, 11, 13, 14];

/** The applicant of a row when it carries no stated name: their id (the contract's `applicant`), else '—'. */
export function applicantName(a: CaseRow['applicant'] | undefined): string {
  return a || '—';
}

/** Renders the case query with the filters of `query`. */
export async function casesPage(ctx: ConsoleContext, query: URLSearchParams): Promise<HTMLElement> {
  const { t, http } = ctx;
  const [page, items] = await Promise.all([
    http.get<Paged<CaseRow>>(`/api/cases${query.size ? `?${query}` : ''}`),
    http.get<ItemRow[]>('/api/items').catch(() => [] as ItemRow[]),
  ]);
  const item = select('filter-item', items.map((i) => [i.code, i.name ?? i.code]), t('All'));
  item.value = query.get('item') ?? '';
  const caseNo = el('input', { id: 'filter-case', value: query.get('caseNo') ?? '' });
  const applicant = el('input', { id: 'filter-applicant', value: query.get('applicant') ?? '' });
  const status = select('filter-status', STATUSES.map((s) => [String(s), keyed(t, 'status', s)]), t('All'));
  status.value = query.get('status') ?? '';
  const light = select('filter-light', LIGHTS.map((l) => [l, keyed(t, 'light', l)]), t('All'));
  light.value = query.get('light') ?? '';
  const department = el('input', { id: 'filter-department', value: query.get('department') ?? '' });
  const overdue = el('input', { id: 'filter-overdue', type: 'checkbox', ...(query.get('overdue') === 'true' ? { checked: true } : {}) });

  const filters = el('form', { class: 'filters', id: 'case-filters' },
    field(t('Case number'), caseNo), field(t('Applicant'), applicant), field(t('Item'), item), field(t('Status'), status), field(t('Light'), light), field(t('Department'), department),
    el('label', { class: 'field check' }, overdue, el('span', {}, t('Overdue only'))),
    el('button', { type: 'submit', class: 'primary' }, t('Search')));
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (caseNo.value.trim()) q.set('caseNo', caseNo.value.trim());
    if (applicant.value.trim()) q.set('applicant', applicant.value.trim());
    if (item.value) q.set('item', item.value);
    if (status.value) q.set('status', status.value);
    if (light.value) q.set('light', light.value);
    if (department.value.trim()) q.set('department', department.value.trim());
    if (overdue.checked) q.set('overdue', 'true');
    go(`/cases${q.size ? `?${q}` : ''}`);
  });

  const rows = page.items;
  const list = table<CaseRow>([
    { head: t('Light'), cell: (r) => lightDot(r.light, t), className: 'col-light' },
    { head: t('Case number'), cell: (r) => el('a', { href: `#/cases/${encodeURIComponent(r.caseNo)}`, class: 'case-link' }, r.caseNo) },
    { head: t('Item'), cell: (r) => r.itemName ?? r.itemCode ?? '—' },
    { head: t('Applicant'), cell: (r) => r.applicantName ?? applicantName(r.applicant) },
    { head: t('Status'), cell: (r) => keyed(t, 'status', r.status) },
    { head: t('Department'), cell: (r) => r.department ?? '—' },
    { head: t('Received'), cell: (r) => dateTime(r.receivedAt) },
    { head: t('Promised deadline'), cell: (r) => deadline(r.promisedDeadline) },
    { head: t('Statutory deadline'), cell: (r) => deadline(r.statutoryDeadline) },
  ], rows, t('No cases'), (r) => ({ 'data-case': r.caseNo }));
  return el('div', { class: 'page', id: 'cases' }, el('h1', {}, t('Cases')), filters, el('p', { class: 'count' }, t('{n} cases', { n: page.total })), list);
}
