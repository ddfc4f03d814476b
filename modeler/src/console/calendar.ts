/**
 * The working-day calendar page (工作日历): which years of the State Council's holiday arrangements
 * (国务院办公厅 部分节假日安排) the official calendar holds, the alert while next year's is missing, and the
 * cases in handling whose deadline lies beyond the last year held: provisional (weekends and the fixed-date
 * holidays only, 行政许可法 第82条) until the arrangement is loaded and the open cases recalculated.
 */
import { el, section, table } from '../ui/dom.js';
import { deadline } from '../ui/format.js';
import type { ConsoleContext } from './context.js';

/** GET /api/calendar. */
export interface CalendarStatusView {
  version: string;
  firstYear: number;
  lastYear: number;
  thisYear: number;
  nextYear: number;
  nextYearMissing: boolean;
  provisionalCases: number;
  cases: { caseNo: string; itemCode: string; itemName?: string; department?: string; promisedDeadline?: string; statutoryDeadline?: string }[];
}

/** The last day of a limit, marked provisional when it lies beyond the official data. */
function provisionalDeadline(t: ConsoleContext['t'], instant: string | undefined, lastYear: number): Node | string {
  if (!instant) return '—';
  const text = deadline(instant);
  return Number(text.slice(0, 4)) > lastYear ? el('span', { class: 'provisional' }, `${text}（${t('provisional')}）`) : text;
}

/** Renders the calendar page. */
export async function calendarPage(ctx: ConsoleContext): Promise<HTMLElement> {
  const { t, http } = ctx;
  const s = await http.get<CalendarStatusView>('/api/calendar');
  const alerts: HTMLElement[] = [];
  if (s.nextYearMissing) {
    alerts.push(el('p', { class: 'alert', id: 'calendar-alert', role: 'alert', 'data-year': String(s.nextYear) },
      t("The State Council's holiday arrangement for {year} is not loaded: deadlines in {year} are provisional, counted on weekends and the fixed-date holidays only.", { year: s.nextYear })));
  }
  if (s.provisionalCases > 0) {
    alerts.push(el('p', { class: 'alert', id: 'provisional-alert', role: 'alert' },
      t('{n} cases in handling have a provisional deadline; load the arrangement and recalculate the open cases.', { n: s.provisionalCases })));
  }
  const years = el('dl', { class: 'facts', id: 'calendar-years' },
    el('dt', {}, t('Official data')), el('dd', { id: 'calendar-range' }, t('{first}–{last}', { first: s.firstYear, last: s.lastYear })),
    el('dt', {}, t('This year')), el('dd', {}, String(s.thisYear)),
    el('dt', {}, t('Next year')), el('dd', { id: 'calendar-next', 'data-loaded': String(!s.nextYearMissing) }, s.nextYearMissing ? t('{year}: not loaded', { year: s.nextYear }) : t('{year}: loaded', { year: s.nextYear })));
  const cases = table<CalendarStatusView['cases'][number]>([
    { head: t('Case number'), cell: (c) => el('a', { href: `#/cases/${encodeURIComponent(c.caseNo)}` }, c.caseNo) },
    { head: t('Item'), cell: (c) => c.itemName ?? c.itemCode },
    { head: t('Department'), cell: (c) => c.department ?? '—' },
    { head: t('Promised deadline'), cell: (c) => provisionalDeadline(t, c.promisedDeadline, s.lastYear) },
    { head: t('Statutory deadline'), cell: (c) => provisionalDeadline(t, c.statutoryDeadline, s.lastYear) },
  ], s.cases, t('No case has a provisional deadline'), (c) => ({ 'data-case': c.caseNo }));
  cases.id = 'provisional-cases';
  return el('div', { class: 'page', id: 'calendar', 'data-last-year': String(s.lastYear) },
    el('h1', {}, t('Working-day calendar')),
    ...alerts,
    section(t('Official holiday arrangements'), years,
      el('p', { class: 'hint' }, t('Working days are Monday to Friday, minus the State Council holidays, plus the make-up working days (调休); the locality settings add local closures and extra working days.'))),
    section(t('Cases with a provisional deadline'), el('p', { class: 'count', id: 'provisional-count' }, t('{n} cases', { n: s.provisionalCases })), cases));
}
