/**
 * An item's disclosure (两清单一图表): acceptance conditions, materials with the conditions under which each
 * is required, limits, fees, the flow and the contacts, generated from the same package that runs.
 */
import type { DisclosureView } from '../../../contracts/api/index.js';
import { el, keyed, section, table, type T } from '../ui/dom.js';
import { limitText } from '../ui/format.js';
import type { PortalContext } from './context.js';

/** The disclosure as GET /api/items/:code returns it: the parts the item page and the application page read. */
export type ItemDisclosure = Pick<DisclosureView, 'item' | 'facts' | 'conditions' | 'materials' | 'limits' | 'fees' | 'flow' | 'result' | 'contacts'>;

/** Reads the disclosure of an item. */
export async function loadDisclosure(ctx: PortalContext, code: string): Promise<ItemDisclosure> {
  return ctx.http.get<DisclosureView>(`/api/items/${encodeURIComponent(code)}`);
}

/** When a material is required, in words. */
export function requiredText(t: T, required: 'always' | string[]): string {
  return required === 'always' ? t('always') : required.length ? required.join(t(' or ')) : t('when the pre-review asks for it');
}

/** Renders the disclosure page of `code`. */
export async function itemPage(ctx: PortalContext, code: string): Promise<HTMLElement> {
  const { t } = ctx;
  const d = await loadDisclosure(ctx, code);
  const steps = d.flow.filter((s) => s.name);
  return el('div', { class: 'page', id: 'item-page', 'data-item': d.item.code },
    el('p', { class: 'crumbs' }, el('a', { href: '#/' }, t('Service guide')), ' / ', d.item.name),
    el('h1', {}, d.item.name),
    el('p', { class: 'item-meta' }, `${d.item.implementingBody.name} · ${t('Online depth')}：${d.item.onlineDepth ?? '—'} · ${t('Visits')}：${d.item.onsiteVisits ?? '—'}`),
    el('a', { href: `#/items/${encodeURIComponent(code)}/apply`, class: 'button primary big', id: 'apply-link' }, t('Apply online')),
    section(t('Acceptance conditions'), el('ol', { id: 'conditions' }, ...d.conditions.map((c) => el('li', {}, c.text)))),
    section(t('Materials'), table([
      { head: t('Material'), cell: (m: ItemDisclosure['materials'][number]) => m.name },
      { head: t('Form'), cell: (m) => m.form.join('、') || '—' },
      { head: t('Required'), cell: (m) => requiredText(t, m.required) + (m.deferrable ? `（${t('may follow later')}）` : '') },
      { head: t('Source'), cell: (m) => keyed(t, 'source', m.source) },
    ], d.materials, t('No materials'))),
    section(t('Time limits'), el('ul', { class: 'plain', id: 'limits' },
      el('li', {}, `${t('Statutory limit')}：${limitText(d.limits.statutory, t)}`),
      el('li', {}, `${t('Promised limit')}：${limitText(d.limits.promised, t)}`),
      ...(d.limits.extension ? [el('li', {}, `${t('Extension')}：${limitText(d.limits.extension, t)}（${d.limits.extension.approver}）`)] : []),
      ...d.limits.specialProcedures.map((p) => el('li', {}, `${t('Special procedure')}：${p.name || keyed(t, 'procedure', p.type)}`)))),
    section(t('Fees'), el('div', { id: 'fees' }, d.fees.charged
      ? el('ul', { class: 'plain' }, ...d.fees.items.map((f) => el('li', {}, `${f.item}：${f.amount}${f.condition && f.condition !== 'always' ? `（${f.condition}）` : ''}`)))
      : el('p', {}, `${t('Free of charge')}${d.fees.basis ? `：${d.fees.basis}` : ''}`))),
    section(t('Flow'), el('ol', { class: 'flow', id: 'flow' }, ...steps.map((s) => el('li', {}, el('strong', {}, s.name), s.department ? el('small', {}, s.department) : '')))),
    section(t('Result'), el('p', {}, `${d.result.name || '—'}${d.result.eCertificate ? `（${t('e-certificate')}）` : ''}`)),
    section(t('Contacts'), el('ul', { class: 'plain', id: 'contacts' },
      el('li', {}, `${t('Consultation')}：${d.contacts.consultation || '—'}`),
      el('li', {}, `${t('Complaints')}：${d.contacts.complaint || '—'}`),
      ...(d.contacts.address ? [el('li', {}, `${t('Address')}：${d.contacts.address}`)] : []),
      ...(d.contacts.hours ? [el('li', {}, `${t('Hours')}：${d.contacts.hours}`)] : []))));
}
