/**
 * Administrative division codes (行政区划代码). A city (地级市) and a county or district (县、区) carry their
 * six-digit GB/T 2260 code: two digits of the province, two of the city, two of the county, so a city's
 * code ends in `00` and a county's code starts with its city's four digits. A township or street (乡镇、街道)
 * is below GB/T 2260: it carries the nine digits of the statistical division code (统计用区划代码), its
 * county's six followed by three of its own.
 */

import type { RegionLevel } from '../../contracts/vocabulary/regions.js';

export { REGION_LEVELS, type RegionLevel } from '../../contracts/vocabulary/regions.js';

/** The level below `level`, or undefined for a township. */
export function levelBelow(level: RegionLevel): RegionLevel | undefined {
  return level === 'city' ? 'county' : level === 'county' ? 'township' : undefined;
}

/** The level a code's form gives, or undefined when it is no city, county or township code. */
export function levelOfCode(code: string): RegionLevel | undefined {
  if (/^\d{9}$/.test(code)) return levelOfCode(code.slice(0, 6)) === 'county' && !code.endsWith('000') ? 'township' : undefined;
  if (!/^\d{6}$/.test(code) || code.endsWith('0000') || code.startsWith('00')) return undefined;
  return code.endsWith('00') ? 'city' : 'county';
}

/** Why `code` cannot be a region under `parent` (a city has none), or undefined when it can. */
export function divisionCodeProblem(code: string, parent?: { code: string; level: RegionLevel }): string | undefined {
  const level = levelOfCode(code);
  if (level === undefined) {
    return `Expected a division code: six digits for a city (ending in 00) or a county (GB/T 2260), nine for a township or street, but got '${code}'`;
  }
  if (level === 'city') return parent ? `Expected city '${code}' to have no parent region, but '${parent.code}' was given` : undefined;
  if (!parent) return `Expected ${level} '${code}' to name its parent region, but none was given`;
  if (levelBelow(parent.level) !== level) return `Expected the parent of ${level} '${code}' to be a ${level === 'county' ? 'city' : 'county'}, but '${parent.code}' is a ${parent.level}`;
  const prefix = level === 'county' ? parent.code.slice(0, 4) : parent.code;
  if (!code.startsWith(prefix)) return `Expected ${level} '${code}' to start with the digits '${prefix}' of its parent '${parent.code}', but it does not`;
  return undefined;
}
