/**
 * The case page (办件详情): who applied for what, its status and light, the actions a department may take,
 * the clocks, the materials, the documents and the timeline.
 */
import type { CaseDetail, CaseDetailBody, TimelineRow } from '../ui/api-types.js';
import { el, keyed, lightDot, stepLight } from '../ui/dom.js';
import { dateTime } from '../ui/format.js';
import { actionsSection } from './case-actions.js';
import { clocksSection } from './case-clocks.js';
import { feesSection } from './case-fees.js';
import { jointSection } from './case-joint.js';
import { documentsSection, materialsSection, timelineSection } from './case-sections.js';
import type { ConsoleContext } from './context.js';

/**
 * Reads the answer of GET /api/cases/:caseNo into the page's shape: the clocks (`clocks.statutory`,
 * `clocks.preAcceptanceWindow`, `clocks.suspensions` …) become deadlines, window, ledger and extension, and
 * the documents (`{ kind, url }`) their kinds.
 */
export function caseDetail(body: CaseDetailBody): CaseDetail {
  const { clocks: sent, documents, ...rest } = body;
  // A detail recorded by an older server may lack the clocks: the page shows '—' rather than failing.
  const clocks = sent ?? { suspensions: [], extension: null };
  return {
    ...rest,
    clocks,
    item: { code: body.itemCode, name: body.itemName, department: body.department },
    deadlines: { statutory: clocks.statutory, promised: clocks.promised, delivery: clocks.delivery, departments: clocks.departments },
    ...(clocks.preAcceptanceWindow ? { window: { start: body.receivedAt, deadline: clocks.preAcceptanceWindow } } : {}),
    ledger: clocks.suspensions,
    ...(clocks.extension ? { extension: clocks.extension } : {}),
    documents: (documents ?? []).map((d) => d.kind),
  };
}

/** Renders the case page of `caseNo`. */
export async function casePage(ctx: ConsoleContext, caseNo: string): Promise<HTMLElement> {
  const { t, http } = ctx;
  const base = `/api/cases/${encodeURIComponent(caseNo)}`;
  const [body, events, clock] = await Promise.all([
    http.get<CaseDetailBody>(base),
    http.get<TimelineRow[] | { timeline: TimelineRow[] }>(`${base}/timeline`),
    http.get<{ now: string }>('/api/clock').catch(() => undefined),
    // Opening the case reads the copies (抄送) given to me of it; a reader without copies changes nothing.
    http.post('/api/copies/read', { caseNo }).catch(() => undefined),
  ]);
  const c = caseDetail(body);
  if (clock) c.now = clock.now;
  // A step is late by the clock that supervises it (the server's `light` of the task), while the case may be in time.
  const late = (c.openTasks ?? []).filter((x) => (x.light?.light ?? stepLight(c.light, x.dueAt, c.now)) === 'red' && c.light !== 'red');
  const timeline = Array.isArray(events) ? events : events.timeline ?? [];
  const reload = () => void (window as any).shenpi.render();

  const facts: [string, Node | string][] = [
    [t('Case number'), el('span', { id: 'case-no' }, c.caseNo)],
    [t('Item'), `${c.item?.name ?? c.itemCode ?? ''} ${c.itemVersion ? `（${t('version {v}', { v: c.itemVersion })}）` : ''}`],
    [t('Applicant'), el('span', { id: 'case-applicant' }, c.applicant?.name ?? '—', ...(c.applicant?.idSuffix ? [`（${keyed(t, 'idType', c.applicant.idType ?? 'RESIDENT_ID')} ${t('ending {suffix}', { suffix: c.applicant.idSuffix })}）`] : []))],
    [t('Channel'), keyed(t, 'channel', c.channel)],
    [t('Received'), dateTime(c.receivedAt)],
    [t('Status'), el('span', { id: 'case-status', 'data-status': String(c.status ?? '') }, keyed(t, 'status', c.status))],
    [t('Light'), el('span', { id: 'case-light' }, lightDot(c.light, t), ...(late.length ? [' ', el('span', { class: 'step-late', id: 'step-late' }, lightDot('red', t), ' ', t('Step overdue: {names}', { names: late.map((x) => x.name ?? '').join('、') }))] : []))],
    [t('Open tasks'), (c.openTasks ?? []).map((x) => `${x.name ?? keyed(t, 'stage', x.stage)}${x.department ? `（${x.department}）` : ''}`).join('、') || '—'],
  ];
  if (c.decision) facts.push([t('Decision'), `${keyed(t, 'decision', c.decision.outcome)} · ${dateTime(c.decision.decidedAt)}`]);

  return el('div', { class: 'page', id: 'case-page', 'data-case': c.caseNo },
    el('p', { class: 'crumbs' }, el('a', { href: '#/cases' }, t('Cases')), ' / ', c.caseNo),
    el('h1', {}, `${t('Case')} ${c.caseNo}`),
    el('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    clocksSection(t, c),
    ...[jointSection(t, c), feesSection(t, c)].filter((x): x is HTMLElement => !!x),
    await actionsSection(ctx, c, reload),
    materialsSection(t, c, http),
    documentsSection(t, http, c),
    timelineSection(t, timeline));
}
