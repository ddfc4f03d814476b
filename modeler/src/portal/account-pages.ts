/**
 * The portal's account pages: the real-name login, the applicant's own cases, and the public progress
 * query by case number and the last four characters of the applicant's ID number.
 */
import type { CaseRow, Paged } from '../ui/api-types.js';
import { el, errorText, field, keyed, lightDot, say, section, table } from '../ui/dom.js';
import { dateTime } from '../ui/format.js';
import { go } from '../ui/router.js';
import type { PortalContext } from './context.js';

/** The login page; after logging in it goes to `?next=` (the page that asked for it) or to the applicant's cases. */
export function loginPage(ctx: PortalContext, query: URLSearchParams): HTMLElement {
  const { t } = ctx;
  const user = el('input', { id: 'login-user', autocomplete: 'username', required: true });
  const pass = el('input', { id: 'login-password', type: 'password', autocomplete: 'current-password', required: true });
  const form = el('form', { id: 'login', class: 'login-box' }, el('h1', {}, t('Real-name login')),
    field(t('User name'), user), field(t('Password'), pass), el('button', { type: 'submit', class: 'primary big' }, t('Log in')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.login(user.value, pass.value).then(() => go(query.get('next') ?? '/mine'), (err: Error) => say(`${t('Login failed')}: ${errorText(t, err)}`, 'error'));
  });
  return el('div', { class: 'page' }, form);
}

/** The logged-in applicant's cases. */
export async function myCasesPage(ctx: PortalContext): Promise<HTMLElement> {
  const { t, http } = ctx;
  if (!ctx.me()) return el('div', { class: 'page' }, el('p', {}, el('a', { href: '#/login?next=%2Fmine', class: 'button primary' }, t('Real-name login'))));
  const rows = (await http.get<Paged<CaseRow>>('/api/cases?limit=200')).items;
  const list = table<CaseRow>([
    { head: t('Case number'), cell: (r) => el('a', { href: `#/cases/${encodeURIComponent(r.caseNo)}` }, r.caseNo) },
    { head: t('Item'), cell: (r) => r.itemName ?? r.itemCode ?? '—' },
    { head: t('Status'), cell: (r) => keyed(t, 'status', r.status) },
    { head: t('Received'), cell: (r) => dateTime(r.receivedAt) },
  ], rows, t('You have no cases yet'), (r) => ({ 'data-case': r.caseNo }));
  list.id = 'my-cases';
  return el('div', { class: 'page', id: 'mine' }, el('h1', {}, t('My cases')), list);
}

/** The answer of GET /api/public/progress: nothing personal, only where the case is. */
interface Progress {
  caseNo: string;
  itemName: string;
  status: number;
  stage: string;
  light?: string;
  receivedOn?: string;
  promisedDate?: string;
  concluded?: boolean;
}

/** The public progress query; with `?caseNo=&idSuffix=` it shows the answer. */
export async function progressPage(ctx: PortalContext, query: URLSearchParams): Promise<HTMLElement> {
  const { t, http } = ctx;
  const caseNo = el('input', { id: 'progress-case', required: true, value: query.get('caseNo') ?? '' });
  const suffix = el('input', { id: 'progress-suffix', required: true, maxlength: 4, value: query.get('idSuffix') ?? '' });
  const form = el('form', { class: 'progress-form', id: 'progress-form' },
    field(t('Case number'), caseNo), field(t('Last 4 characters of the ID number'), suffix), el('button', { type: 'submit', class: 'primary' }, t('Search')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(`/progress?${new URLSearchParams({ caseNo: caseNo.value.trim(), idSuffix: suffix.value.trim() })}`);
  });
  const page = el('div', { class: 'page', id: 'progress-page' }, el('h1', {}, t('Progress')), form);
  if (query.get('caseNo') && query.get('idSuffix')) {
    const p = await http.get<Progress>(`/api/public/progress?${new URLSearchParams({ caseNo: query.get('caseNo')!, idSuffix: query.get('idSuffix')! })}`);
    page.append(section(t('Where the case is'), el('dl', { class: 'facts', id: 'progress-answer' },
      el('dt', {}, t('Case number')), el('dd', {}, p.caseNo),
      el('dt', {}, t('Item')), el('dd', {}, p.itemName),
      el('dt', {}, t('Status')), el('dd', { id: 'progress-status' }, keyed(t, 'status', p.status)),
      el('dt', {}, t('Current step')), el('dd', {}, keyed(t, 'stage', p.stage)),
      el('dt', {}, t('Light')), el('dd', {}, lightDot(p.light, t)),
      el('dt', {}, t('Received')), el('dd', {}, p.receivedOn ?? '—'),
      el('dt', {}, t('Promised by')), el('dd', {}, p.promisedDate ?? '—'))));
  }
  return page;
}
