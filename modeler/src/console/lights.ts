/**
 * The lights overview (红黄绿灯): per department the number of open cases under each light, as a table and
 * an SVG bar chart, with totals, the list of overdue cases, the steps past their own limit and every clock
 * needing attention with its reason. The counts are the ones GET /api/supervision/lights reports; the page
 * never recounts them. A region and a level narrow the view within the reader's own scope (the city centre
 * everything, a county its county and townships).
 */
import type { DepartmentLightsView, LightsOverview } from '../../../contracts/api/lights.js';
import type { CaseRow } from '../ui/api-types.js';
import { barChart } from '../ui/chart.js';
import { el, keyed, lightDot, LIGHTS, section, table, type T } from '../ui/dom.js';
import { deadline } from '../ui/format.js';
import type { ConsoleContext } from './context.js';
import { applicantName } from './cases-list.js';
import { lightsFilter } from './lights-filter.js';
import { clockLightsTable } from './clock-lights.js';

/** One department's counts per light (GET /api/supervision/lights `departments`), as the contract describes it. */
export type LightCounts = DepartmentLightsView;

/** The colours of the lights on charts and dots. */
export const LIGHT_COLORS: Record<(typeof LIGHTS)[number], string> = { green: '#2e9d4a', yellow: '#e0a800', red: '#d93025', paused: '#8a8f98' };

/** The chart of the lights per department. */
export function lightsChart(t: T, rows: LightCounts[]): SVGSVGElement {
  return barChart({
    title: t('Open cases per department and light'),
    categories: rows.map((r) => r.department),
    series: LIGHTS.map((l) => ({ key: l, name: keyed(t, 'light', l), color: LIGHT_COLORS[l], values: rows.map((r) => r[l]) })),
    width: Math.max(480, 150 * rows.length + 80),
  });
}

/** Renders the lights page. */
export async function lightsPage(ctx: ConsoleContext, query = new URLSearchParams()): Promise<HTMLElement> {
  const { t, http } = ctx;
  const scope = new URLSearchParams([...query].filter(([k]) => k === 'region' || k === 'level'));
  const [{ departments: rows, overdue, clocks }, filter] = await Promise.all([
    http.get<LightsOverview>(`/api/supervision/lights${scope.size ? `?${scope}` : ''}`),
    lightsFilter(t, http, ctx.me?.(), query),
  ]);
  // A step past its own limit (环节超期: a step's, a co-department's or a task's own clock) while the case as a
  // whole may still be in time; every clock the server reads as needing attention is listed with its reason.
  const stepsOverdue = clocks.filter((c) => c.kind !== 'promised' && c.kind !== 'statutory' && c.light === 'red');
  const stepTable = clockLightsTable(t, stepsOverdue, { withCase: true, empty: t('No overdue steps') });
  stepTable.id = 'steps-overdue';
  const attention = clockLightsTable(t, clocks, { withCase: true, empty: t('No clock needs attention') });
  attention.id = 'attention-clocks';
  const totals = LIGHTS.map((l) => rows.reduce((sum, r) => sum + r[l], 0));

  const countTable = table<LightCounts>([
    { head: t('Department'), cell: (r) => r.department },
    ...LIGHTS.map((l) => ({ head: keyed(t, 'light', l), className: 'num', cell: (r: LightCounts) => el('a', { href: `#/cases?light=${l}&department=${encodeURIComponent(r.department)}`, 'data-count': l }, String(r[l])) })),
  ], rows, t('No open cases'), (r) => ({ 'data-department': r.department }));
  countTable.id = 'light-counts';

  const overdueTable = table<CaseRow>([
    { head: t('Light'), cell: (r) => lightDot(r.light ?? 'red', t), className: 'col-light' },
    { head: t('Case number'), cell: (r) => el('a', { href: `#/cases/${encodeURIComponent(r.caseNo)}` }, r.caseNo) },
    { head: t('Item'), cell: (r) => r.itemName ?? r.itemCode ?? '—' },
    { head: t('Applicant'), cell: (r) => r.applicantName ?? applicantName(r.applicant) },
    { head: t('Department'), cell: (r) => r.department ?? '—' },
    { head: t('Promised deadline'), cell: (r) => deadline(r.promisedDeadline) },
    { head: t('Statutory deadline'), cell: (r) => deadline(r.statutoryDeadline) },
  ], overdue, t('No overdue cases'), (r) => ({ 'data-case': r.caseNo }));
  overdueTable.id = 'overdue';

  return el('div', { class: 'page', id: 'lights' },
    el('h1', {}, t('Lights')),
    filter,
    el('ul', { class: 'totals', id: 'light-totals' }, ...LIGHTS.map((l, i) => el('li', { 'data-light': l }, lightDot(l, t), el('strong', {}, String(totals[i]))))),
    section(t('Per department'), el('div', { class: 'chart-wrap', id: 'lights-chart' }, lightsChart(t, rows)), countTable),
    section(t('Overdue cases'), overdueTable),
    section(t('Steps overdue'), el('p', { class: 'count', id: 'steps-overdue-count' }, t('{n} steps overdue', { n: stepsOverdue.length })), stepTable),
    section(t('Clocks needing attention'), el('p', { class: 'count', id: 'attention-count' }, t('{n} clocks', { n: clocks.length })), attention));
}
