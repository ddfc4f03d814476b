/**
 * The monthly report (月度报表): per department and item the applications, acceptances, completions, those
 * on time and overdue, the online share, express deliveries and evaluations; two SVG charts, and the CSV and
 * Excel downloads (the same route with the file's type as Accept).
 */
import type { MonthlyReport, MonthlyRowView } from '../../../contracts/api/reports.js';
import { barChart } from '../ui/chart.js';
import { el, errorText, field, saveBlob, say, section, table, type T } from '../ui/dom.js';
import { percent } from '../ui/format.js';
import { go } from '../ui/router.js';
import type { ConsoleContext } from './context.js';

/** One row of the report (GET /api/reports/monthly): one department and item in the month, as the contract describes it. */
export type ReportRow = MonthlyRowView;

/** The number of evaluations of a row, all grades together. */
export function evaluationCount(r: ReportRow): number {
  return Object.values(r.evaluations ?? {}).reduce((s, v) => s + v, 0);
}

/** The month (`YYYY-MM`, Beijing time) of `today`: the report opens on the running month. */
export function defaultMonth(today = new Date()): string {
  return new Date(today.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

function charts(t: T, rows: ReportRow[]): HTMLElement {
  const byDept = new Map<string, ReportRow[]>();
  for (const r of rows) byDept.set(r.department, [...(byDept.get(r.department) ?? []), r]);
  const depts = [...byDept.keys()];
  const sum = (k: 'received' | 'accepted' | 'completed' | 'overdue' | 'online') => depts.map((d) => byDept.get(d)!.reduce((s, r) => s + r[k], 0));
  const apps = sum('received');
  const online = sum('online');
  return el('div', { class: 'charts', id: 'report-charts' },
    barChart({
      title: t('Cases per department'), categories: depts, width: Math.max(480, 170 * depts.length + 80),
      series: [
        { key: 'received', name: t('Applications'), color: '#5b8ff9', values: apps },
        { key: 'accepted', name: t('Accepted'), color: '#61ddaa', values: sum('accepted') },
        { key: 'completed', name: t('Completed'), color: '#2e9d4a', values: sum('completed') },
        { key: 'overdue', name: t('Overdue'), color: '#d93025', values: sum('overdue') },
      ],
    }),
    barChart({
      title: t('Online share per department (target 80%)'), categories: depts, width: Math.max(360, 120 * depts.length + 80),
      format: (v) => `${Math.round(v)}%`,
      series: [{ key: 'online-share', name: t('Online share'), color: '#1f5fa8', values: depts.map((_d, i) => (apps[i] ? (online[i]! / apps[i]!) * 100 : 0)) }],
    }));
}

/** Renders the report for the month in the query (`?month=YYYY-MM`), the running month by default. */
export async function reportPage(ctx: ConsoleContext, query: URLSearchParams): Promise<HTMLElement> {
  const { t, http } = ctx;
  const month = query.get('month') ?? defaultMonth();
  const input = el('input', { id: 'report-month', type: 'month', value: month });
  const path = `/api/reports/monthly?month=${encodeURIComponent(month)}`;
  const { rows } = await http.get<MonthlyReport>(path);

  const form = el('form', { class: 'filters', id: 'report-form' }, field(t('Month'), input), el('button', { type: 'submit', class: 'primary' }, t('Show')));
  form.addEventListener('submit', (e) => { e.preventDefault(); go(`/report?month=${input.value}`); });
  const exporter = (id: string, label: string, accept: string, extension: string): HTMLButtonElement => {
    const button = el('button', { type: 'button', id }, label);
    button.addEventListener('click', () => {
      http.file(path, accept).then((file) => saveBlob(`shenpi-report-${month}.${extension}`, file.blob), (err: Error) => say(errorText(t, err), 'error'));
    });
    return button;
  };
  const csv = exporter('report-csv', t('Download CSV'), 'text/csv', 'csv');
  const xlsx = exporter('report-xlsx', t('Download Excel'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx');

  const list = table<ReportRow>([
    { head: t('Department'), cell: (r) => r.department },
    { head: t('Item'), cell: (r) => r.itemName ?? r.itemCode },
    { head: t('Applications'), cell: (r) => String(r.received), className: 'num' },
    { head: t('Accepted'), cell: (r) => String(r.accepted), className: 'num' },
    { head: t('Not accepted'), cell: (r) => String(r.rejected), className: 'num' },
    { head: t('Completed'), cell: (r) => String(r.completed), className: 'num' },
    { head: t('On time'), cell: (r) => String(r.onTime), className: 'num' },
    { head: t('Overdue'), cell: (r) => String(r.overdue), className: 'num' },
    { head: t('Online share'), cell: (r) => percent(r.onlineShare), className: 'num' },
    { head: t('Express deliveries'), cell: (r) => String(r.expressDeliveries), className: 'num' },
    { head: t('Evaluations'), cell: (r) => String(evaluationCount(r)), className: 'num' },
  ], rows, t('No cases in this month'), (r) => ({ 'data-department': r.department, 'data-item': r.itemCode }));
  list.id = 'report';

  return el('div', { class: 'page', id: 'report-page', 'data-month': month },
    el('h1', {}, `${t('Monthly report')} ${month}`),
    el('div', { class: 'toolbar-row' }, form, csv, ' ', xlsx),
    section(t('Charts'), charts(t, rows)),
    section(t('Figures'), list));
}
