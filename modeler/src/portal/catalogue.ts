/**
 * The item catalogue (办事指南): every published item as a card with its department (the limits are in its
 * disclosure, which the card links to); a search box filters by name, code or department.
 */
import type { ItemRow } from '../ui/api-types.js';
import { el } from '../ui/dom.js';
import { go } from '../ui/router.js';
import type { PortalContext } from './context.js';

/** Renders the catalogue; `?q=` filters it. */
export async function cataloguePage(ctx: PortalContext, query: URLSearchParams): Promise<HTMLElement> {
  const { t, http } = ctx;
  const all = await http.get<ItemRow[]>('/api/items');
  const q = (query.get('q') ?? '').trim();
  const items = q ? all.filter((i) => `${i.code} ${i.name} ${i.department}`.includes(q)) : all;

  const search = el('input', { id: 'search', type: 'search', value: q, placeholder: t('Search items by name or department') });
  const form = el('form', { class: 'search', role: 'search' }, search, el('button', { type: 'submit', class: 'primary' }, t('Search')));
  form.addEventListener('submit', (e) => { e.preventDefault(); go(search.value.trim() ? `/?q=${encodeURIComponent(search.value.trim())}` : '/'); });

  const cards = items.map((i) => el('li', { class: 'card', 'data-item': i.code },
    el('a', { href: `#/items/${encodeURIComponent(i.code)}`, class: 'card-title' }, i.name),
    el('p', { class: 'card-meta' }, i.department),
    el('div', { class: 'card-actions' },
      el('a', { href: `#/items/${encodeURIComponent(i.code)}`, class: 'button' }, t('Service guide')),
      el('a', { href: `#/items/${encodeURIComponent(i.code)}/apply`, class: 'button primary', 'data-apply': i.code }, t('Apply online')))));

  return el('div', { class: 'page', id: 'catalogue' },
    el('div', { class: 'hero' }, el('h1', {}, t('Apply online, no visit needed')), el('p', {}, t('Choose an item, check what you need, apply and follow your case here.')), form),
    el('p', { class: 'count' }, t('{n} items', { n: items.length })),
    el('ul', { class: 'cards', id: 'items' }, ...cards));
}
