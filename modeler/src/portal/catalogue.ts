/**
 * The item catalogue (办事指南): every published item as a card with its department, limits and whether it
 * can be done fully online; a search box filters by name or code.
 */
import type { ItemRow } from '../ui/api-types.js';
import { el, keyed } from '../ui/dom.js';
import { limitText } from '../ui/format.js';
import { go } from '../ui/router.js';
import type { PortalContext } from './context.js';

/** The implementing department of an item row, whichever field carries it. */
export function departmentOf(item: ItemRow): string {
  const body = item.implementingBody;
  return item.department ?? (typeof body === 'string' ? body : body?.name) ?? '—';
}

/** Renders the catalogue; `?q=` filters it. */
export async function cataloguePage(ctx: PortalContext, query: URLSearchParams): Promise<HTMLElement> {
  const { t, http } = ctx;
  const body = await http.get<ItemRow[] | { items: ItemRow[] }>('/api/items');
  const all = Array.isArray(body) ? body : body.items ?? [];
  const q = (query.get('q') ?? '').trim();
  const items = q ? all.filter((i) => `${i.code} ${i.name ?? ''} ${departmentOf(i)}`.includes(q)) : all;

  const search = el('input', { id: 'search', type: 'search', value: q, placeholder: t('Search items by name or department') });
  const form = el('form', { class: 'search', role: 'search' }, search, el('button', { type: 'submit', class: 'primary' }, t('Search')));
  form.addEventListener('submit', (e) => { e.preventDefault(); go(search.value.trim() ? `/?q=${encodeURIComponent(search.value.trim())}` : '/'); });

  const cards = items.map((i) => el('li', { class: 'card', 'data-item': i.code },
    el('a', { href: `#/items/${encodeURIComponent(i.code)}`, class: 'card-title' }, i.name ?? i.code),
    el('p', { class: 'card-meta' }, [departmentOf(i), i.type ? keyed(t, 'itemType', i.type) : ''].filter(Boolean).join(' · ')),
    el('p', { class: 'card-limits' },
      i.statutoryLimit ? `${t('Statutory limit')} ${limitText(i.statutoryLimit, t)}` : '',
      i.promisedLimit ? ` · ${t('Promised limit')} ${limitText(i.promisedLimit, t)}` : ''),
    el('div', { class: 'card-actions' },
      el('a', { href: `#/items/${encodeURIComponent(i.code)}`, class: 'button' }, t('Service guide')),
      el('a', { href: `#/items/${encodeURIComponent(i.code)}/apply`, class: 'button primary', 'data-apply': i.code }, t('Apply online')))));

  return el('div', { class: 'page', id: 'catalogue' },
    el('div', { class: 'hero' }, el('h1', {}, t('Apply online, no visit needed')), el('p', {}, t('Choose an item, check what you need, apply and follow your case here.')), form),
    el('p', { class: 'count' }, t('{n} items', { n: items.length })),
    el('ul', { class: 'cards', id: 'items' }, ...cards));
}
