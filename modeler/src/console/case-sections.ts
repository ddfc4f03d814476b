/**
 * The case page's read-only sections: materials (required and supplied), documents (the printable HTML
 * notices, opened in a frame or a new window) and the timeline (who, when, what, why).
 */
import { timelineDetailText, timelineWhyText, type Language } from '../../../contracts/messages/index.js';
import type { CaseDetail, TimelineRow } from '../ui/api-types.js';
import { el, errorText, keyed, say, section, table, type T } from '../ui/dom.js';
import { dateTime } from '../ui/format.js';
import type { Http } from '../ui/http.js';
import { pageLanguage } from '../i18n/translate.js';

/** The documents a case may have, in the order they arise. */
export const DOCUMENT_KINDS = ['correction-notice', 'acceptance-notice', 'non-acceptance'] as const;

/** Which documents the case has, from its state. */
export function documentsOf(c: CaseDetail): string[] {
  if (c.documents) return c.documents;
  return DOCUMENT_KINDS.filter((k) => (k === 'correction-notice' ? (c.corrections?.length ?? 0) > 0 : k === 'acceptance-notice' ? !!c.acceptance : !!c.rejection));
}

/** Opens the file of `material` in `viewer` (PDF in a frame, images as an image; others are downloaded). */
async function showMaterial(http: Http, c: CaseDetail, material: string, viewer: HTMLElement, download: boolean): Promise<void> {
  const file = await http.file(`/api/cases/${encodeURIComponent(c.caseNo)}/materials/${encodeURIComponent(material)}`);
  const url = URL.createObjectURL(file.blob);
  if (download || !['application/pdf', 'image/png', 'image/jpeg'].includes(file.type)) {
    const a = el('a', { href: url, download: file.name });
    document.body.append(a);
    a.click();
    a.remove();
    return;
  }
  const shown = file.type === 'application/pdf'
    ? el('iframe', { class: 'material-frame', src: url, title: file.name })
    : el('img', { class: 'material-image', src: url, alt: file.name });
  viewer.replaceChildren(el('p', { class: 'viewer-title' }, file.name), shown);
  viewer.hidden = false;
  viewer.dataset.material = material;
  viewer.dataset.type = file.type;
}

/** Materials: each required one with whether it is on file (to view or download), then any other supplied. */
export function materialsSection(t: T, c: CaseDetail, http?: Http): HTMLElement {
  const viewer = el('div', { id: 'material-viewer', class: 'viewer', hidden: true });
  const supplied = new Map((c.materials ?? []).map((m) => [m.material, m]));
  type Row = { material: string; name: string; required: boolean };
  const rows: Row[] = (c.requiredMaterials ?? []).map((m) => ({ material: m.material, name: m.name, required: true }));
  for (const m of c.materials ?? []) if (!rows.some((r) => r.material === m.material)) rows.push({ material: m.material, name: m.kind === 'upload' ? m.name : m.material, required: false });
  const list = table<Row>([
    { head: t('Material'), cell: (r) => r.name },
    { head: t('Required'), cell: (r) => (r.required ? t('yes') : t('no')) },
    { head: t('On file'), cell: (r) => {
      const m = supplied.get(r.material);
      if (!m) return el('span', { class: 'missing' }, t('missing'));
      if (m.kind === 'shared') return `${t('shared certificate')} ${m.certificate.number}`;
      const label = `${m.name} (${Math.ceil(m.size / 1024)} KB)`;
      if (!http) return label;
      const button = (text: string, cls: string, download: boolean) => {
        const b = el('button', { type: 'button', class: `link ${cls}` }, text);
        b.addEventListener('click', () => void showMaterial(http, c, r.material, viewer, download).catch((err: Error) => say(errorText(t, err), 'error')));
        return b;
      };
      return el('span', {}, label, ' ', button(t('View'), 'view-material', false), ' ', button(t('Download'), 'download-material', true));
    } },
  ], rows, t('No materials'), (r) => ({ 'data-material': r.material, 'data-on-file': String(supplied.has(r.material)) }));
  list.id = 'materials';
  return section(t('Materials'), list, viewer);
}

/** Documents: a button per document that shows it in a frame below, and a link that opens it in a new window. */
export function documentsSection(t: T, http: Http, c: CaseDetail): HTMLElement {
  const frame = el('iframe', { id: 'document-frame', title: t('Document'), sandbox: '', hidden: true });
  const kinds = documentsOf(c);
  const url = (kind: string) => `/api/cases/${encodeURIComponent(c.caseNo)}/documents/${kind}`;
  const buttons = kinds.map((kind) => {
    const show = el('button', { type: 'button', 'data-document': kind }, keyed(t, 'document', kind));
    show.addEventListener('click', async () => {
      frame.srcdoc = await http.text(url(kind), 'text/html');
      frame.hidden = false;
    });
    const open = el('button', { type: 'button', class: 'link', 'data-open': kind }, t('Open in new window'));
    open.addEventListener('click', async () => {
      const html = await http.text(url(kind), 'text/html');
      window.open(URL.createObjectURL(new Blob([html], { type: 'text/html' })), '_blank');
    });
    return el('li', {}, show, ' ', open);
  });
  return section(t('Documents'), kinds.length ? el('ul', { class: 'documents', id: 'documents' }, ...buttons) : el('p', { id: 'documents' }, t('No documents yet')), frame);
}

/**
 * The engine's descriptions and reasons are English records for the log; a zh-CN reader sees the ones a
 * person wrote (the opinions and reasons staff and applicants typed, in Chinese) and the event's name.
 */
function readable(t: T, text: string | undefined): string {
  if (!text) return '';
  if (t('Case') === 'Case') return text;
  // A lowercase English word marks the engine's own record ("task … opened for …", "decision: approved").
  return /[\u3400-\u9fff]/.test(text) && !/\b[a-z]{3,}\b/.test(text) ? text : '';
}

/**
 * The detail of a timeline row in the page's language, from its code and parameters (people arrive by name;
 * a step's position is worded by the page's own dictionary). A row without a code, or with one this page
 * does not know, falls back to the engine's record where it says more than the event's name.
 */
function detailText(t: T, r: TimelineRow, language: Language): string {
  if (r.detailCode) {
    const params = { ...r.detailParams };
    if (typeof params.role === 'string') params.role = keyed(t, 'role', params.role);
    const text = timelineDetailText(r.detailCode, params, language);
    if (text !== undefined) return text;
  }
  return r.detail && r.detail !== r.what ? readable(t, r.detail) : '';
}

/**
 * The engine's bookkeeping, hidden from the timeline by default: a step's task opening (its completion is
 * listed), the clocks computed and started, and light changes (the clocks section shows the lights).
 */
const ROUTINE_EVENTS: ReadonlySet<string> = new Set(['task.created', 'deadlines.computed', 'step-clock.started', 'step-clock.stopped', 'light.changed']);

/** The timeline: the entries that concern people by default, every event in order with the toggle. */
export function timelineSection(t: T, rows: TimelineRow[]): HTMLElement {
  // The page's language, once for all rows: the engine's explanations are worded in it.
  const language: Language = pageLanguage(t);
  const list = table<TimelineRow>([
    { head: '#', cell: (r) => String(r.seq), className: 'col-seq' },
    { head: t('When'), cell: (r) => dateTime(r.at) },
    // System actors (the supervision sweep, timers) by their Chinese names; people by their own.
    { head: t('Who'), cell: (r) => keyed(t, 'actor', r.actor, r.actor) },
    { head: t('What'), cell: (r) => keyed(t, 'event', r.what) },
    // What happened, by its code; the English record only for a code this page does not know.
    { head: t('Detail'), cell: (r) => detailText(t, r, language) },
    // The engine's own explanation by its code; a reason a person wrote as written.
    { head: t('Why'), cell: (r) => (r.whyCode ? timelineWhyText(r.whyCode, r.whyParams, language) : undefined) ?? readable(t, r.why) },
    { head: t('Status'), cell: (r) => (r.status !== undefined ? keyed(t, 'status', r.status) : '') },
  ], rows, t('No events'), (r) => ({ 'data-event': r.what, ...(ROUTINE_EVENTS.has(r.what) ? { 'data-routine': 'true' } : {}) }));
  list.id = 'timeline';
  const routine = [...list.querySelectorAll<HTMLTableRowElement>('tr[data-routine]')];
  if (!routine.length) return section(t('Timeline'), list);
  const toggle = el('button', { type: 'button', id: 'timeline-toggle', class: 'link' });
  let all = false;
  const show = () => {
    for (const tr of routine) tr.hidden = !all;
    toggle.textContent = all ? t('Show the main entries only') : t('Show all entries ({n})', { n: rows.length });
    toggle.setAttribute('aria-expanded', String(all));
  };
  toggle.addEventListener('click', () => { all = !all; show(); });
  show();
  return section(t('Timeline'), list, el('p', { class: 'timeline-toggle' }, toggle));
}
