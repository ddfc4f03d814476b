/**
 * The working-day calendar page (工作日历): which years of the State Council's holiday arrangements
 * (国务院办公厅 部分节假日安排) the official calendar holds, the alert while next year's is missing, and the
 * cases in handling whose deadline lies beyond the last year held: provisional (weekends and the fixed-date
 * holidays only, 行政许可法 第82条) until the arrangement is loaded and the open cases recalculated. The
 * reform office loads a year's arrangement here: checked, what it changes shown first, then loaded.
 */
import { el, errorText, field, keyed, say, section, table, type T } from '../ui/dom.js';
import { deadline } from '../ui/format.js';
import type { ConsoleContext } from './context.js';
import type { CalendarStatus } from '../../../contracts/api/calendar.js';

/** One open deadline a year's arrangement moves or confirms (POST /api/calendar/preview). */
interface Change {
  caseNo: string;
  clock: string;
  oldDate: string;
  newDate: string;
  change: 'moved' | 'confirmed';
  provisional: boolean;
}

/** The Chinese name of an arrangement field as the server names it (`holidays[2]` …). */
function arrangementField(t: T, path: string): string {
  const item = /^(\w+)\[(\d+)\]$/.exec(path);
  return item ? t('{field}, line {n}', { field: keyed(t, 'arrangement', item[1]), n: Number(item[2]) + 1 }) : keyed(t, 'arrangement', path);
}

/** Why the server refused an arrangement field, in Chinese (the checks of engine/calendar/year-arrangement). */
function arrangementProblem(t: T, message: string): string {
  const date = /(\d{4}-\d{2}-\d{2})/.exec(message)?.[1] ?? '';
  let m: RegExpExecArray | null;
  if ((m = /Expected a date in (\d{4}), but it was (\S+)/.exec(message))) return t('must be dates of {year}, but it has {date}', { year: m[1], date: m[2] });
  if (/Saturday or Sunday/.test(message)) return t('has {date}, a weekday: a make-up working day is a Saturday or Sunday', { date });
  if ((m = /fixed-date holidays among the days off, but (.+) is missing/.exec(message))) return t('lacks the fixed-date holidays {dates}', { dates: m[1]!.split(', ').join('、') });
  if (/either a day off or a make-up working day/.test(message)) return t('has {date} both as a day off and as a make-up working day', { date });
  if (/listed twice/.test(message)) return t('lists the same date twice: {date}', { date });
  if (/YYYY-MM-DD/.test(message)) return t('must be a date YYYY-MM-DD');
  if ((m = /Expected (\d{4}) or an earlier year/.exec(message))) return t('must be {year} or an earlier year', { year: m[1] });
  if (/blank/.test(message)) return t('give the reason for the change');
  return t('is not accepted');
}

/** The refusal of an arrangement, naming the field in Chinese. */
function arrangementRefusal(t: T, err: Error & { code?: string; details?: Record<string, any> }): string {
  const problem = Array.isArray(err.details?.problems) ? err.details!.problems[0] : undefined;
  if (err.code === 'CALENDAR_INVALID' && problem?.field) return `${arrangementField(t, problem.field)}${arrangementProblem(t, problem.message ?? '')}`;
  return errorText(t, err);
}

/** The name of an open clock (`statutory`, `step:review`, `co-department:…`). */
function clockLabel(t: T, clock: string): string {
  const whole = keyed(t, 'clock', clock, '');
  if (whole) return whole;
  const [kind, rest] = [clock.split(':')[0]!, clock.split(':').slice(1).join(':')];
  const name = keyed(t, 'clock', kind);
  return rest ? `${name}：${rest}` : name;
}

/** The reform office's form: a year's arrangement, what it would change, and loading it. */
function arrangementForm(ctx: ConsoleContext, s: CalendarStatus): HTMLElement {
  const { t, http } = ctx;
  const year = el('input', { id: 'arrangement-year', type: 'number', value: s.nextYearMissing ? s.nextYear : s.lastYear, min: s.firstYear, max: s.lastYear + 1 });
  const holidays = el('textarea', { id: 'arrangement-holidays', rows: 4, placeholder: t('One date per line, e.g. 2026-03-10') });
  const makeUp = el('textarea', { id: 'arrangement-make-up', rows: 2, placeholder: t('One date per line, e.g. 2026-03-10') });
  const notice = el('input', { id: 'arrangement-notice', placeholder: t('e.g. 国办发明电〔2026〕12号') });
  const error = el('p', { class: 'form-error', id: 'arrangement-error', role: 'alert' });
  const changes = el('div', { id: 'arrangement-changes' });
  const body = () => ({
    year: Number(year.value),
    holidays: holidays.value.split(/[\s,，、]+/).filter(Boolean),
    makeUpDays: makeUp.value.split(/[\s,，、]+/).filter(Boolean),
    notice: notice.value.trim(),
  });
  const refused = (err: Error) => { const text = arrangementRefusal(t, err); error.textContent = text; say(`${t('The arrangement was not loaded')}：${text}`, 'error'); };
  const preview = el('button', { type: 'button', id: 'arrangement-preview' }, t('See what it changes'));
  preview.addEventListener('click', () => {
    error.textContent = '';
    http.post<{ checked: number; changes: Change[] }>('/api/calendar/preview', body()).then((p) => {
      const list = table<Change>([
        { head: t('Case number'), cell: (c) => el('a', { href: `#/cases/${encodeURIComponent(c.caseNo)}` }, c.caseNo) },
        { head: t('Clock'), cell: (c) => clockLabel(t, c.clock) },
        { head: t('Deadline now'), cell: (c) => c.oldDate },
        { head: t('Deadline then'), cell: (c) => c.newDate },
        { head: t('Change'), cell: (c) => (c.change === 'moved' ? t('moves') : t('confirmed, no longer provisional')) },
      ], p.changes, t('No open deadline changes'), (c) => ({ 'data-case': c.caseNo, 'data-clock': c.clock, 'data-change': c.change }));
      list.id = 'arrangement-change-list';
      changes.replaceChildren(el('p', { class: 'count' }, t('{n} open cases checked; {m} deadlines change', { n: p.checked, m: p.changes.length })), list);
    }, refused);
  });
  const load = el('button', { type: 'button', class: 'primary', id: 'arrangement-load' }, t('Load and recalculate the open cases'));
  load.addEventListener('click', () => {
    error.textContent = '';
    load.disabled = true;
    const b = body();
    http.post<{ changed: number; recorded: number }>('/api/calendar/years', b).then((r) => {
      say(t('The arrangement for {year} is loaded; {n} open cases recalculated, {m} deadlines recorded', { year: b.year, n: r.changed, m: r.recorded }), 'ok');
      void (window as any).shenpi.render();
    }, (err: Error) => { load.disabled = false; refused(err); });
  });
  return section(t('Load a holiday arrangement'),
    el('p', { class: 'hint' }, t('From the State Council notice: every day off of the year, weekend days included, and the make-up working days.')),
    el('div', { class: 'settings-form', id: 'arrangement-form' },
      field(keyed(t, 'arrangement', 'year'), year), field(keyed(t, 'arrangement', 'holidays'), holidays),
      field(keyed(t, 'arrangement', 'makeUpDays'), makeUp), field(keyed(t, 'arrangement', 'notice'), notice),
      error, el('div', { class: 'actions' }, preview, ' ', load)),
    changes);
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
  const s = await http.get<CalendarStatus>('/api/calendar');
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
  const cases = table<CalendarStatus['cases'][number]>([
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
    section(t('Cases with a provisional deadline'), el('p', { class: 'count', id: 'provisional-count' }, t('{n} cases', { n: s.provisionalCases })), cases),
    ...(ctx.me?.()?.roles.includes('reform-office-admin') ? [arrangementForm(ctx, s)] : []));
}
