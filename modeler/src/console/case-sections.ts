/**
 * The case page's read-only sections: materials (required and supplied), documents (the printable HTML
 * notices, opened in a frame or a new window) and the timeline (who, when, what, why).
 */
import type { CaseDetail, TimelineRow } from '../ui/api-types.js';
import { el, keyed, section, table, type T } from '../ui/dom.js';
import { dateTime } from '../ui/format.js';
import type { Http } from '../ui/http.js';

/** The documents a case may have, in the order they arise. */
export const DOCUMENT_KINDS = ['correction-notice', 'acceptance-notice', 'non-acceptance'] as const;

/** Which documents the case has, from its state. */
export function documentsOf(c: CaseDetail): string[] {
  if (c.documents) return c.documents;
  return DOCUMENT_KINDS.filter((k) => (k === 'correction-notice' ? (c.corrections?.length ?? 0) > 0 : k === 'acceptance-notice' ? !!c.acceptance : !!c.rejection));
}

/** Materials: each required one with whether it is on file, then any other supplied. */
export function materialsSection(t: T, c: CaseDetail): HTMLElement {
  const supplied = new Map((c.materials ?? []).map((m) => [m.material, m]));
  type Row = { material: string; name: string; required: boolean };
  const rows: Row[] = (c.requiredMaterials ?? []).map((m) => ({ material: m.material, name: m.name, required: true }));
  for (const m of c.materials ?? []) if (!rows.some((r) => r.material === m.material)) rows.push({ material: m.material, name: m.name ?? m.material, required: false });
  const list = table<Row>([
    { head: t('Material'), cell: (r) => `${r.material} ${r.name}` },
    { head: t('Required'), cell: (r) => (r.required ? t('yes') : t('no')) },
    { head: t('On file'), cell: (r) => {
      const m = supplied.get(r.material);
      if (!m) return el('span', { class: 'missing' }, t('missing'));
      return m.certificate ? `${t('shared certificate')} ${m.certificate.number}` : `${m.name ?? ''} ${m.size !== undefined ? `(${Math.ceil(m.size / 1024)} KB)` : ''}`;
    } },
  ], rows, t('No materials'), (r) => ({ 'data-material': r.material, 'data-on-file': String(supplied.has(r.material)) }));
  list.id = 'materials';
  return section(t('Materials'), list);
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

/** The timeline: every event in order with its actor and reason. */
export function timelineSection(t: T, rows: TimelineRow[]): HTMLElement {
  const list = table<TimelineRow>([
    { head: '#', cell: (r) => String(r.seq), className: 'col-seq' },
    { head: t('When'), cell: (r) => dateTime(r.at) },
    { head: t('Who'), cell: (r) => r.actor },
    { head: t('What'), cell: (r) => keyed(t, 'event', r.what) },
    // The engine's own description, when it says more than the event's name
    { head: t('Detail'), cell: (r) => (r.detail && r.detail !== r.what ? r.detail : '') },
    { head: t('Why'), cell: (r) => r.why ?? '' },
    { head: t('Status'), cell: (r) => (r.status !== undefined ? keyed(t, 'status', r.status) : '') },
  ], rows, t('No events'), (r) => ({ 'data-event': r.what }));
  list.id = 'timeline';
  return section(t('Timeline'), list);
}
