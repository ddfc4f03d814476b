/**
 * The lights page's level filter (分级监管): a region of the reader's scope (it and the regions below it) and
 * a level (市、县、乡). The choice lives in the hash's query (`#/lights?region=330106&level=township`), so a
 * narrowed view can be linked; the server decides what the reader may see and refuses a region outside it.
 */
import type { OrganisationView, RegionView } from '../../../contracts/api/organisation.js';
import { REGION_LEVELS } from '../../../contracts/vocabulary/regions.js';
import { el, field, keyed, select, type T } from '../ui/dom.js';
import type { Http, Me } from '../ui/http.js';
import { go } from '../ui/router.js';

/** The regions at and below `home` (all of them without one), top first, each under its parent. */
export function regionsInScope(regions: readonly RegionView[], home?: string): RegionView[] {
  const roots = home === undefined ? regions.filter((r) => !r.parent || !regions.some((p) => p.code === r.parent)) : regions.filter((r) => r.code === home);
  const out: RegionView[] = [];
  const visit = (r: RegionView) => {
    out.push(r);
    for (const child of regions.filter((c) => c.parent === r.code)) visit(child);
  };
  roots.forEach(visit);
  return out;
}

/** The filter form; the regions come from GET /api/org (none shown when it cannot be read). */
export async function lightsFilter(t: T, http: Http, me: Me | undefined, query: URLSearchParams): Promise<HTMLElement> {
  const org = await http.get<OrganisationView>('/api/org').catch(() => ({ regions: [] as RegionView[] }));
  const indent = (r: RegionView) => '\u3000'.repeat(REGION_LEVELS.indexOf(r.level));
  const region = select('lights-region', regionsInScope(org.regions, me?.region).map((r) => [r.code, `${indent(r)}${r.name}（${keyed(t, 'level', r.level)}）`]), t('All regions in my scope'));
  region.value = query.get('region') ?? '';
  const level = select('lights-level', REGION_LEVELS.map((l) => [l, keyed(t, 'level', l)]), t('All levels'));
  level.value = query.get('level') ?? '';
  const form = el('form', { class: 'filters', id: 'lights-filters' },
    field(t('Region'), region), field(t('Level'), level),
    el('button', { type: 'submit', class: 'primary' }, t('Search')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (region.value) q.set('region', region.value);
    if (level.value) q.set('level', level.value);
    go(`/lights${q.size ? `?${q}` : ''}`);
  });
  return form;
}
