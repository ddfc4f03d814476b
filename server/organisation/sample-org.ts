/**
 * The sample organisation of a first start: one city (杭州市, 330100), one of its districts (西湖区, 330106)
 * and one street of that district (北山街道, 330106001), each with its service centre; every demo department
 * under the city (a name starting with 市) or the district (any other), plus one street office; in each
 * department the four positions 科员 → 科长 → 分管领导 → 负责人, the demo clerk holding 科员, the demo chief
 * 科长 and the department admin 负责人. Idempotent: what exists is left as it is.
 */
import type { Knex } from 'knex';
import type { PositionKind } from '../../engine/core/organisation.js';
import type { DemoDepartment } from '../identity/seed.js';
import type { UserDirectory } from '../identity/users.js';
import type { OrgDirectory } from './directory.js';
import { POSITION_TITLES } from './model.js';

/** The sample regions, city first. */
export const SAMPLE_REGIONS = [
  { code: '330100', name: '杭州市', centre: '杭州市政务服务中心' },
  { code: '330106', name: '西湖区', parent: '330100', centre: '西湖区政务服务中心' },
  { code: '330106001', name: '北山街道', parent: '330106', centre: '北山街道便民服务中心' },
] as const;

/** The street office the sample adds, so that the township level has a department with staff. */
export const TOWNSHIP_DEPARTMENT: DemoDepartment = { department: '北山街道社会事务办公室', slug: 'beishan', groups: ['clerk', 'reviewer', 'chief'] };

/** The region a demo department is placed under. */
export function sampleRegionOf(department: string): string {
  if (department === TOWNSHIP_DEPARTMENT.department) return '330106001';
  return department.startsWith('市') ? '330100' : '330106';
}

/** The demo departments with the street office added (once). */
export function withTownship(departments: readonly DemoDepartment[]): DemoDepartment[] {
  return departments.some((d) => d.department === TOWNSHIP_DEPARTMENT.department) ? [...departments] : [...departments, TOWNSHIP_DEPARTMENT];
}

const CHAIN: ReadonlyArray<{ kind: PositionKind; suffix: string; holder?: 'staff' | 'chief' | 'admin' }> = [
  { kind: 'clerk', suffix: 'clerk', holder: 'staff' },
  { kind: 'section-chief', suffix: 'chief', holder: 'chief' },
  { kind: 'deputy-head', suffix: 'deputy' },
  { kind: 'head', suffix: 'head', holder: 'admin' },
];

/** Creates the sample organisation for `departments` in one transaction. */
export async function seedSampleOrganisation(knex: Knex, org: OrgDirectory, users: UserDirectory, departments: readonly DemoDepartment[], at: string): Promise<void> {
  const by = 'system:first-start';
  // Read before the transaction: SQLite has one connection, which the transaction holds.
  const accounts = new Map((await users.list()).map((u) => [u.id, u]));
  await knex.transaction(async (trx) => {
    for (const r of SAMPLE_REGIONS) if (!(await org.region(r.code, trx))) await org.createRegion(trx, { ...r }, at, by);
    for (const d of departments) {
      if (!(await org.department(d.department, trx))) await org.createDepartment(trx, { id: d.department, name: d.department, region: sampleRegionOf(d.department) }, at, by);
      // Highest first, so each position's leader exists when it is created.
      for (let i = CHAIN.length - 1; i >= 0; i--) {
        const link = CHAIN[i]!;
        const id = `${d.slug}.${link.suffix}`;
        const leader = CHAIN[i + 1] ? `${d.slug}.${CHAIN[i + 1]!.suffix}` : undefined;
        if (!(await org.position(id, trx))) await org.createPosition(trx, { id, department: d.department, kind: link.kind, name: POSITION_TITLES[link.kind], ...(leader ? { leader } : {}) }, at, by);
        const user = link.holder ? accounts.get(`${d.slug}-${link.holder}`) : undefined;
        if (user?.department === d.department) await org.addHolder(trx, id, user, at);
      }
    }
  });
}
