/**
 * The clocks of a case (时限): the statutory and promised deadlines with their limits and bases, the
 * pre-acceptance correction window, the suspensions (特别程序 挂起) and the extension (延长审批).
 */
import { timelineWhyText } from '../../../contracts/messages/index.js';
import type { CaseDetail, DeadlineView } from '../ui/api-types.js';
import { el, keyed, section, table, type T } from '../ui/dom.js';
import { dateTime, deadline } from '../ui/format.js';
import { pausedClockLine } from '../ui/paused-clock.js';
import { clockLightsTable } from './clock-lights.js';

type Ledger = NonNullable<CaseDetail['ledger']>[number];

function deadlineCells(t: T, d: DeadlineView | undefined): (Node | string)[] {
  if (!d) return ['—', '—', '—'];
  const limit = d.value !== undefined ? `${d.value} ${keyed(t, 'unit', d.unit)}` : '—';
  const notes = [
    d.basis?.suspendedDays ? t('{n} days suspended', { n: d.basis.suspendedDays }) : '',
    d.basis?.extension ? t('extended by {n} {unit}', { n: d.basis.extension.value, unit: keyed(t, 'unit', d.basis.extension.unit) }) : '',
    d.provisional ? t('provisional (no official calendar yet)') : '',
  ].filter(Boolean).join('；');
  // A limit ending at office closing (民法典 第203条) shows its closing time beside the day.
  const closing = d.basis?.endOfDay === 'office-closing' && d.instant ? [' ', el('small', { class: 'deadline-end' }, deadline(d.instant).slice(11))] : [];
  return [limit, el('span', {}, el('strong', { class: 'deadline' }, d.date), ...closing), notes || articleText(t, d.basis?.article)];
}

/** The basis of a limit: an article of law as the server names it, or the item listing's own limit in Chinese. */
function articleText(t: T, article: string | undefined): string {
  if (!article) return '—';
  if (/^promised limit/.test(article)) return t('basis.promised-listing');
  if (/^step limit/.test(article)) return t('basis.step-listing');
  if (/^co-department promised limit/.test(article)) return t('basis.co-department-listing');
  return article;
}

/** Which clocks a special procedure pauses (行政许可法 第45条 and the item's settings), with the basis. */
function pausedText(t: T, s: Ledger): string {
  const paused = [s.pauses?.statutory ? t('Statutory limit') : '', s.pauses?.promised ? t('Promised limit') : ''].filter(Boolean);
  return `${paused.length ? paused.join('、') : t('none: the clocks run on')}${s.pauseBasis ? `（${s.pauseBasis}）` : ''}`;
}

/** Whether the case has ended (办结 after delivery, or withdrawn / revoked), not merely decided. */
function isConcluded(c: CaseDetail): boolean {
  return c.concludedAt !== undefined || ['concluded', 'withdrawn', 'revoked'].includes(c.phase ?? '');
}

/** The clocks section of the case page. */
export function clocksSection(t: T, c: CaseDetail): HTMLElement {
  const rows: [string, string, DeadlineView | undefined][] = [
    ['statutory', t('Statutory limit'), c.deadlines?.statutory],
    ['promised', t('Promised limit'), c.deadlines?.promised],
  ];
  if (c.window) rows.unshift(['pre-acceptance', t('Correction window (art. 32)'), c.window.deadline]);
  if (c.deadlines?.delivery) rows.push(['delivery', t('Delivery limit (art. 44)'), c.deadlines.delivery]);
  for (const [dept, d] of Object.entries(c.deadlines?.departments ?? {})) rows.push([`department:${dept}`, `${t('Co-department')} ${dept}`, d]);

  const clocks = el('table', { class: 'data', id: 'clocks' },
    el('thead', {}, el('tr', {}, ...[t('Clock'), t('Limit'), t('Deadline'), t('Basis and adjustments')].map((h) => el('th', {}, h)))),
    el('tbody', {}, ...(rows.some((r) => r[2])
      ? rows.map(([key, name, d]) => el('tr', { 'data-clock': key }, el('td', {}, name), ...deadlineCells(t, d).map((x) => el('td', {}, x))))
      : [el('tr', { class: 'empty' }, el('td', { colspan: 4 }, t('The clocks start at acceptance')))])));

  const suspensions = table<Ledger>([
    { head: t('Special procedure'), cell: (s) => keyed(t, 'procedure', s.type) },
    // A reason the engine wrote itself (a hearing requested) by its code, one staff typed as typed.
    { head: t('Reason'), cell: (s) => (s.reasonCode ? timelineWhyText(s.reasonCode, s.reasonParams, t('Case') === 'Case' ? 'en' : 'zh-CN') : undefined) ?? s.reason ?? '—' },
    { head: t('From'), cell: (s) => s.start },
    { head: t('To'), cell: (s) => s.end ?? `${t('running')}${s.expectedEnd ? `（${t('expected {date}', { date: s.expectedEnd })}）` : ''}` },
    { head: t('Clocks paused'), cell: (s) => pausedText(t, s) },
  ], c.ledger ?? [], t('No suspensions'), (s) => ({ 'data-procedure': s.id }));
  suspensions.id = 'suspensions';

  const ext = c.extension;
  const extension = el('p', { id: 'extension' }, ext
    ? `${t('Extended once by {n} {unit}: {reason}', { n: ext.extension.value, unit: keyed(t, 'unit', ext.extension.unit), reason: ext.reason })}（${ext.approvedBy ?? ''} ${dateTime(ext.at)}）`
    : t('No extension'));

  const stepNames = new Map((c.openTasks ?? []).filter((x) => x.elementId && x.name).map((x) => [x.elementId!, x.name!]));
  const lights = clockLightsTable(t, c.lights ?? [], { stepNames, concluded: isConcluded(c) });
  lights.id = 'clock-lights';
  const policy = el('p', { id: 'counting-policy', 'data-policy': c.countingPolicy ?? 'C1' },
    `${t('Counting')}：${keyed(t, 'policy', c.countingPolicy ?? 'C1')}`,
    c.localSettingsVersion !== undefined ? ` · ${t('locality settings version {v}', { v: c.localSettingsVersion })}` : '');

  const paused = pausedClockLine(t, c);
  return section(t('Clocks'), ...(paused ? [paused] : []), clocks, policy, el('h3', {}, t('Lights of every clock')), lights, el('h3', {}, t('Suspensions')), suspensions, el('h3', {}, t('Extension')), extension);
}
