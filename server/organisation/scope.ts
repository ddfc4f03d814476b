/**
 * Supervision by level (分级监管): the city centre sees every county and township, a county centre its own
 * county and its townships, a township centre its own; a department sees its own. A reform-office or
 * supervision account is placed at its centre by its `region`; one placed nowhere (the platform's own
 * `admin`, the demo auditor) works at the top. Within that scope a reader may narrow to a region's subtree
 * (`region`) and to one level (`level`). Pure: the regions and departments are handed in.
 */
import type { RegionLevel } from './division-codes.js';
import { regionSubtree } from './directory.js';

/** What the scope is computed over: the organisation's regions and departments. */
export interface ScopeOrg {
  regions: ReadonlyArray<{ code: string; parent?: string; level: RegionLevel }>;
  departments: ReadonlyArray<{ id: string; region: string }>;
}

/** Why a narrowing was refused: the region or department asked lies outside the reader's own. */
export interface ScopeRefusal {
  refused: 'region' | 'department' | 'unknown-region';
  value: string;
}

/**
 * The departments a centre reader at `home` sees, narrowed by `asked`; undefined means every department,
 * also those the organisation does not place (cases older than it): the top of the platform, unnarrowed.
 */
export function centreScope(org: ScopeOrg, home: string | undefined, asked: { region?: string; level?: RegionLevel; department?: string }): string[] | undefined | ScopeRefusal {
  const homeRegion = home === undefined ? undefined : org.regions.find((r) => r.code === home);
  // The top: no home, or a home with no parent (the city), sees everything unless it narrows.
  const atTop = homeRegion === undefined ? home === undefined : homeRegion.parent === undefined;
  const mine = home === undefined ? org.regions.map((r) => r.code) : regionSubtree(org.regions, home);
  let regions = mine;
  if (asked.region !== undefined) {
    if (!org.regions.some((r) => r.code === asked.region)) return { refused: 'unknown-region', value: asked.region };
    if (!mine.includes(asked.region)) return { refused: 'region', value: asked.region };
    regions = regionSubtree(org.regions, asked.region);
  }
  if (asked.level !== undefined) regions = regions.filter((code) => org.regions.find((r) => r.code === code)?.level === asked.level);
  const departments = org.departments.filter((d) => regions.includes(d.region)).map((d) => d.id);
  if (asked.department !== undefined) {
    const visible = atTop && asked.region === undefined && asked.level === undefined ? true : departments.includes(asked.department);
    return visible ? [asked.department] : { refused: 'department', value: asked.department };
  }
  return atTop && asked.region === undefined && asked.level === undefined ? undefined : departments;
}

/** Whether `scope` is a refusal. */
export function isScopeRefusal(scope: string[] | undefined | ScopeRefusal): scope is ScopeRefusal {
  return scope !== undefined && !Array.isArray(scope);
}

/**
 * The regions an organisation editor placed at `home` may change: its own region and those below it.
 * Undefined means every region, also new top-level ones: the city centre, and an account placed nowhere
 * (the platform's own `admin`). A county reform office keeps its county and its townships, not the city's.
 */
export function editableRegions(org: Pick<ScopeOrg, 'regions'>, home: string | undefined): string[] | undefined {
  if (home === undefined) return undefined;
  const region = org.regions.find((r) => r.code === home);
  if (region !== undefined && region.parent === undefined) return undefined;
  return regionSubtree(org.regions, home);
}
